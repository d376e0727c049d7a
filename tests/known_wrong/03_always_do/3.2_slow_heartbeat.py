# Known-wrong answer to exercise 3.2: the heartbeat sleeps 0.08 s instead of 0.01 s, so it reports beats eight
# times longer than the loop is ever held on a path that only awaits.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: never blocked the loop
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
                await asyncio.sleep(0.08)
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
