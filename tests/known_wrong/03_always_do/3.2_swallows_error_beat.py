# Known-wrong answer to exercise 3.2: Catches the work's exception and reports None as its result: the caller never
# learns that the path failed.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: and longest_beat(work) returned (None,
# expect: let the work's exception go on to your caller

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
    except Exception:
        result = None
    finally:
        beating.cancel()
        await asyncio.wait([beating])
    return result, max(beats)
