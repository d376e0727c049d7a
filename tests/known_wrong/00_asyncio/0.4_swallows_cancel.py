# Known-wrong answer to exercise 0.4: catches CancelledError with TimeoutError, so a cancellation from outside
# returns a dict instead of reaching the caller.
# expect: [Python asyncio: a deadline over many tasks]
# expect: swallowed the CancelledError
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks: dict[str, asyncio.Task[Any]] = {}
    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for name in names:
                    tasks[name] = tg.create_task(fetch(name))
    except (TimeoutError, asyncio.CancelledError):
        pass
    return {name: "late" if task.cancelled() else task.result() for name, task in tasks.items()}
