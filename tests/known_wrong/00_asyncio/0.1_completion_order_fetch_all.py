# Known-wrong answer to exercise 0.1: Concurrent, but returns the results in the order the calls finished.
# expect: [Concurrency comes from tasks]
# expect: finish in the reverse order

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return [await result for result in asyncio.as_completed([fetch(name) for name in names])]
