# Known-wrong answer to exercise 0.4: sleeps until the deadline and then reads the tasks, even when every call
# finished long before.
# expect: [Python asyncio: a deadline over many tasks]
# expect: the deadline is a limit, not a wait
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks = {name: asyncio.create_task(fetch(name)) for name in names}
    try:
        await asyncio.sleep(seconds)
    finally:
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
    return {name: "late" if task.cancelled() else task.result() for name, task in tasks.items()}
