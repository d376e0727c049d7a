# Known-wrong answer to exercise 0.4: cancels and awaits the late calls at the deadline, but a cancellation from
# outside skips that code and leaves every call running.
# expect: [Python asyncio: a deadline over many tasks]
# expect: cancelled from outside
# expect: nothing cancelled them
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks = {name: asyncio.create_task(fetch(name)) for name in names}
    done, pending = await asyncio.wait(tasks.values(), timeout=seconds)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)
    return {name: task.result() if task in done else "late" for name, task in tasks.items()}
