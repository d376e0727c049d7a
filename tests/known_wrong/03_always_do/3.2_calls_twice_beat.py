# Known-wrong answer to exercise 3.2: Runs the work once to warm up and again to measure: every path runs twice.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: called work 2 times

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    await work()  # warm-up
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
    return result, max(beats)
