# Known-wrong answer to exercise 0.4: a hard-coded dict, with no call of fetch.
# expect: [Python asyncio: a deadline over many tasks]
# expect: every call in time, returned
# given: solution

from collections.abc import Awaitable, Callable
from typing import Any


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    return {name: f"{name} for req-1" for name in names}
