# Known-wrong answer to exercise 3.2: Stops the heartbeat only when the work returns: when it raises, the heartbeat
# is left running.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: when the work raised
# expect: stop the heartbeat in a `finally:`

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
    result = await work()
    beating.cancel()
    await asyncio.wait([beating])
    return result, max(beats)
