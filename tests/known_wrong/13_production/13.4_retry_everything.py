# Known-wrong answer to exercise 13.4: Restarts the stream whenever it fails, also after items were yielded, and
# retries every error.
# expect: [Retry before the first item, within a deadline]
# expect: the stream failed after

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    until = asyncio.get_running_loop().time() + deadline
    attempt = 0
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            async for item in stream:
                yield item
            return
        except Exception:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
            attempt += 1
