# Known-wrong answer to exercise 0.3: Sets the event in `except Exception`, which CancelledError does not reach.
# expect: [A thread stops only when asked]
# expect: ran on to its end

import asyncio
import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    except Exception:
        stop.set()
        raise
