# Known-wrong answer to exercise 0.4: a hard-coded dict, with no call of fetch.
# expect: [Python asyncio: a deadline over many tasks]
# expect: every call in time, returned

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
    return {name: f"{name} for req-1" for name in names}
