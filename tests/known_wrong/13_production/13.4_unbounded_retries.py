# Known-wrong answer to exercise 13.4: Retries with backoff, but ignores the deadline.
# expect: [Retry before the first item, within a deadline]
# expect: got ConnectionError

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    attempt = 0
    while True:
        try:
            stream = await start()
            break
        except ConnectionError:
            await asyncio.sleep(random.uniform(0, min(0.2, 0.02 * 2**attempt)))
            attempt += 1
            if attempt > 20:
                raise
    async for item in stream:
        yield item
