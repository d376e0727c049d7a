"""Chapter 8's graders are honest: right answers pass, and each known-wrong answer (a typing mistake of the
chapter) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch08_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@pytest.fixture(autouse=True)
def room_for_pyright(monkeypatch):
    """These checks run pyright, which takes seconds alone and far longer on a loaded machine: the check's own time
    limit (made to stop endless loops) is raised, so that a slow pyright is not reported as a timeout."""
    monkeypatch.setenv("AGNOCOURSE_CHECK_TIMEOUT", "120")


WRONG = [
    ("8.1", (w.GoodBrief, w.ResponseAnnotatedAsyncBrief), "[AGN108]", "_asection() is annotated"),
    ("8.1", (w.GoodBrief, w.SyncAnnotatedAsyncBrief), "[AGN108]", "arun() is annotated"),
    ("8.1", (w.UnannotatedBrief, w.GoodAsyncBrief), "[AGN108]", "_section() is annotated to return None"),
    ("8.1", (w.NoisyBrief, w.GoodAsyncBrief), "[Type Annotations: pyright]", "reportIncompatibleMethodOverride"),
    ("8.2", (w.UnawaitedDigest,), "[Type Annotations: pyright]", "is not iterable"),
    ("8.2", (w.FailedEventDigest,), "[Type Annotations: pyright]", "workflow_failed"),
    ("8.2", (w.BlanketIgnoreDigest,), "[Type Annotations: pyright]", "reportIncompatibleMethodOverride"),
    ("8.2", (w.RaisingDigest,), "[Error Handling]", "RunEvent.run_error"),
]


@pytest.mark.parametrize(
    ("exercise", "answers", "names", "detail"), WRONG, ids=lambda v: getattr(v[-1], "__name__", None) if v else None
)
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names, detail):
    message = failure_of(exercise, *answers)
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with
    assert names in message
    assert detail in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("8.1", (w.GoodBrief, w.GoodAsyncBrief)),
        ("8.2", (w.GoodDigest,)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)


TYPED_HELPER_CELL = """
import itertools

from agno.agent import Agent


def chunks_of(agent: Agent, topic: str) -> str:
    return f"{topic}"


COUNTER = itertools.count()


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = str(uuid4())
        next(COUNTER)
        text = ""
        try:
            async for chunk in await self.writer.arun(chunks_of(self.writer, topic), stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)


check_result = print("a call in the cell is not a definition")
"""


def _cell_answer(source):
    from collections.abc import AsyncIterator
    from uuid import uuid4

    from agno.workflow import RunEvent, RunResponse
    from grading_cases.cells import run_cell

    names = {"DigestSteps": w.DigestSteps, "AsyncIterator": AsyncIterator, "uuid4": uuid4}
    return run_cell(source, RunEvent=RunEvent, RunResponse=RunResponse, **names)["AsyncDigestWorkflow"]


def test_pyright_sees_the_whole_cell_a_typed_helper_and_an_import_pass(capsys):
    assert_passes(capsys, "8.2", _cell_answer(TYPED_HELPER_CELL))


def test_a_type_error_in_a_helper_of_the_cell_fails_naming_the_helper():
    wrong = TYPED_HELPER_CELL.replace('return f"{topic}"', "return len(topic)")
    message = failure_of("8.2", _cell_answer(wrong))
    assert message.startswith("[Type Annotations: pyright]"), message
    assert "chunks_of, line 2" in message, message
