# Known-wrong answer to exercise 0.1: Starts a task per call, then polls them with time.sleep(), which blocks the loop.
# expect: [AGN107]
# expect: event loop was blocked

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    tasks = [asyncio.create_task(fetch(name)) for name in names]
    while not all(task.done() for task in tasks):
        time.sleep(0.2)  # noqa: ASYNC251
        await asyncio.sleep(0)
    return [task.result() for task in tasks]
