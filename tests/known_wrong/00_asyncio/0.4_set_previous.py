# Known-wrong answer to exercise 0.4: the scope sets the previous value back instead of resetting with the token,
# so a variable that held no value is left holding one.
# expect: [Python asyncio: context variables]
# expect: held no value before

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    previous = request_id_var.get()
    request_id_var.set(request_id)
    try:
        yield
    finally:
        request_id_var.set(previous)


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
