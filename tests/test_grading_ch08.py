"""Chapter 8's graders are honest: right answers pass, and each known-wrong answer (a typing mistake of the
chapter) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch08_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

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
