# Right answer to exercise 3.2: notes the moment of every beat on the loop's clock and takes the longest gap between
# them, counting the work's start and end as beats.

import asyncio
from collections.abc import Awaitable, Callable
from itertools import pairwise
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    loop = asyncio.get_running_loop()
    moments: list[float] = []

    async def heartbeat() -> None:
        while True:
            moments.append(loop.time())
            await asyncio.sleep(0.01)

    task = loop.create_task(heartbeat())
    await asyncio.sleep(0)
    try:
        value = await work()
    finally:
        moments.append(loop.time())
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
    return value, max(later - earlier for earlier, later in pairwise(moments))
