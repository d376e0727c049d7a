# Known-wrong answer to exercise 0.3: to_thread with an event nobody ever sets: cancelling the task leaves the thread
# running.
# expect: [A thread stops only when asked]
# expect: ran on to its end

import asyncio
import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    return await asyncio.to_thread(work, threading.Event())
