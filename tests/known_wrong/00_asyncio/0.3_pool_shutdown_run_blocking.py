# Known-wrong answer to exercise 0.3: Sets the event in `finally`, but outside its `with ThreadPoolExecutor()`: leaving
# the block waits for the running work first, so the event comes too late (and the wait blocks the loop).
# expect: [A thread stops only when asked]
# expect: ran on to its end

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    loop = asyncio.get_running_loop()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            return await loop.run_in_executor(pool, work, stop)
    finally:
        stop.set()
