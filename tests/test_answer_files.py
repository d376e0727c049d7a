"""Learners' answers kept as files, each graded by the check of its exercise: a known-wrong answer fails with the
message it names, a right answer written differently from the solution passes.

tests/known_wrong/<solutions notebook stem>/<exercise id>_<name>.py and tests/right_answers/<stem>/<id>_<name>.py
hold the text of a learner's answer cell (all the answer cells of the exercise, when it has several). A known-wrong
file names the message it must fail with inline: `# expect: ...`, one substring a line.
"""

import ast
import gc
from pathlib import Path

import pytest

from agnocourse.grading import check
from agnocourse.grading import notebook as nb

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
KNOWN_WRONG = sorted((ROOT / "tests" / "known_wrong").glob("*/*.py"))
RIGHT_ANSWERS = sorted((ROOT / "tests" / "right_answers").glob("*/*.py"))
# Wrong answers leave coroutines that were never awaited; the warning may surface in a later test.
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


def exercise_of(case: Path) -> str:
    return case.stem.split("_")[0]


def answer_namespace(solution: Path, exercise: str) -> dict:
    """What an answer cell to `exercise` sees: every earlier code cell of the solutions notebook run, except
    the other answer cells (### BEGIN SOLUTION) and the check cells."""
    namespace: dict = {"__name__": "__main__"}
    for cell in nb.code_cells(nb.read(solution)):
        meta = nb.check_meta(cell)
        if meta is not None and meta["exercise"] == exercise:
            return namespace
        if meta is None and "### BEGIN SOLUTION" not in cell.source:
            exec(compile(cell.source, f"<{solution.stem} setup>", "exec"), namespace)
    raise AssertionError(f"{solution.name} has no check cell for {exercise}")


def check_answers(solution: Path, exercise: str, namespace: dict) -> tuple:
    """The answers the solutions check cell of `exercise` passes to check(), evaluated in `namespace`."""
    cell = next(c for c in nb.code_cells(nb.read(solution)) if (nb.check_meta(c) or {}).get("exercise") == exercise)
    call = ast.parse(cell.source).body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    return tuple(eval(compile(ast.Expression(arg), "<check>", "eval"), namespace) for arg in call.value.args[1:])


def graded(case: Path) -> None:
    """Run the answer file where its exercise's answer cells stand, then the exercise's check on it."""
    exercise = exercise_of(case)
    solution = ROOT / "solutions" / f"{case.parent.name}.ipynb"
    namespace = answer_namespace(solution, exercise)
    exec(compile(case.read_text(encoding="utf-8"), str(case), "exec"), namespace)
    check(exercise, *check_answers(solution, exercise, namespace))


@pytest.mark.parametrize("case", KNOWN_WRONG, ids=lambda p: f"{p.parent.name[:2]}/{p.stem}")
def test_a_known_wrong_answer_fails_with_its_message(case: Path):
    expected = [
        line.split(":", 1)[1].strip()
        for line in case.read_text(encoding="utf-8").splitlines()
        if line.startswith("# expect:")
    ]
    assert expected, f"{case.name} says no message to expect"
    with pytest.raises(AssertionError) as failure:
        graded(case)
    gc.collect()  # a coroutine the answer never awaited warns now, under this module's filter, not at exit
    message = str(failure.value)
    assert all(part in message for part in expected), message
    assert "Observed:" in message and "Hint:" in message
    assert "\n" not in message


@pytest.mark.parametrize("case", RIGHT_ANSWERS, ids=lambda p: f"{p.parent.name[:2]}/{p.stem}")
def test_a_right_answer_written_another_way_passes(case: Path, capsys):
    graded(case)
    assert capsys.readouterr().out.strip().endswith("passed")


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
