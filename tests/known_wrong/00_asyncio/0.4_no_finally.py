# Known-wrong answer to exercise 0.4: the scope resets after the yield, without finally: a block that raises
# leaves the request id set.
# expect: [Python asyncio: context variables]
# expect: raised and left it at

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    token = request_id_var.set(request_id)
    yield
    request_id_var.reset(token)


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
