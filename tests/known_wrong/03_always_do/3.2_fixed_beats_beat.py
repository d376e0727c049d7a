# Known-wrong answer to exercise 3.2: Gathers the work with a heartbeat of a fixed hundred beats: the function waits
# for the heartbeat long after the work has ended (on a busy machine, past the check's own time limit: the
# message then says it had not returned, with the same fix).
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: as soon as the work ends

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = []

    async def heartbeat() -> None:
        for _ in range(100):
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            beats.append(time.perf_counter() - start)

    _, result = await asyncio.gather(heartbeat(), work())
    return result, max(beats)
