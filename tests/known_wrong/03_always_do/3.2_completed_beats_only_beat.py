# Known-wrong answer to exercise 3.2: Notes a beat only when its sleep completes, so the beat cut short by cancel()
# is lost, and with it a block at the end of the work.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: just before it returned
# expect: a beat still waiting when the work ends counts until then

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = [0.0]

    async def heartbeat() -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            beats.append(time.perf_counter() - start)

    beating = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    try:
        result = await work()
    finally:
        beating.cancel()
        await asyncio.wait([beating])
    return result, max(beats)
