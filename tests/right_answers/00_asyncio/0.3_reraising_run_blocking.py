# A right answer to exercise 0.3 written another way: sets the event only on cancellation, then re-raises.

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
        raise
