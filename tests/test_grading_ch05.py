"""Chapter 5's graders are honest: right answers pass, and each known-wrong answer (an anti-pattern of the
chapter) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch05_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("5.1", (w.BridgeFinancial, w.GoodAsyncFinancial), "[AGN101]"),
    ("5.1", (w.SequentialFinancial, w.GoodAsyncFinancial), "[Always do 3: ThreadPoolExecutor on the sync path]"),
    ("5.1", (w.GoodFinancial, w.SequentialAsyncFinancial), "[Modern Async Patterns 1: TaskGroup]"),
    ("5.1", (w.GoodFinancial, w.BlockingAsyncFinancial), "[AGN107]"),
    ("5.2", (w.FailedEventRevenue,), "[AGN109]"),
    ("5.2", (w.PlainExceptRevenue,), "[Modern Async Patterns 2: except*]"),
    ("5.2", (w.FirstOnlyRevenue,), "[Modern Async Patterns 2: except*]"),
    ("5.2", (w.SequentialRevenue,), "[Modern Async Patterns 1: TaskGroup]"),
    ("5.3", (w.DirectBlockingRatings,), "[AGN107]"),
    ("5.3", (w.CalledInsideToThreadRatings,), "[AGN107]"),
    ("5.3", (w.HiddenBlockingRatings,), "[AGN107]"),
    ("5.3", (w.SequentialThreadRatings,), "[Modern Async Patterns 1: TaskGroup]"),
    ("5.3", (w.MadeUpRatings,), "[Modern Async Patterns 1: TaskGroup]"),
    ("5.2", (w.HardCodedRevenue,), "[Modern Async Patterns 1: TaskGroup]"),
    ("5.1", (w.GoodFinancial, w.HardCodedAsyncFinancial), "[Dual Method Pattern]"),
]
MESSAGES = {
    "HiddenBlockingRatings": "the event loop was blocked",
    "PlainExceptRevenue": "ExceptionGroup escape",
    "FirstOnlyRevenue": "2 symbols failed",
    "SequentialRevenue": "did not all overlap",
    "SequentialThreadRatings": "did not all overlap",
    "MadeUpRatings": "made the price calls []",
    "HardCodedRevenue": "made the calls []",
}


@pytest.mark.parametrize(("exercise", "answers", "names"), WRONG, ids=lambda v: getattr(v[-1], "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names):
    message = failure_of(exercise, *answers)
    assert names in message
    expected = MESSAGES.get(answers[-1].__name__ if len(answers) == 1 else "")
    assert expected is None or expected in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("5.1", (w.GoodFinancial, w.GoodAsyncFinancial)),
        ("5.2", (w.GoodRevenue,)),
        ("5.3", (w.GoodRatings,)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
