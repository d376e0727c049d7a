# A right answer to exercise 0.4 written another way: a reusable scope that stacks its tokens, a dict filled in by
# each task as it finishes, and asyncio.timeout() around a plain asyncio.wait() of every task.

import asyncio
import contextlib
import contextvars
from collections.abc import Awaitable, Callable
from typing import Any


class request_scope(contextlib.AbstractContextManager):
    def __init__(self, request_id: str) -> None:
        self.request_id = request_id
        self.tokens: list[contextvars.Token[str]] = []

    def __enter__(self) -> "request_scope":
        self.tokens.append(request_id_var.set(self.request_id))
        return self

    def __exit__(self, *details: object) -> None:
        request_id_var.reset(self.tokens.pop())


async def fetch_all_within(fetch: Callable[[str], Awaitable[Any]], names: list[str], seconds: float) -> dict[str, Any]:
    results: dict[str, Any] = dict.fromkeys(names, "late")

    async def one(name: str) -> None:
        results[name] = await fetch(name)

    tasks = [asyncio.create_task(one(name)) for name in names]
    try:
        async with asyncio.timeout(seconds):
            await asyncio.wait(tasks)
    except TimeoutError:
        pass
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
    return results
