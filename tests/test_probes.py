"""The loop-blockage probe blames the code under test for the stalls it causes, and not for the machine's."""

import asyncio
import random
import time

from agnocourse.grading.probes import run_async_paths


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
