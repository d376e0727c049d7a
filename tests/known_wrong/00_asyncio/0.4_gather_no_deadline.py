# Known-wrong answer to exercise 0.4: gathers every call and never applies the deadline.
# expect: [Python asyncio: a deadline over many tasks]
# expect: returned after

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
    results = await asyncio.gather(*(fetch(name) for name in names))  # agno-rules: ignore[AGN202]
    return dict(zip(names, results, strict=True))
