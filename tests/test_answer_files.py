"""Learners' answers kept as files, each graded by the check of its exercise: a known-wrong answer fails with the
message it names, a right answer written differently from the solution passes.

tests/known_wrong/<solutions notebook stem>/<exercise id>_<name>.py and tests/right_answers/<stem>/<id>_<name>.py
hold the text of a learner's answer cell (all the answer cells of the exercise, when it has several). A known-wrong
file names the message it must fail with inline: `# expect: ...`, one substring a line. Each file is graded on its
track's agno (`agnocourse.grading.answers`): here for the main track, in the agno 3 environment for that track.

A file whose header has the line `# given: solution` holds only what it changes: it is graded as the solution's
answer cells of its exercise followed by the file's text, which redefines what it gets wrong (see the docstring of
agnocourse.grading.answers). Such a file must have code of its own, and that code must change something: a file
that only repeats statements of the solution's answer is reported, since it would be graded as the solution.
"""

import ast
import gc
import json
import subprocess
import tracemalloc
from pathlib import Path

import pytest

from agnocourse.execute import KERNEL
from agnocourse.grading import notebook as nb
from agnocourse.grading.answers import exercise_of, given, kernel_of, outcome, solution_answer, solution_of

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
KNOWN_WRONG = sorted((ROOT / "tests" / "known_wrong").glob("*/*.py"))
RIGHT_ANSWERS = sorted((ROOT / "tests" / "right_answers").glob("*/*.py"))
GIVEN = [case for case in KNOWN_WRONG + RIGHT_ANSWERS if given(case.read_text(encoding="utf-8"))]
INTERPRETERS = {"agno3": ROOT / ".venv-agno3" / "bin" / "python"}  # kernels other than this one's, by name
# Wrong answers leave coroutines that were never awaited; the warning may surface in a later test.
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@pytest.fixture(autouse=True)
def collect_dropped_coroutines():
    """A wrong answer's dropped coroutine can sit in a reference cycle with the error it caused: collect it while
    the test still runs, where the filters above apply, rather than after the last test."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def tracing_left_off():
    """An answer may turn tracemalloc on (7.1 has one that does); tracing would slow every later test here."""
    yield
    tracemalloc.stop()


@pytest.fixture(autouse=True)
def room_for_pyright(monkeypatch):
    """Answers to 9.2 run pyright themselves, which takes seconds alone and far longer on a loaded machine (chapter 8's
    checks run it untimed): the check's own limit (made to stop endless loops) is raised for every answer file, so
    that a machine busy with the whole suite does not turn a slow right answer into a timeout."""
    monkeypatch.setenv("AGNOCOURSE_CHECK_TIMEOUT", "120")


def graded_elsewhere(kernel: str) -> dict[str, dict]:
    """Every answer file of the track that runs on `kernel`, graded at once in that track's interpreter."""
    python = INTERPRETERS[kernel]
    if not python.exists():
        pytest.fail(f"the environment of the kernel {kernel!r} is missing: run `make env`")
    cases = [str(c) for c in KNOWN_WRONG + RIGHT_ANSWERS if kernel_of(solution_of(c)) == kernel]
    command = [str(python), "-m", "agnocourse.grading.answers", *cases]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return {line["file"]: line for line in map(json.loads, result.stdout.splitlines())}


def graded(case: Path, once) -> dict:
    """The case graded on its own track's agno: passed, the failure's message, what the check printed. Another
    track's files are graded in one batch per test run, whichever worker asks first (conftest's `once`)."""
    kernel = kernel_of(solution_of(case))
    if kernel == KERNEL:
        return outcome(case)
    return once(f"answers-{kernel}", lambda: graded_elsewhere(kernel))[str(case)]


@pytest.mark.slow
@pytest.mark.parametrize("kernel", sorted(INTERPRETERS))
def test_another_tracks_answer_files_are_graded_in_one_batch(kernel: str, once):
    """The batch the other track's tests below read, started early in a run as a slow test; a result per file."""
    cases = {str(c) for c in KNOWN_WRONG + RIGHT_ANSWERS if kernel_of(solution_of(c)) == kernel}
    assert cases, f"no answer file runs on the kernel {kernel!r}"
    assert set(once(f"answers-{kernel}", lambda: graded_elsewhere(kernel))) == cases


@pytest.mark.parametrize("case", KNOWN_WRONG, ids=lambda p: f"{p.parent.name[:2]}/{p.stem}")
def test_a_known_wrong_answer_fails_with_its_message(case: Path, once):
    expected = [
        line.split(":", 1)[1].strip()
        for line in case.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect:")
    ]
    assert expected, f"{case.name} says no message to expect"
    result = graded(case, once)
    assert not result["passed"], f"{case.name} passed: {result['output']}"
    if not all(part in result["message"] for part in expected) and kernel_of(solution_of(case)) == KERNEL:
        # A timing check earlier in the exercise's sequence can fire on a busy machine before the one this answer
        # breaks: it is graded once more, and must fail again.
        result = outcome(case)
        assert not result["passed"], f"{case.name} passed: {result['output']}"
    message = result["message"]
    assert all(part in message for part in expected), message
    assert "Observed:" in message and "Hint:" in message
    assert "\n" not in message
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with


@pytest.mark.parametrize("case", RIGHT_ANSWERS, ids=lambda p: f"{p.parent.name[:2]}/{p.stem}")
def test_a_right_answer_written_another_way_passes(case: Path, once):
    result = graded(case, once)
    assert result["passed"], result["message"]
    assert result["output"].strip().endswith("passed")


def changes_to_the_solution(case: Path) -> list[str]:
    """The statements of a `# given: solution` file that the solution's answer does not already hold (imports
    aside): what the file changes. A class that subclasses the solution's class of its name counts by its own
    statements (the methods it overrides). The composed text does what the solution's does when this is empty."""
    solution = ast.parse(solution_answer(solution_of(case), exercise_of(case))).body
    held = {ast.dump(node) for node in solution}
    held |= {ast.dump(statement) for node in solution if isinstance(node, ast.ClassDef) for statement in node.body}
    changes = []
    for node in ast.parse(case.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        overrides = isinstance(node, ast.ClassDef) and [ast.unparse(b) for b in node.bases] == [node.name]
        statements = node.body if isinstance(node, ast.ClassDef) and overrides else [node]
        changes += [ast.unparse(s).splitlines()[0] for s in statements if ast.dump(s) not in held]
    return changes


@pytest.mark.parametrize("case", GIVEN, ids=lambda p: f"{p.parent.name[:2]}/{p.stem}")
def test_an_answer_given_the_solution_changes_it(case: Path):
    own = ast.parse(case.read_text(encoding="utf-8")).body
    assert own, f"{case.name} (`# given: solution`) has no code of its own: it would be graded as the solution"
    assert changes_to_the_solution(case), (
        f"{case.name} (`# given: solution`) only repeats the solution's answer: it would be graded as the solution"
    )


def ids_in_tables(table: str) -> set[str]:
    """Exercise ids of the answers not yet moved to files: the `table` lists (WRONG or RIGHT) of the
    tests/test_grading*.py modules, and the lists parametrizing their tests named after `table` (..._right_...)."""
    ids: set[str] = set()
    for path in Path(__file__).parent.glob("test_grading*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            lists: list[ast.expr] = []
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == table for t in node.targets):
                lists.append(node.value)
            if isinstance(node, ast.FunctionDef) and f"_{table.lower()}_" in node.name:
                lists += [arg for d in node.decorator_list if isinstance(d, ast.Call) for arg in d.args[1:2]]
            for value in lists:
                if isinstance(value, ast.List):
                    ids |= {ast.literal_eval(e.elts[0]) for e in value.elts if isinstance(e, ast.Tuple)}
    return ids


@pytest.mark.parametrize(("files", "table"), [(KNOWN_WRONG, "WRONG"), (RIGHT_ANSWERS, "RIGHT")], ids=["wrong", "right"])
def test_every_exercise_has_answers_of_each_kind_and_no_answer_is_stray(files, table):
    ids = {e.id for path in SOLUTIONS for e in nb.exercises(nb.read(path))}
    covered = {exercise_of(case) for case in files} | ids_in_tables(table)
    assert ids
    assert ids <= covered, f"exercises without a {table.lower()} answer: {sorted(ids - covered)}"
    assert covered <= ids, f"answers for no exercise: {sorted(covered - ids)}"
    for case in files:
        assert (ROOT / "solutions" / f"{case.parent.name}.ipynb").exists(), (
            f"{case}: no solutions notebook of that name"
        )
