# Known-wrong answer to exercise 0.4: cancels the pending calls at the deadline but returns without awaiting them,
# so they are still cleaning up when it returns.
# expect: [Python asyncio: a deadline over many tasks]
# expect: had not finished

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    token = request_id_var.set(request_id)
    try:
        yield
    finally:
        request_id_var.reset(token)


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    tasks = {name: asyncio.create_task(fetch(name)) for name in names}
    try:
        done, _ = await asyncio.wait(tasks.values(), timeout=seconds)
    finally:
        for task in tasks.values():
            task.cancel()
    return {name: task.result() if task in done else "late" for name, task in tasks.items()}
