"""The loop-blockage probe blames the code under test for the stalls it causes, and not for the machine's."""

import asyncio
import os
import random
import subprocess
import sys
import time

import pytest

from agnocourse.grading.probes import run_async_paths, run_call


async def stream(step):
    for _ in range(3):
        step()
        await asyncio.sleep(0.1)
        yield "item"


def blocked_while(step) -> float:
    runs, _, blocked = run_async_paths([lambda: stream(step)], "stream()")
    assert runs[0].items == ["item"] * 3
    return blocked


BLOCK = 0.25  # seconds a blocking step holds the loop


def test_a_sync_sleep_on_the_loop_is_a_block():
    assert blocked_while(lambda: time.sleep(BLOCK)) > 0.8 * BLOCK


def test_awaiting_is_not_a_block():
    # Measured against the blocking step above, with a margin, and once more if a busy machine stalled it.
    assert blocked_while(lambda: None) < BLOCK / 3 or blocked_while(lambda: None) < BLOCK / 3


def test_a_stall_of_the_whole_process_is_not_the_codes_block():
    # Sorting in C holds the GIL: no thread of the process runs, as when the machine does not schedule it.
    rng = random.Random(0)
    numbers = [rng.random() for _ in range(1_000_000)]
    started = time.perf_counter()
    sorted(numbers)
    one_stall = time.perf_counter() - started
    assert blocked_while(lambda: sorted(numbers)) < 0.5 * one_stall


def busy(seconds: float) -> float:
    """Python work on the loop's thread for `seconds` of CPU; returns that CPU time."""
    started = time.thread_time()
    while time.thread_time() - started < seconds:
        pass
    return time.thread_time() - started


def test_cpu_work_on_the_loop_is_a_block():
    cpu: list[float] = []
    blocked = blocked_while(lambda: cpu.append(busy(BLOCK)))
    assert blocked > 0.8 * max(cpu)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's schedstat tells a CPU wait apart")
def test_waiting_for_a_cpu_is_not_the_codes_block():
    # Three busy processes share the one CPU the loop is held to: a step of 0.05 s of CPU takes several times
    # that on the clock, and only the CPU it used is the code's.
    cpus = os.sched_getaffinity(0)
    one = {min(cpus)}
    spin = f"import os; os.sched_setaffinity(0, {one})\nwhile True: pass"
    rivals = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(3)]
    walls: list[float] = []

    def step() -> None:
        started = time.perf_counter()
        busy(0.05)
        walls.append(time.perf_counter() - started)

    try:
        time.sleep(0.2)  # the rivals start spinning
        os.sched_setaffinity(0, one)
        blocked = blocked_while(step)
    finally:
        os.sched_setaffinity(0, cpus)
        for rival in rivals:
            rival.kill()
            rival.wait()
    assert max(walls) > 2 * 0.05, "the rivals did not share the CPU"
    assert blocked < 0.5 * max(walls)


# -- one call of the learner's coroutine function, beside the same probe ----------------------------------------
async def holds_then_leaves(block: float, strays: int) -> str:
    await asyncio.sleep(0.05)
    time.sleep(block)  # noqa: ASYNC251 (the block the probe must see)
    for _ in range(strays):
        asyncio.get_running_loop().create_task(asyncio.sleep(10))
    return "done"


def test_a_call_is_timed_with_its_block_and_what_it_left_running():
    call = run_call(lambda: holds_then_leaves(BLOCK, 2))
    # Measured once more, as the checks do: on a machine too busy to schedule the probe's watchdog thread, the
    # watchdog counts the block as its own stall.
    if call.blocked <= 0.8 * BLOCK:
        call = run_call(lambda: holds_then_leaves(BLOCK, 2))
    assert call.outcome == "done" and call.left == 2 and not call.timed_out
    assert call.blocked > 0.8 * BLOCK and call.stalled >= call.blocked and call.seconds >= BLOCK


def test_a_call_that_raises_or_runs_past_its_timeout_has_that_as_its_outcome():
    async def raises() -> None:
        raise TimeoutError("the call's own")

    own = run_call(raises)
    assert isinstance(own.outcome, TimeoutError) and not own.timed_out
    late = run_call(lambda: asyncio.sleep(5), timeout=0.1)
    assert isinstance(late.outcome, TimeoutError) and late.timed_out and late.seconds < 2


def test_settling_lets_a_task_cancelled_without_a_wait_end_before_it_is_counted():
    async def cancels_without_waiting() -> None:
        asyncio.get_running_loop().create_task(asyncio.sleep(10)).cancel()

    assert run_call(cancels_without_waiting).left == 1
    assert run_call(cancels_without_waiting, settle=True).left == 0


def test_runs_waited_together_only_when_every_run_had_a_call_in_flight_at_one_moment():
    from agnocourse.grading.probes import run_timelines, waited_together

    def runs(*spans: list[tuple[float, float]]):
        timelines = run_timelines(len(spans))
        for timeline, calls in zip(timelines, spans, strict=True):
            for start, end in calls:
                timeline.add("call", start, end)
        return timelines

    assert waited_together(runs([(0.0, 0.3)], [(0.1, 0.4)], [(0.25, 0.5)]))
    assert not waited_together(runs([(0.0, 0.3)], [(0.3, 0.6)], [(0.6, 0.9)]))  # taking turns, ends touching starts
    assert not waited_together(runs([(0.0, 0.3)], [(0.1, 0.4)], [(0.35, 0.5)]))  # two overlap, the third comes after
    assert waited_together(runs([(0.0, 0.1), (0.2, 0.5)], [(0.3, 0.6)]))  # any of a run's calls will do
    assert not waited_together(runs([(0.0, 0.3)], []))  # a run that waited on nothing


def test_run_timelines_share_one_clock_and_record_waits_takes_agents_and_clients():
    from agnocourse.grading.probes import record_waits, run_timelines
    from agnocourse.offline import offline_agent
    from agnocourse.tools import AsyncFinancialTools

    first, second = run_timelines(2)
    assert abs(first.now() - second.now()) < 0.01
    agent, client = offline_agent("writer"), AsyncFinancialTools(latency=0)
    record_waits([agent, client], second)
    assert client.timeline is second
    agent.run("p", stream=False)
    asyncio.run(client.get_stock_price("AAPL"))
    assert [span.label for span in second.spans] == ["writer", "price(AAPL)"]
    with pytest.raises(TypeError, match="records no calls"):
        record_waits([object()], first)
