# Known-wrong answer to exercise 0.1: Runs each call on a loop of its own in a thread pool, and waits for the pool on
# the event loop.
# expect: [AGN107]
# expect: event loop was blocked

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    with ThreadPoolExecutor() as pool:
        return list(pool.map(lambda name: asyncio.run(fetch(name)), names))
