# Known-wrong answer to exercise 13.4: Retries at once, with no backoff.
# expect: [Retry before the first item, within a deadline]
# expect: the retries came

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    until = asyncio.get_running_loop().time() + deadline
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            break
        except ConnectionError:
            await asyncio.sleep(0)
    async for item in stream:
        yield item
