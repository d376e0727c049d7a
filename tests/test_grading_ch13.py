"""Chapter 13's graders are honest: right answers pass however they are written, and each known-wrong answer
(a stream left open, a stop not recorded, a run left producing for a client that left, a loop per call, a
retry that repeats items or cancels its consumer) fails with a message saying what it observed."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch13_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

STOPPED = "[A stream stopped half-way is closed and reported]"
HTTP = "[An endpoint streams and stops when its client leaves]"
BRIDGE = "[Sync code reaches async code through one loop]"
RETRIES = "[Retry before the first item, within a deadline]"

WRONG = [
    ("13.1", w.unclosed_relay, STOPPED, "the agent's stream was still open"),
    ("13.1", w.generator_exit_relay, STOPPED, "was cancelled after"),
    ("13.1", w.swallowing_relay, STOPPED, "ended without CancelledError"),
    ("13.1", w.collecting_relay, STOPPED, "the agent streamed"),
    ("13.1", w.counted_ahead_relay, STOPPED, "outcome was {'status': 'stopped', 'delivered'"),
    ("13.2", w.collecting_make_app, "[AGN103]", "only after the agent's last chunk"),
    ("13.2", w.producer_task_make_app, HTTP, "ran on to produce all"),
    ("13.2", w.plain_text_make_app, HTTP, "content-type 'text/plain"),
    ("13.3", w.RunPerCallClient, BRIDGE, "bound to a different event loop"),
    ("13.3", w.EagerClient, BRIDGE, "created outside any event loop"),
    ("13.3", w.SerialClient, BRIDGE, "at most 1 SDK calls ran at the same time"),
    ("13.3", w.LeakyClient, BRIDGE, "were still running"),
    ("13.3", w.SwallowingClient, BRIDGE, "returned ''"),
    ("13.4", w.yield_in_timeout_retries, RETRIES, "its own work was cancelled"),
    ("13.4", w.no_wait_retries, RETRIES, "the retries came"),
    ("13.4", w.fixed_wait_retries, RETRIES, "the retries came"),
    ("13.4", w.doubling_wait_retries, RETRIES, "the retries came"),
    ("13.4", w.retry_everything, RETRIES, "the stream failed after"),
    ("13.4", w.unbounded_retries, RETRIES, "got ConnectionError"),
]
RIGHT = [
    ("13.1", w.relay),
    ("13.1", w.finally_relay),
    ("13.2", w.make_app),
    ("13.2", w.bytes_make_app),
    ("13.3", w.SyncClient),
    ("13.3", w.StartedEventClient),
    ("13.4", w.stream_with_retries),
    ("13.4", w.first_item_retries),
]


@pytest.mark.parametrize(("exercise", "answer", "rule", "observed"), WRONG, ids=lambda v: getattr(v, "__name__", v))
def test_a_known_wrong_answer_fails_naming_what_it_observed(exercise, answer, rule, observed):
    message = failure_of(exercise, answer)
    assert message.startswith(rule), message
    assert observed in message, message


@pytest.mark.parametrize(("exercise", "answer"), RIGHT, ids=lambda v: getattr(v, "__name__", v))
def test_a_right_answer_passes(exercise, answer, capsys):
    assert_passes(capsys, exercise, answer)


def test_a_relay_that_records_a_chunk_late_is_told_what_it_delivered(capsys):
    message = failure_of("13.1", w.counted_ahead_relay)
    delivered = message.split("items (")[1].split(")")[0]
    assert f"'delivered': {delivered}" not in message, message
