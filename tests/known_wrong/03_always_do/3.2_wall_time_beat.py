# Known-wrong answer to exercise 3.2: Times the work instead of the heartbeat: a path that only awaits looks blocked.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: and never blocked the loop
# expect: measure the beats, not the work

import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = await work()
    return result, time.perf_counter() - start
