# Known-wrong answer to exercise 3.2: Reports the mean beat: one long block among many short beats averages away.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: the heartbeat missed the block

import asyncio
import statistics
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
        await asyncio.wait([beating])
    return result, statistics.mean(beats)
