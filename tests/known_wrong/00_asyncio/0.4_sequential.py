# Known-wrong answer to exercise 0.4: a task per call, but each awaited before the next is created.
# expect: [Concurrency comes from tasks]
# expect: at most 1 of them were running
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with asyncio.timeout(seconds):
        for name in names:
            results[name] = await asyncio.create_task(fetch(name))
    return results
