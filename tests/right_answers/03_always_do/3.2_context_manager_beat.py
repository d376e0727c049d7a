# Right answer to exercise 3.2: the heartbeat is an async context manager that starts its task on entry and stops
# it on exit, whatever the body did.

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import Any


class Heartbeat:
    def __init__(self, every: float = 0.01) -> None:
        self.every = every
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _beat(self) -> None:
        while True:
            began = time.monotonic()
            try:
                await asyncio.sleep(self.every)
            finally:
                self.longest = max(self.longest, time.monotonic() - began)

    async def __aenter__(self) -> "Heartbeat":
        self._task = asyncio.create_task(self._beat())
        await asyncio.sleep(0)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    async with Heartbeat() as heart:
        outcome = await work()
    return outcome, heart.longest
