# Known-wrong answer to exercise 3.2: Never stops the heartbeat: its task goes on beating after the function returned.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: left 1 task(s) it had started still running
# expect: cancel the heartbeat when the work ends

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

    asyncio.create_task(heartbeat())  # noqa: RUF006
    await asyncio.sleep(0)
    result = await work()
    return result, max(beats)
