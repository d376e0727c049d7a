# A right answer to exercise 0.4 written another way: the scope as a generator with the token in a local, and one
# asyncio.wait_for per call, all started at once by gather: each call gets the same deadline and marks itself late.

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def request_scope(request_id: str) -> Iterator[str]:
    token = request_id_var.set(request_id)
    try:
        yield request_id
    finally:
        request_id_var.reset(token)


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    async def within(name: str) -> Any:
        try:
            return await asyncio.wait_for(fetch(name), seconds)
        except TimeoutError:
            return "late"

    results = await asyncio.gather(*(within(name) for name in names))  # agno-rules: ignore[AGN202]
    return dict(zip(names, results, strict=True))
