"""Chapter 12's graders are honest: right answers pass, and each known-wrong answer fails with a message naming
what it misses."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch12_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("12.1", w.unbounded_prices, "[Beyond the rules: bounded concurrency]", "9 calls in flight at once"),
    ("12.1", w.semaphore_per_call, "[Beyond the rules: bounded concurrency]", "9 calls in flight at once"),
    ("12.1", w.one_at_a_time, "[Beyond the rules: bounded concurrency]", "at most 1 in flight"),
    ("12.1", w.fixed_batches, "[Beyond the rules: bounded concurrency]", "at most 3 in flight"),
    ("12.1", w.fire_and_forget, "[AGN201]", "is not kept"),
    ("12.2", w.hard_coded_deadline, "[Beyond the rules: timeouts]", "returned {'symbol': 'MSFT'"),
    ("12.2", w.raises_timeout, "[Beyond the rules: timeouts]", "raised TimeoutError"),
    ("12.2", w.stops_waiting_only, "[Beyond the rules: timeouts]", "still running"),
    ("12.2", w.swallows_cancel, "[Beyond the rules: cancellation]", "swallowed the CancelledError"),
]


@pytest.mark.parametrize(("exercise", "answer", "names", "observed"), WRONG, ids=lambda v: getattr(v, "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answer, names, observed):
    message = failure_of(exercise, answer)
    assert names in message
    assert observed in message


@pytest.mark.parametrize(
    ("exercise", "answer"), [("12.1", w.good_prices), ("12.1", w.worker_pool_prices), ("12.2", w.good_deadline)]
)
def test_a_right_answer_passes(exercise, answer, capsys):
    assert_passes(capsys, exercise, answer)
