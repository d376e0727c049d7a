"""Chapter 0's graders are honest: right answers pass however they are written, and each known-wrong answer
(a misunderstanding of tasks, async generators or threads) fails with a message saying what it observed."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch00_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

TASKS = "[Concurrency comes from tasks]"
GENERATORS = "[An async generator closed early runs its cleanup]"
THREADS = "[A thread stops only when asked]"

WRONG = [
    ("0.1", (w.sequential_fetch_all,), TASKS, "at most 1 of them were running"),
    ("0.1", (w.coroutines_first_fetch_all,), TASKS, "at most 1 of them were running"),
    ("0.1", (w.completion_order_fetch_all,), TASKS, "finish in the reverse order"),
    ("0.1", (w.unawaited_tasks_fetch_all,), TASKS, "returned [<Task"),
    ("0.1", (w.threads_fetch_all,), "[AGN107]", "event loop was blocked"),
    ("0.2", (w.release_after_loop_stream_rows, w.take), GENERATORS, "called aclose(); the connection was still"),
    ("0.2", (w.generator_exit_only_stream_rows, w.take), GENERATORS, "raised RowError at row"),
    ("0.2", (w.swallowing_stream_rows, w.take), GENERATORS, "got no error"),
    ("0.2", (w.stubborn_stream_rows, w.take), GENERATORS, "async generator ignored GeneratorExit"),
    ("0.2", (w.stream_rows, w.break_only_take), GENERATORS, "the source was still open"),
    ("0.2", (w.stream_rows, w.one_too_many_take), GENERATORS, "items from the source"),
    ("0.2", (w.stream_rows, w.collecting_take), "[AGN103]", "when the first item reached the consumer"),
    ("0.2", (w.stream_rows, w.close_after_loop_take), GENERATORS, "closed it with aclose(); the source was still"),
    ("0.3", (w.direct_run_blocking,), "[AGN107]", "event loop was blocked"),
    ("0.3", (w.unstoppable_run_blocking,), THREADS, "ran on to its end"),
    ("0.3", (w.except_exception_run_blocking,), THREADS, "ran on to its end"),
    ("0.3", (w.swallowing_run_blocking,), THREADS, "returned None"),
]
RIGHT = [
    ("0.1", (w.taskgroup_fetch_all,)),
    ("0.1", (w.gather_fetch_all,)),
    ("0.1", (w.tasks_then_await_fetch_all,)),
    ("0.2", (w.stream_rows, w.take)),
    ("0.2", (w.for_loop_stream_rows, w.anext_take)),
    ("0.3", (w.run_blocking,)),
    ("0.3", (w.reraising_run_blocking,)),
]


def _ids(value):
    if isinstance(value, tuple):
        return "+".join(v.__name__ for v in value)
    return str(value)


@pytest.mark.parametrize(("exercise", "answers", "rule", "observed"), WRONG, ids=_ids)
def test_a_known_wrong_answer_fails_naming_what_it_observed(exercise, answers, rule, observed):
    message = failure_of(exercise, *answers)
    assert message.startswith(rule), message
    assert observed in message, message


@pytest.mark.parametrize(("exercise", "answers"), RIGHT, ids=_ids)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)


def test_the_one_too_many_reader_is_told_how_many_it_read(capsys):
    message = failure_of("0.2", w.stream_rows, w.one_too_many_take)
    n = int(message.split("with n=")[1].split(",")[0])
    assert f"read {n + 1} items from the source" in message, message
