"""Chapter 7's graders are honest: right answers pass, and each known-wrong answer (an anti-pattern of the
chapter) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch07_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("7.1", (w.CollectingDigest,), "[AGN103]"),
    ("7.1", (w.HoardingDigest,), "[AGN103]"),
    ("7.1", (w.UnawaitedDigest,), "[AGN106]"),
    ("7.1", (w.SyncStreamDigest,), "[AGN104]"),
    ("7.2", (w.TaskGroupBoard,), "[Performance 3: gather(..., return_exceptions=True) keeps every result]"),
    ("7.2", (w.FailedEventBoard,), "[AGN109]"),
    ("7.2", (w.SilentBoard,), "[Performance 3: every failure reported]"),
    ("7.2", (w.SequentialBoard,), "[Performance 3: parallel processing]"),
    ("7.3", (w.GatherReport,), "[Performance 3: TaskGroup, all or nothing]"),
    ("7.3", (w.PlainExceptReport,), "[Performance 3: every failure reported]"),
    ("7.3", (w.FailedEventReport,), "[AGN109]"),
    ("7.3", (w.SequentialReport,), "[Performance 3: parallel processing]"),
    ("7.2", (w.MadeUpBoard,), "[Performance 3: parallel processing]"),
    ("7.2", (w.KnownFailuresBoard,), "[Result]"),
    ("7.2", (w.BadCallBoard,), "[Performance 3: parallel processing]"),
    ("7.3", (w.FunctionsReport,), "[Performance 3: parallel processing]"),
    ("7.2", (w.PlainGatherBoard,), "[Result]"),
]
MESSAGES = {
    "CollectingDigest": "after the writer had produced its last chunk",
    "HoardingDigest": "bytes per chunk",
    "TaskGroupBoard": "reported 0 of them",
    "SilentBoard": "reported 0 error item(s)",
    "SequentialBoard": "did not all overlap",
    "GatherReport": "ran to their end",
    "PlainExceptReport": "unhandled errors in a TaskGroup",
    "MadeUpBoard": "called the price client []",
    "KnownFailuresBoard": "raised SymbolNotFoundError",
    "BadCallBoard": "unexpected keyword argument 'ticker'",
    "FunctionsReport": "called the data sources",
    "PlainGatherBoard": "return_exceptions=True",
}


@pytest.mark.parametrize(("exercise", "answers", "names"), WRONG, ids=lambda v: getattr(v[-1], "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names):
    message = failure_of(exercise, *answers)
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with
    assert names in message
    expected = MESSAGES.get(answers[-1].__name__)
    assert expected is None or expected in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("7.1", (w.GoodDigest,)),
        ("7.2", (w.GoodBoard,)),
        ("7.2", (w.CaughtTasksBoard,)),
        ("7.2", (w.CaughtGatherBoard,)),
        ("7.3", (w.GoodReport,)),
        ("7.3", (w.AnyFailureReport,)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
