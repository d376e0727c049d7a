# A right answer to exercise 0.1 written another way: gather fetch all

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


async def fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return await asyncio.gather(*map(fetch, names))
