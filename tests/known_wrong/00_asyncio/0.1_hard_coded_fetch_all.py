# Known-wrong answer to exercise 0.1: Hard-coded to the demo: returns each name upper-cased without calling fetch.
# expect: [Concurrency comes from tasks]
# expect: whose calls finish in the reverse order

from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return [name.upper() for name in names]
