"""Chapter 10's graders are honest: right answers pass, and each known-wrong answer (one of the four pitfalls)
fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch10_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("10.1", (w.BridgeDigest, w.GoodAsyncDigest), "[AGN101]", "RuntimeError"),
    ("10.1", (w.BothDigest, w.GoodAsyncDigest), "[AGN110]", "defines both run() and arun()"),
    ("10.1", (w.GoodDigest, w.SyncCallAsyncDigest), "[AGN104]", "the event loop was blocked"),
    ("10.1", (w.GoodDigest, w.SequentialAsyncDigest), "[Pitfall 1: Mixing Sync/Async]", "did not overlap"),
    ("10.2", (w.CollectingRelay,), "[AGN103]", "after the writer had produced its last chunk"),
    ("10.2", (w.MistypedRelay,), "[AGN108]", "is annotated to return"),
    ("10.2", (w.UnawaitedRelay,), "[AGN106]", "without await"),
    ("10.2", (w.FailedEventRelay,), "[AGN109]", "workflow_running"),
    ("10.1", (w.GoodDigest, w.CannedAsyncDigest), "[Pitfall 1: Mixing Sync/Async]", "'Markets steady.'"),
]


@pytest.mark.parametrize(
    ("exercise", "answers", "names", "observed"), WRONG, ids=lambda v: getattr(v[-1], "__name__", v)
)
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names, observed):
    message = failure_of(exercise, *answers)
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with
    assert names in message
    assert observed in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("10.1", (w.GoodDigest, w.GoodAsyncDigest)),
        ("10.1", (w.GoodDigest, w.GatherAsyncDigest)),
        ("10.1", (w.GoodDigest, w.CopiedAgentAsyncDigest)),
        ("10.2", (w.GoodRelay,)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
