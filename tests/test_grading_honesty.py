"""The graders are honest: solutions score full marks, untouched exercises score zero, and each known-wrong
answer (an anti-pattern the rules forbid) fails with a message naming the rule it breaks."""

from pathlib import Path

import pytest
from grading_cases import ch01_answers as w

from agnocourse import exercises
from agnocourse.grading import notebook as nb
from agnocourse.grading.cli import main as grade_main
from agnocourse.grading.harness import CheckTimeout, run_check
from agnocourse.grading.runner import CHECK_CELL_FACTOR, DEFAULT_TIMEOUT, grade

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
SANITIZE = ROOT / "tests" / "sanitize.cfg"  # nbval's rules in `make test`
# Known-wrong answers leave coroutines that were never awaited; the warning may surface in a later test.
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


def test_an_endless_await_in_a_check_times_out():
    with pytest.raises(CheckTimeout, match="timed out"):
        check_with_timeout("1.1", w.GoodSummary, w.EndlessSummary)


def test_an_endless_loop_in_a_check_is_stopped():
    def spin() -> None:
        while True:
            pass

    with pytest.raises(CheckTimeout, match=r"did not finish within 0\.5 s"):
        run_check("Exercise 0.0", spin, timeout=0.5)


def check_with_timeout(exercise, *answers):
    from agnocourse.grading.registry import lookup

    entry = lookup(exercise)
    run_check(exercise, lambda: entry.check(*answers), timeout=1.0)


def test_exercises_are_in_sync_with_solutions(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert exercises.main(["--check"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_every_solution_notebook_scores_full_marks(solution):
    """Also the solutions' nbval run (`make test` leaves them out of its own): every cell's outputs are the committed
    ones, a check cell's line "Exercise 1.1 (...): passed" included, so that no answer warns or prints on the side."""
    result = grade(solution, solution, compare_with=SANITIZE)
    failed = {e.id: e.message for e in result.exercises if e.status != "passed"}
    assert not failed, f"a right answer failed: {failed}"
    assert not result.problems, result.problems
    assert not result.altered, "the solutions notebook itself was reported as altered"
    assert result.points == result.max_points > 0 and result.passed


@pytest.mark.slow
def test_a_solution_whose_outputs_differ_fails_the_comparison_with_nbvals_difference(tmp_path):
    import nbformat

    notebook = nb.read(SOLVED)
    check_cell(notebook, "1.1").outputs[0]["text"] = "Exercise 1.1 (Dual paths): PASSED\n"
    answer_cell(notebook, "1.2").source += "\nprint('on the side')"
    nb.code_cells(notebook)[0].source += "\nimport warnings\nwarnings.warn('set up twice')"
    path = tmp_path / CHAPTER
    nbformat.write(notebook, path)
    result = grade(path, SOLVED, compare_with=SANITIZE)
    by_id = {e.id: e for e in result.exercises}
    assert by_id["1.1"].status == "failed" and "PASSED" in by_id["1.1"].message, by_id["1.1"].message
    assert by_id["1.2"].status == by_id["1.3"].status == "passed"  # their checks passed
    assert len(result.problems) == 2, result.problems
    assert "set up twice" in result.problems[0] and "on the side" in result.problems[1], result.problems
    assert all("outputs differ from the notebook's" in m for m in [by_id["1.1"].message, *result.problems])
    assert not result.passed
    lax = grade(path, SOLVED)
    assert lax.points == lax.max_points and not lax.problems, "only a strict run compares outputs"


@pytest.mark.slow
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_every_exercise_notebook_scores_zero_on_its_stubs(solution):
    result = grade(ROOT / "exercises" / solution.name, solution)
    assert result.points == 0 and not result.passed
    for e in result.exercises:
        assert e.status == "failed"
        assert e.message.startswith(f"NotAnswered: Exercise {e.id} is not answered yet: ")


@pytest.mark.slow
def test_the_command_line_exits_zero_only_when_all_pass(capsys):
    solution = SOLUTIONS[0]
    assert grade_main([str(solution), "--solutions", str(ROOT / "solutions")]) == 0
    assert "all passed" in capsys.readouterr().out
    assert grade_main([str(ROOT / "exercises" / solution.name), "--solutions", str(ROOT / "solutions")]) == 1


# -- forgeries: a notebook supplies answers only -------------------------------------------------------------
# Each forgery starts from the untouched exercises notebook of chapter 1 (every answer a stub) and tries to
# make the grader award points anyway. Each must score 0 on what it forges and be reported as altered.
CHAPTER = "01_core_principles.ipynb"
STUB = ROOT / "exercises" / CHAPTER
SOLVED = ROOT / "solutions" / CHAPTER

REBIND_CHECK = """
class SummaryWorkflow: ...
class AsyncSummaryWorkflow: ...
def check(exercise, *answers):
    print(f"Exercise {exercise}: passed")
"""
PATCH_REGISTRY = """
import types
import agnocourse.grading.registry as registry
from agnocourse.grading.registry import Exercise
class SummaryWorkflow: ...
class AsyncSummaryWorkflow: ...
registry.lookup = lambda id: Exercise(id, "forged", lambda *answers: None)
"""
PATCH_HARNESS = """
import agnocourse.grading.harness as harness
import agnocourse.grading as grading
class SummaryWorkflow: ...
class AsyncSummaryWorkflow: ...
harness.run_check = lambda label, check, timeout=None: None
grading.run_check = harness.run_check
"""
# Appends "passed" records for every cell to any results file it can find, as the grader lays them out, from a
# thread that keeps writing while the later cells run (a later record of a cell used to win).
WRITE_RESULTS = """
import glob, json, os, threading, time
def forge():
    for _ in range(300):
        paths = set(glob.glob("*.jsonl"))
        try:
            arguments = open(f"/proc/{os.getppid()}/cmdline").read().split("\\0")
            paths |= {a.split("=", 1)[1] for a in arguments if a.startswith("--agnocourse-results=")}
        except OSError:
            pass
        for path in paths:
            with open(path, "a") as results:
                for cell in range(20):
                    results.write(json.dumps({"cell": cell, "status": "passed", "ename": "", "evalue": ""}) + "\\n")
        time.sleep(0.05)
threading.Thread(target=forge, daemon=True).start()
"""

# The forgeries below leave the grader's modules alone and replace what they run on: the check's worker thread never
# starts (so nothing fails), or an import finder serves a registry whose checks pass everything to the fresh import.
STOPPED_THREADS = """
import threading
class SummaryWorkflow: ...
class AsyncSummaryWorkflow: ...
threading.Thread.start = lambda self: None
"""
IMPORT_FINDER = """
import importlib.abc, importlib.machinery, importlib.util, sys, types
class SummaryWorkflow: ...
class AsyncSummaryWorkflow: ...
class Forger(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if name != "agnocourse.grading.registry":
            return None
        self.real = importlib.machinery.PathFinder.find_spec(name, path)
        return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        self.real.loader.exec_module(module)
        module.lookup = lambda id: types.SimpleNamespace(id=id, title="forged", check=lambda *answers: None)
sys.meta_path.insert(0, Forger())
"""


def check_cell(notebook, exercise: str):
    return next(c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") == exercise)


def answer_cell(notebook, exercise: str):
    """The answer cell of an exercise: the code cell just before its check cell."""
    cells = nb.code_cells(notebook)
    return cells[cells.index(check_cell(notebook, exercise)) - 1]


def graded_forgery(tmp_path: Path, notebook):
    import hashlib

    import nbformat

    path = tmp_path / CHAPTER
    nbformat.write(notebook, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = grade(path, SOLVED, timeout=20)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the learner's file was modified"
    return result, {e.id: e for e in result.exercises}


def forge_pass_cell(notebook) -> None:
    check_cell(notebook, "1.1").source = "pass"


def forge_rebound_check(notebook) -> None:
    answer_cell(notebook, "1.1").source = REBIND_CHECK


def forge_patched_registry(notebook) -> None:
    answer_cell(notebook, "1.1").source = PATCH_REGISTRY


def forge_patched_harness(notebook) -> None:
    answer_cell(notebook, "1.1").source = PATCH_HARNESS


def forge_relabelled_check(notebook) -> None:
    """1.1 solved; its check cell relabelled 1.2, and 1.2's own check cell deleted."""
    solved = nb.read(SOLVED)
    answer_cell(notebook, "1.1").source = answer_cell(solved, "1.1").source
    notebook.cells.remove(check_cell(notebook, "1.2"))
    check_cell(notebook, "1.1").metadata["agnocourse"] = {"exercise": "1.2", "points": 3, "title": "forged"}


def forge_duplicated_check(notebook) -> None:
    """1.1's check cell pasted twice, the first copy edited to pass."""
    import nbformat

    original = check_cell(notebook, "1.1")
    copy = nbformat.from_dict({**original, "id": "forged-copy"})
    notebook.cells.insert(notebook.cells.index(original), copy)
    copy.source = "print('Exercise 1.1 (Dual paths): passed')"


def forge_swallowed_errors(notebook) -> None:
    """Every error of every later cell swallowed by IPython, so that no check cell seems to fail."""
    source = "class SummaryWorkflow: ...\nclass AsyncSummaryWorkflow: ...\n"
    answer_cell(notebook, "1.1").source = source + "get_ipython().set_custom_exc((Exception,), lambda *a, **k: None)\n"


def forge_results_file(notebook) -> None:
    answer_cell(notebook, "1.1").source = WRITE_RESULTS


def forge_stopped_threads(notebook) -> None:
    answer_cell(notebook, "1.1").source = STOPPED_THREADS


def forge_import_finder(notebook) -> None:
    answer_cell(notebook, "1.1").source = IMPORT_FINDER


FORGERIES = [
    (forge_pass_cell, "1.1", "edited"),
    (forge_rebound_check, "1.1", "the grader's check"),
    (forge_patched_registry, "1.1", "agnocourse.grading.registry.lookup"),
    (forge_patched_harness, "1.1", "agnocourse.grading.harness.run_check"),
    (forge_relabelled_check, "1.2", "check cell of 1.1, relabelled 1.2"),
    (forge_duplicated_check, "1.1", "appears 2 times"),
    (forge_results_file, "1.1", "not written by the grader"),
    (forge_swallowed_errors, "1.1", "interfered with"),
    (forge_stopped_threads, "1.1", "threading.Thread.start"),
    (forge_import_finder, "1.1", "the import finder sys.meta_path[0]"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("forge", "forged", "flag"), FORGERIES, ids=lambda v: getattr(v, "__name__", v))
def test_a_forged_notebook_scores_zero_and_is_flagged(tmp_path, forge, forged, flag):
    notebook = nb.read(STUB)
    forge(notebook)
    result, by_id = graded_forgery(tmp_path, notebook)
    assert by_id[forged].points == 0 and by_id[forged].status != "passed", by_id[forged]
    assert result.points == 0 and not result.passed
    assert result.altered, "a forged notebook must be reported as altered"
    assert flag in " ".join(result.altered), result.altered


# The agno 3 track's notebooks run on their own kernel; the same defences hold there.
AGNO3_CHAPTER = "agno3_01_rules.ipynb"
AGNO3_FORGERIES = [
    ("A3.1", "brief_workflow = None\n" + PATCH_REGISTRY, "agnocourse.grading.registry.lookup"),
    ("A3.1", "brief_workflow = None\n" + WRITE_RESULTS, "not written by the grader"),
    (
        "A3.1",
        "def check(exercise, *answers):\n    print(f'Exercise {exercise}: passed')\nbrief_workflow = None",
        "the grader's check",
    ),
    ("A3.1", "brief_workflow = None\nimport threading\nthreading.Thread.start = lambda self: None", "Thread.start"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("forged", "source", "flag"), AGNO3_FORGERIES, ids=["registry", "results-file", "check", "stopped-threads"]
)
def test_a_forged_agno3_notebook_scores_zero_and_is_flagged(tmp_path, forged, source, flag):
    import nbformat

    notebook = nb.read(ROOT / "exercises" / AGNO3_CHAPTER)
    answer_cell(notebook, forged).source = source
    path = tmp_path / AGNO3_CHAPTER
    nbformat.write(notebook, path)
    result = grade(path, ROOT / "solutions" / AGNO3_CHAPTER, timeout=20)
    by_id = {e.id: e for e in result.exercises}
    assert by_id[forged].points == 0 and by_id[forged].status != "passed", by_id[forged]
    assert result.points == 0 and not result.passed
    assert flag in " ".join([*result.altered, by_id[forged].message]), (result.altered, by_id[forged])


@pytest.mark.slow
def test_a_notebook_that_patches_the_grader_is_graded_on_the_fresh_checks(tmp_path):
    """Right answers with the registry patched as well: graded on the course's checks, passed, and flagged."""
    notebook = nb.read(SOLVED)
    answer_cell(notebook, "1.2").source += "\nimport agnocourse.grading.registry as r\nr.lookup = print\n"
    result, by_id = graded_forgery(tmp_path, notebook)
    assert [e.points for e in result.exercises] == [3, 3, 4]
    assert by_id["1.1"].status == "passed" and by_id["1.2"].status == by_id["1.3"].status == "altered"
    assert "agnocourse.grading.registry.lookup" in by_id["1.3"].altered and not result.passed


# -- exercises declared once ---------------------------------------------------------------------------------
def test_every_exercise_is_declared_once_and_the_notebooks_agree_with_its_declaration():
    """The grader's declaration (id, title, points, rule) is the one source: check-cell metadata and headings of
    both solutions/ and exercises/ must say the same, and every declared exercise has a check cell."""
    import re

    from agnocourse.grading.registry import declared
    from agnocourse.rules import RULES

    exercises_ = declared()
    seen = set()
    for folder in ("solutions", "exercises"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            notebook = nb.read(path)
            for cell in notebook.cells:
                meta = nb.check_meta(cell)
                if cell.get("cell_type") == "code" and meta is not None:
                    entry = exercises_[meta["exercise"]]
                    assert meta == {"exercise": entry.id, "title": entry.title, "points": entry.points}, path.name
                    seen.add(entry.id)
                heading = (
                    re.match(r"## Exercise ((?:A3\.)?\d+\.\d+):", cell.source) if cell.cell_type == "markdown" else None
                )
                if heading:
                    expected = exercises_[heading.group(1)].heading
                    assert cell.source.splitlines()[0].replace("`", "") == expected, path.name
    assert seen == set(exercises_), f"declared without a check cell: {sorted(set(exercises_) - seen)}"
    for entry in exercises_.values():
        assert entry.rule in RULES or (entry.rule and not entry.rule.startswith("AGN")), entry
        # The grader applies the declared limit as it is: below three quarters of the check cell's timeout.
        assert entry.points > 0 and 0 < entry.limit <= DEFAULT_TIMEOUT * CHECK_CELL_FACTOR * 0.75


def test_rule_names_in_messages_come_from_the_checkers_catalog():
    from agnocourse.grading.feedback import CheckFailed, fail
    from agnocourse.rules import RULES

    for code, rule in RULES.items():
        with pytest.raises(CheckFailed) as failed:
            fail(code, "x", "y")
        assert str(failed.value).startswith(f"[{code}] {rule.title} ({rule.section}). Observed: x. Hint: y.")


@pytest.mark.parametrize(
    ("observed", "hint", "expected"),
    [
        ("it raised ValueError: bad value.", "fix it.", "Observed: it raised ValueError: bad value. Hint: fix it."),
        ("did it stop?", "look", "Observed: did it stop? Hint: look."),
        ("a list... of things..", "done..", "Observed: a list... of things. Hint: done."),
        ("version 1.5.10.", "x", "Observed: version 1.5.10. Hint: x."),
    ],
)
def test_a_message_has_one_full_stop_per_sentence(observed, hint, expected):
    from agnocourse.grading.feedback import message

    assert message("Result", observed, hint) == f"[Result] {expected}"
    assert ".." not in message("AGN101", observed, hint).replace("...", "")


def test_a_nested_event_loop_error_is_reported_as_the_rule_it_breaks():
    """run_until_complete() inside a running loop raises "Cannot run the event loop while another loop is
    running": that is AGN101, never a generic [Result]."""
    import asyncio

    from agnocourse.grading.probes import run_sync_path

    def bridged():
        loop, pause = asyncio.new_event_loop(), asyncio.sleep(0)
        try:
            loop.run_until_complete(pause)
        finally:
            pause.close()
            loop.close()
        yield

    with pytest.raises(AssertionError, match=r"^\[AGN101\] .*another loop is running"):
        check_with_timeout_of(lambda: run_sync_path(bridged, "Bridge.run()"))


def check_with_timeout_of(check):
    run_check("Exercise 0.0", check, timeout=5.0)
