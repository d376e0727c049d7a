# Known-wrong answer to exercise 13.4: Doubles its wait each time but draws nothing at random: every client retries on
# the same schedule.
# expect: [Retry before the first item, within a deadline]
# expect: the retries came

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    wait = 0.01
    async with asyncio.timeout(deadline):
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(wait)
                wait *= 2
    async for item in stream:
        yield item
