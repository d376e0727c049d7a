# Known-wrong answer to exercise 3.2: Reports the figure the chapter measured for a blocked loop, without measuring.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: on a path that awaited for

from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    return await work(), 0.25
