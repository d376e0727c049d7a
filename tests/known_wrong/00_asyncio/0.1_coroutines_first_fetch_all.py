# Known-wrong answer to exercise 0.1: Creates every coroutine first, believing that starts them; they still run one at
# a time.
# expect: [Concurrency comes from tasks]
# expect: at most 1 of them were running

from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    pending = [fetch(name) for name in names]
    return [await coroutine for coroutine in pending]
