# Known-wrong answer to exercise 0.3: Stops the thread, then swallows the cancellation and returns None.
# expect: [A thread stops only when asked]
# expect: returned None

import asyncio
import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    except asyncio.CancelledError:
        stop.set()
        return None
