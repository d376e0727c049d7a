# Known-wrong answer to exercise 0.4: gathers every call and never applies the deadline.
# expect: [Python asyncio: a deadline over many tasks]
# expect: returned after
# given: solution

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    results = await asyncio.gather(*(fetch(name) for name in names))  # agno-rules: ignore[AGN202]
    return dict(zip(names, results, strict=True))
