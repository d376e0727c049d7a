# Known-wrong answer to exercise 0.4: awaits the calls in its own task, one after another, so a set made in one
# call is seen by the next and by the caller.
# expect: [Concurrency comes from tasks]
# expect: in 1 task(s)
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    results: dict[str, Any] = {name: "late" for name in names}
    try:
        async with asyncio.timeout(seconds):
            for name in names:
                results[name] = await fetch(name)
    except TimeoutError:
        pass
    return results
