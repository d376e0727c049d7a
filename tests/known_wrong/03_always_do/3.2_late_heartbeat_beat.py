# Known-wrong answer to exercise 3.2: Creates the heartbeat task but calls work() before it ever ran, so a block at
# the start of the work is not seen.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: as soon as it started
# expect: await asyncio.sleep(0)

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = [0.0]

    async def heartbeat() -> None:
        while True:
            start = time.perf_counter()
            try:
                await asyncio.sleep(0.01)
            finally:
                beats.append(time.perf_counter() - start)

    beating = asyncio.create_task(heartbeat())
    try:
        result = await work()
    finally:
        beating.cancel()
        await asyncio.wait([beating])
    return result, max(beats)
