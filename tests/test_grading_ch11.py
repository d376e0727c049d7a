"""Chapter 11's graders are honest: right answers pass, and each known-wrong answer (one checklist item left
undone) fails with a message naming the rule or checklist item it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch11_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("11.1", (w.BothHeadline, w.GoodAsyncHeadline), "[AGN110]"),
    ("11.1", (w.UnannotatedHeadline, w.GoodAsyncHeadline), "[AGN108]"),
    ("11.1", (w.GoodHeadline, w.ContentEventHeadline), "[AGN102]"),
    ("11.1", (w.GoodHeadline, w.NoRunIdHeadline), "[AGN111]"),
    ("11.2", (w.BridgeRevenue, w.GoodAsyncRevenue), "[AGN101]"),
    ("11.2", (w.GoodRevenue, w.SyncCallAsyncRevenue), "[AGN104]"),
    ("11.2", (w.NoStreamArgRevenue, w.GoodAsyncRevenue), "[AGN112]"),
    ("11.2", (w.GoodRevenue, w.HardCodedAsyncRevenue), "[Agent Call Patterns]"),
    ("11.2", (w.MadeUpRevenue, w.GoodAsyncRevenue), "[Agent Call Patterns]"),
    ("11.3", (w.CollectingDigest,), "[AGN103]"),
    ("11.3", (w.GatherDigest,), "[Migration checklist: exception handling with except*]"),
    ("11.3", (w.PlainExceptDigest,), "[Migration checklist: exception handling with except*]"),
    ("11.3", (w.SequentialDigest,), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.GoodRatings, w.BlockingAsyncRatings), "[AGN107]"),
    ("11.4", (w.GoodRatings, w.SequentialAsyncRatings), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.RaisingSyncRatings, w.GoodAsyncRatings), "[Result]"),
    ("11.4", (w.FirstErrorSyncRatings, w.GoodAsyncRatings), "[Migration checklist: test both sync and async"),
    ("11.4", (w.GoodRatings, w.MadeUpAsyncRatings), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.SequentialSyncRatings, w.GoodAsyncRatings), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.SuccessesSyncRatings, w.GoodAsyncRatings), "[Migration checklist: test both sync and async"),
]
MESSAGES = {
    "PlainExceptDigest": "ExceptionGroup escape",
    "GatherDigest": "let SymbolNotFoundError escape",
    "HardCodedAsyncRevenue": "made the calls []",
    "MadeUpRevenue": "made the calls []",
    "SequentialDigest": "did not all overlap",
    "SequentialAsyncRatings": "did not all overlap",
    "RaisingSyncRatings": "SymbolNotFoundError",
    "FirstErrorSyncRatings": "the sync path yielded",
    "MadeUpAsyncRatings": "made the price calls []",
    "SuccessesSyncRatings": "the sync path yielded",
    "SequentialSyncRatings": "did not all overlap",
}


@pytest.mark.parametrize(("exercise", "answers", "names"), WRONG, ids=lambda v: getattr(v[-1], "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names):
    message = failure_of(exercise, *answers)
    assert names in message
    wrong = next((a for a in answers if not a.__name__.startswith("Good")), answers[-1])
    expected = MESSAGES.get(wrong.__name__)
    assert expected is None or expected in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("11.1", (w.GoodHeadline, w.GoodAsyncHeadline)),
        ("11.2", (w.GoodRevenue, w.GoodAsyncRevenue)),
        ("11.3", (w.GoodDigest,)),
        ("11.4", (w.GoodRatings, w.GoodAsyncRatings)),
        ("11.4", (w.GoodRatings, w.EveryFailureAsyncRatings)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
