# Known-wrong answer to exercise 0.1: Starts the tasks and returns them instead of their results.
# expect: [Concurrency comes from tasks]
# expect: returned [<Task

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return [asyncio.create_task(fetch(name)) for name in names]
