# Known-wrong answer to exercise 0.4: cancels the pending calls at the deadline but returns without awaiting them,
# so they are still cleaning up when it returns.
# expect: [Python asyncio: a deadline over many tasks]
# expect: had not finished
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks = {name: asyncio.create_task(fetch(name)) for name in names}
    try:
        done, _ = await asyncio.wait(tasks.values(), timeout=seconds)
    finally:
        for task in tasks.values():
            task.cancel()
    return {name: task.result() if task in done else "late" for name, task in tasks.items()}
