# Known-wrong answer to exercise 0.1: Lets at most two calls run at once through a semaphore, so the others wait.
# expect: [Concurrency comes from tasks]
# expect: at most 2 of them were running

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    slots = asyncio.Semaphore(2)

    async def limited(name: str) -> Any:
        async with slots:
            return await fetch(name)

    return await asyncio.gather(*(limited(name) for name in names))
