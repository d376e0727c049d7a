"""The grader survives what learners do to notebooks, reports it per exercise, and never writes their file.

Each test builds a broken copy of the chapter 1 solutions in tmp_path and grades it with a short cell timeout.
"""

import hashlib
from pathlib import Path

import nbformat
import pytest

from agnocourse.grading import notebook as nb
from agnocourse.grading.cli import main as grade_main
from agnocourse.grading.runner import grade

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "01_core_principles.ipynb"
TIMEOUT = 8  # a cell's limit: long enough for the setup cell on a machine loaded at twice its cores

pytestmark = pytest.mark.slow


def solution_cell(notebook, exercise: str):
    """The code cell holding the solution of an exercise (the one just before its check cell)."""
    cells = nb.code_cells(notebook)
    checks, _ = nb.layout(notebook)
    return cells[checks[exercise] - 1]


def write(tmp_path: Path, notebook) -> Path:
    path = tmp_path / SOLUTION.name
    nbformat.write(notebook, path)
    return path


def graded(path: Path):
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = grade(path, SOLUTION, timeout=TIMEOUT)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the learner's file was modified"
    statuses = {e.id: e.status for e in result.exercises}
    return result, statuses


def explained(result) -> str:
    """Each exercise's status and message, and the problems outside them: what a failed assertion should show."""
    return "\n".join([*(f"{e.id} {e.status}: {e.message}" for e in result.exercises), *result.problems])


def broken(tmp_path: Path, exercise: str, source: str) -> Path:
    notebook = nb.read(SOLUTION)
    solution_cell(notebook, exercise).source = source
    return write(tmp_path, notebook)


def test_a_syntax_error_fails_only_its_exercise(tmp_path):
    result, statuses = graded(broken(tmp_path, "1.2", "class QuoteWorkflow(QuoteSteps)\n    pass"))
    assert statuses == {"1.1": "passed", "1.2": "failed", "1.3": "passed"}, explained(result)
    assert result.exercises[1].message.startswith("SyntaxError")
    assert result.points == 7


def test_an_endless_loop_times_out_and_the_rest_is_graded(tmp_path):
    result, statuses = graded(broken(tmp_path, "1.1", "while True:\n    pass"))
    assert statuses == {"1.1": "timed out", "1.2": "passed", "1.3": "passed"}, explained(result)
    assert f"did not finish within {TIMEOUT} s" in result.exercises[0].message


def test_an_endless_await_times_out_and_the_rest_is_graded(tmp_path):
    result, statuses = graded(broken(tmp_path, "1.2", "import asyncio\nawait asyncio.sleep(10**6)"))
    assert statuses == {"1.1": "passed", "1.2": "timed out", "1.3": "passed"}, explained(result)


def test_a_kernel_crash_is_reported_and_the_rest_is_graded(tmp_path):
    result, statuses = graded(broken(tmp_path, "1.2", "import os\nos._exit(1)"))
    assert statuses == {"1.1": "passed", "1.2": "crashed", "1.3": "passed"}, explained(result)
    assert "kernel died" in result.exercises[1].message


def test_a_deleted_check_cell_is_missing_and_scores_zero(tmp_path):
    notebook = nb.read(SOLUTION)
    notebook.cells = [c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") != "1.3"]
    result, statuses = graded(write(tmp_path, notebook))
    assert statuses == {"1.1": "passed", "1.2": "passed", "1.3": "missing"}, explained(result)
    assert result.points == 6 and result.max_points == 10
    assert result.altered == ["1.3: its check cell was deleted"]


def test_a_duplicated_check_cell_is_graded_once_and_flagged(tmp_path):
    notebook = nb.read(SOLUTION)
    check = next(c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") == "1.1")
    duplicate = nbformat.from_dict({**check, "id": "duplicate"})
    notebook.cells.append(duplicate)
    result, statuses = graded(write(tmp_path, notebook))
    assert [e.id for e in result.exercises] == ["1.1", "1.2", "1.3"]
    assert result.points == result.max_points == 10
    assert statuses == {"1.1": "altered", "1.2": "passed", "1.3": "passed"} and not result.passed
    assert result.altered == ["1.1: its check cell appears 2 times"]


def test_a_moved_check_cell_is_graded_where_it_is_and_flagged(tmp_path):
    notebook = nb.read(SOLUTION)
    check = next(c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") == "1.1")
    notebook.cells.remove(check)
    notebook.cells.append(check)
    result, statuses = graded(write(tmp_path, notebook))
    assert statuses == {"1.1": "altered", "1.2": "passed", "1.3": "passed"}, explained(result)
    assert "1.1: its check cell was moved" in result.altered


def test_an_endless_loop_in_a_check_is_stopped_at_the_checks_own_limit(tmp_path):
    """A check's own limit (20 s for 1.1) stops learner code that never returns, long before its cell's timeout."""
    notebook = nb.read(SOLUTION)
    endless = "\n\ndef endless(self, topic):\n    while True:\n        pass\n    yield\n\n\n"
    endless += "SummaryWorkflow.run = endless\n"
    solution_cell(notebook, "1.1").source += endless
    path = write(tmp_path, notebook)
    result = grade(path, SOLUTION, timeout=30)
    first = result.exercises[0]
    assert first.status == "timed out" and "did not finish within 20 s" in first.message, first
    assert [e.status for e in result.exercises[1:]] == ["passed", "passed"]


def test_a_kernel_that_does_not_start_is_reported_with_what_pytest_said(tmp_path):
    """A kernel that never starts runs no cell: the grader says why, once for the notebook, not a false reason per
    exercise (here the solutions name a kernel that does not exist; a machine too busy to start one looks the same)."""
    notebook = nb.read(SOLUTION)
    notebook.metadata["kernelspec"] = {"name": "no-such-kernel", "display_name": "gone", "language": "python"}
    path = write(tmp_path, notebook)
    result = grade(path, path, timeout=TIMEOUT)
    assert [e.status for e in result.exercises] == ["failed"] * 3
    assert all("the kernel did not start" in e.message for e in result.exercises), result.exercises
    assert len(result.problems) == 1 and "No such kernel named no-such-kernel" in result.problems[0], result.problems


def test_a_file_that_is_not_a_notebook_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / SOLUTION.name
    path.write_text("print('not a notebook')\n", encoding="utf-8")
    assert grade_main([str(path), "--solutions", str(SOLUTION.parent)]) == 2
    assert "not a Jupyter notebook" in capsys.readouterr().err


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert grade_main([str(tmp_path / "nothing.ipynb")]) == 2
    assert "no such file" in capsys.readouterr().err
