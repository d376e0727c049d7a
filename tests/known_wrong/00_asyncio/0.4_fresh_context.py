# Known-wrong answer to exercise 0.4: runs each call in a fresh, empty context "to keep the tasks apart", so no
# call sees the request id.
# expect: [Python asyncio: context variables]
# expect: found no value
# given: solution

import asyncio
import contextvars
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks: dict[str, asyncio.Task[Any]] = {}
    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for name in names:
                    tasks[name] = tg.create_task(fetch(name), context=contextvars.Context())
    except TimeoutError:
        pass
    return {name: "late" if task.cancelled() else task.result() for name, task in tasks.items()}
