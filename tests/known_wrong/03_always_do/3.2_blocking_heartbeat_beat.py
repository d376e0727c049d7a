# Known-wrong answer to exercise 3.2: The heartbeat waits with time.sleep and only yields with sleep(0): it holds the
# loop itself most of the time it measures it.
# expect: [AGN107]
# expect: time.sleep

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = []

    async def heartbeat() -> None:
        while True:
            start = time.perf_counter()
            time.sleep(0.01)  # noqa: ASYNC251
            try:
                await asyncio.sleep(0)
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
