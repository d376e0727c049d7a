# Known-wrong answer to exercise 13.4: Yields inside asyncio.timeout(): the deadline cancels the consumer's own work
# (PEP 789).
# expect: [Retry before the first item, within a deadline]
# expect: its own work was cancelled

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    async with asyncio.timeout(deadline):
        attempt = 0
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
                attempt += 1
        async for item in stream:
            yield item
