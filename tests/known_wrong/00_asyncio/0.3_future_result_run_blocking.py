# Known-wrong answer to exercise 0.3: Hands work to a thread pool, then waits for it with the future's blocking
# .result(), which stalls the event loop as much as calling work directly.
# expect: [AGN107]
# expect: event loop was blocked

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

pool = ThreadPoolExecutor()


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    try:
        return pool.submit(work, stop).result()
    finally:
        stop.set()
