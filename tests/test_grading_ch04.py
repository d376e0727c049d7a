"""Chapter 4's graders are honest: right answers pass, and each known-wrong answer (a parallel-execution
anti-pattern) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch04_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("4.1", (w.sequential_report,), "[Parallel execution]", "took"),
    ("4.1", (w.gather_report,), "[Parallel execution]", "still running"),
    ("4.1", (w.swallowing_report,), "[Parallel execution]", "instead of raising"),
    ("4.2", (w.taskgroup_board,), "[AGN202]", "raised ExceptionGroup"),
    ("4.2", (w.plain_gather_board,), "[AGN202]", "raised SymbolNotFoundError"),
    ("4.2", (w.sequential_board,), "[Parallel execution]", "took"),
    ("4.2", (w.hard_coded_board,), "[Parallel execution]", "returned"),
    ("4.2", (w.made_up_board,), "[Parallel execution]", "returned"),
    ("4.3", (w.BridgeRatings, w.GoodAsyncRatings), "[AGN101]", "running event loop"),
    ("4.3", (w.SequentialRatings, w.GoodAsyncRatings), "[Parallel execution]", "took"),
    ("4.3", (w.GoodRatings, w.BlockingTasksRatings), "[AGN107]", "event loop was blocked"),
    ("4.3", (w.GoodRatings, w.PoolInAsyncRatings), "[AGN107]", "event loop was blocked"),
    ("4.3", (w.GoodRatings, w.SequentialThreadRatings), "[Parallel execution]", "took"),
    ("4.3", (w.HardCodedRatings, w.GoodAsyncRatings), "[Parallel execution]", "made the calls []"),
]
RIGHT = [
    ("4.1", (w.good_report,)),
    ("4.1", (w.gather_cancel_report,)),
    ("4.2", (w.good_board,)),
    ("4.2", (w.guarded_gather_board,)),
    ("4.3", (w.GoodRatings, w.GoodAsyncRatings)),
]


def _ids(value):
    if isinstance(value, tuple):
        return "+".join(v.__name__ for v in value)
    return str(value)


@pytest.mark.parametrize(("exercise", "answers", "rule", "observed"), WRONG, ids=_ids)
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, rule, observed):
    message = failure_of(exercise, *answers)
    assert message.startswith(rule), message
    assert observed in message, message


@pytest.mark.parametrize(("exercise", "answers"), RIGHT, ids=_ids)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
