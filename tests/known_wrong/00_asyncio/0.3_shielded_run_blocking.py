# Known-wrong answer to exercise 0.3: Shields the thread's future from the cancellation and waits for it, believing
# that lets the work finish cleanly; nothing tells it to stop, so the task ends only when the work does.
# expect: [A thread stops only when asked]
# expect: ran on to its end

import asyncio
import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    inner = asyncio.ensure_future(asyncio.to_thread(work, threading.Event()))
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        await inner
        raise
