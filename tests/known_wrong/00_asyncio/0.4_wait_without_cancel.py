# Known-wrong answer to exercise 0.4: asyncio.wait() with a timeout marks the pending calls late but cancels
# nothing: they run on after it returns.
# expect: [Python asyncio: a deadline over many tasks]
# expect: nothing cancelled them
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks = {name: asyncio.create_task(fetch(name)) for name in names}
    done, _ = await asyncio.wait(tasks.values(), timeout=seconds)
    return {name: task.result() if task in done else "late" for name, task in tasks.items()}
