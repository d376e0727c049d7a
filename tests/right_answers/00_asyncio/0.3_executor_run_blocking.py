# A right answer to exercise 0.3 written another way: loop.run_in_executor on the default executor, the event set in
# `except BaseException` before re-raising.

import asyncio
import functools
import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, functools.partial(work, stop))
    except BaseException:
        stop.set()
        raise
