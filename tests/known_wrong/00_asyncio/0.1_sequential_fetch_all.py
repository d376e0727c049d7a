# Known-wrong answer to exercise 0.1: Awaits each call before making the next.
# expect: [Concurrency comes from tasks]
# expect: at most 1 of them were running

from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return [await fetch(name) for name in names]
