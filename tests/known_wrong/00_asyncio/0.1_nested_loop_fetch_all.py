# Known-wrong answer to exercise 0.1: Runs gather with run_until_complete on the loop that is already running it.
# expect: [Concurrency comes from tasks]
# expect: raised RuntimeError: This event loop is already running

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(asyncio.gather(*(fetch(name) for name in names)))
