# Known-wrong answer to exercise 0.4: awaits the calls in its own task, one after another, so a set made in one
# call is seen by the next and by the caller.
# expect: [Concurrency comes from tasks]
# expect: in 1 task(s)

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
    results: dict[str, Any] = {name: "late" for name in names}
    try:
        async with asyncio.timeout(seconds):
            for name in names:
                results[name] = await fetch(name)
    except TimeoutError:
        pass
    return results
