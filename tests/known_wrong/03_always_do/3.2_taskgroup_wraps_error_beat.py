# Known-wrong answer to exercise 3.2: Runs the work and the heartbeat in a TaskGroup: the work's exception reaches the
# caller wrapped in an ExceptionGroup.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: wrapped in an ExceptionGroup
# expect: let the work's exception through unchanged

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

    async with asyncio.TaskGroup() as tg:
        beating = tg.create_task(heartbeat())
        await asyncio.sleep(0)
        try:
            result = await work()
        finally:
            beating.cancel()
    return result, max(beats)
