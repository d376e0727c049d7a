# A right answer to exercise 0.1 written another way: Tasks created first, then awaited one by one; returns a tuple,
# which the task allows as a list of results.

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> tuple[Any, ...]:
    tasks = [asyncio.create_task(fetch(name)) for name in names]
    return tuple([await task for task in tasks])
