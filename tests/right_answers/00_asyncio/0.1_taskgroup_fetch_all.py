# A right answer to exercise 0.1 written another way: taskgroup fetch all

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(name)) for name in names]
    return [task.result() for task in tasks]
