"""run_check runs a check that failed on a measured time once more, and only such a check; it stops the learner's
code at the limit, which the check's own work does not count against."""

import asyncio
import os
import threading
import time

import pytest

from agnocourse.grading.feedback import CheckFailed, TimingFailed, expect, expect_timing
from agnocourse.grading.harness import TO_THREAD_WORKERS, CheckTimeout, run_check, run_loop, untimed


def counting_check(failures: list[bool], timing: bool):
    """A check that fails on its first len(failures) runs where failures[i] is True; counts its runs."""
    runs: list[int] = []

    def check() -> None:
        runs.append(1)
        failed = len(runs) <= len(failures) and failures[len(runs) - 1]
        (expect_timing if timing else expect)(not failed, "AGN107", "the loop stalled for 0.2 s.", "await it.")

    return check, runs


def test_a_timing_failure_seen_once_is_a_loaded_machine_and_passes():
    check, runs = counting_check([True], timing=True)
    run_check("Exercise 0.1", check)
    assert len(runs) == 2


def test_a_timing_failure_seen_twice_is_reported():
    check, runs = counting_check([True, True], timing=True)
    with pytest.raises(TimingFailed, match=r"^\[AGN107\] .* Observed: the loop stalled for 0.2 s\. Hint: await it\."):
        run_check("Exercise 0.1", check)
    assert len(runs) == 2


def test_any_other_failure_is_reported_at_once():
    check, runs = counting_check([True], timing=False)
    with pytest.raises(CheckFailed) as failed:
        run_check("Exercise 0.1", check)
    assert type(failed.value) is CheckFailed and len(runs) == 1


def test_a_passing_check_runs_once():
    check, runs = counting_check([], timing=True)
    run_check("Exercise 0.1", check)
    assert len(runs) == 1


def test_the_checks_own_work_does_not_count_against_the_learners_limit():
    def check() -> None:
        with untimed():
            time.sleep(0.6)  # pyright on a busy machine, say

    run_check("Exercise 0.1", check, timeout=0.3)


def test_the_learners_code_is_still_stopped_at_the_limit():
    def check() -> None:
        with untimed():
            time.sleep(0.1)
        time.sleep(5)  # the learner's code, which never finishes in time

    started = time.monotonic()
    with pytest.raises(CheckTimeout, match=r"did not finish within 0\.3 s"):
        run_check("Exercise 0.1", check, timeout=0.3)
    assert time.monotonic() - started < 3


def test_a_checks_loop_runs_as_many_to_thread_calls_at_once_on_any_machine():
    calls = min(TO_THREAD_WORKERS, (os.cpu_count() or 1) + 5)  # one more than the default pool holds here
    together = threading.Barrier(calls, timeout=10)  # passes only when every call runs at the same time

    async def main() -> list[int]:
        return await asyncio.gather(*(asyncio.to_thread(together.wait) for _ in range(calls)))

    assert sorted(run_loop(main())) == list(range(calls))


def test_code_that_marks_the_checks_thread_stopped_still_runs_into_the_limit():
    """The learner's code runs in the check's thread and can set its state: the harness waits for the check itself."""

    def check() -> None:
        threading.current_thread()._is_stopped = True  # type: ignore[attr-defined]  # is_alive() now says False
        time.sleep(5)

    with pytest.raises(CheckTimeout):
        run_check("Exercise 1.1", check, timeout=0.3)
