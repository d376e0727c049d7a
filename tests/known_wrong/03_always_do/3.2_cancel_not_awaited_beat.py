# Known-wrong answer to exercise 3.2: Cancels the heartbeat but returns before it has finished: the cancellation has
# not reached the task yet.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: left 1 task(s) it had started still running
# expect: wait for it to finish

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = []

    async def heartbeat() -> None:
        while True:
            start = time.perf_counter()
            try:
                await asyncio.sleep(0.01)
            finally:
                beats.append(time.perf_counter() - start)

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    try:
        result = await work()
    finally:
        beating.cancel()
    return result, max(beats)
