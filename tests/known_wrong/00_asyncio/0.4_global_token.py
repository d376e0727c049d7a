# Known-wrong answer to exercise 0.4: the scope keeps its token in a global, which a nested scope overwrites.
# expect: [Python asyncio: context variables]
# expect: each scope keeps its own token

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

_token = None


class request_scope:
    def __init__(self, request_id: str) -> None:
        self.request_id = request_id

    def __enter__(self) -> None:
        global _token
        _token = request_id_var.set(self.request_id)

    def __exit__(self, *details: object) -> None:
        request_id_var.reset(_token)


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks: dict[str, asyncio.Task[Any]] = {}
    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for name in names:
                    tasks[name] = tg.create_task(fetch(name))
    except TimeoutError:
        pass
    return {name: "late" if task.cancelled() else task.result() for name, task in tasks.items()}
