"""What a learner reads in a notebook when a check fails: the course's message and the learner's own frames.

The exercise notebook runs in a real kernel (as JupyterLab runs it), with answers put in its answer cells:
none (the untouched stubs), one whose sync path raises inside the learner's own helper, and one whose async
path blocks the event loop (a timing failure, which the grader runs twice). Each failing check must show its
message once, the frames of the notebook's cells and none of the course's, and no chained exception.
And `make grade` reports a partial score as a result, without make's error line.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

RAISES_IN_HELPER = """
def summary_of(topic: str) -> str:
    raise ValueError(f"no summary for {topic}")


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield RunResponse(content=summary_of(topic), event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
"""

BLOCKS_THE_LOOP = """
import time


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.summarizer.run(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncSummaryWorkflow(SummarySteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        time.sleep(0.5)  # agno-rules: ignore[AGN107]
        answer = await self.summarizer.arun(self.prompt_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
"""


def run_exercises(answer: str | None) -> list[nbformat.NotebookNode]:
    """The code cells of exercises/01 after running it top to bottom, with `answer` in exercise 1.1's cell."""
    notebook = nbformat.read(ROOT / "exercises" / "01_core_principles.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    if answer is not None:
        code[2].source = answer
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True).execute(cwd=str(ROOT))
    return code


def error_of(cell: nbformat.NotebookNode) -> tuple[str, str, str]:
    (error,) = [output for output in cell.outputs if output.output_type == "error"]
    return error.ename, error.evalue, ANSI.sub("", "\n".join(error.traceback))


def assert_shows_only_the_learners_frames(traceback: str) -> None:
    assert "During handling of the above exception" not in traceback, traceback
    assert "The above exception was the direct cause" not in traceback, traceback
    assert "agnocourse" not in traceback and "site-packages" not in traceback, traceback
    assert "Cell In[" in traceback, traceback


@pytest.mark.slow
def test_every_untouched_exercise_says_it_is_not_answered_yet():
    code = run_exercises(None)
    checks = [cell for cell in code if "agnocourse" in cell.metadata]
    assert len(checks) == 3
    for cell in checks:
        exercise = cell.metadata["agnocourse"]["exercise"]
        ename, evalue, traceback = error_of(cell)
        assert (ename, evalue.split(":")[0]) == ("NotAnswered", f"Exercise {exercise} is not answered yet")
        assert_shows_only_the_learners_frames(traceback)
    assert all(not cell.outputs for cell in code if "agnocourse" not in cell.metadata), "a setup or stub cell failed"


@pytest.mark.slow
def test_a_failure_in_the_learners_code_shows_the_learners_frames_and_the_message():
    ename, evalue, traceback = error_of(run_exercises(RAISES_IN_HELPER)[3])
    assert ename == "CheckFailed" and "raised ValueError: no summary for" in evalue
    assert_shows_only_the_learners_frames(traceback)
    assert "in summary_of" in traceback and "SummaryWorkflow.run" in traceback, traceback
    assert traceback.count("no summary for") == 2, traceback  # the learner's raise line and the message


@pytest.mark.slow
def test_a_retried_timing_failure_is_shown_once_without_a_chain():
    ename, evalue, traceback = error_of(run_exercises(BLOCKS_THE_LOOP)[3])
    assert ename == "TimingFailed" and "[AGN1" in evalue, (ename, evalue)
    assert_shows_only_the_learners_frames(traceback)
    assert traceback.count("Observed:") == 1, traceback


@pytest.mark.slow
def test_make_grade_reports_a_partial_score_without_an_error_line():
    graded = subprocess.run(
        ["make", "grade", "NB=exercises/01_core_principles.ipynb"], cwd=ROOT, capture_output=True, text=True
    )
    output = graded.stdout + graded.stderr
    assert graded.returncode == 0, output
    assert "total 0/10" in output and "not every exercise passed yet" in output, output
    assert "Error 1" not in output, output
    missing = subprocess.run(["make", "grade", "NB=no/such.ipynb"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode != 0 and "no such file" in missing.stderr, missing.stderr
