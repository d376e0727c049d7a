# Known-wrong answer to exercise 0.4: each task sets the request id from a global that the scope writes, so a call
# made under another request id, or by two requests at once, sees the wrong one.
# expect: [Python asyncio: context variables]
# expect: read request_id_var and found

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

_current = "no request"


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    global _current
    token = request_id_var.set(request_id)
    _current = request_id
    try:
        yield
    finally:
        request_id_var.reset(token)


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    async def one(name: str) -> Any:
        request_id_var.set(_current)
        return await fetch(name)

    tasks: dict[str, asyncio.Task[Any]] = {}
    try:
        async with asyncio.timeout(seconds):
            async with asyncio.TaskGroup() as tg:
                for name in names:
                    tasks[name] = tg.create_task(one(name))
    except TimeoutError:
        pass
    return {name: "late" if task.cancelled() else task.result() for name, task in tasks.items()}
