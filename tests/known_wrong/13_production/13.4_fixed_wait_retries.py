# Known-wrong answer to exercise 13.4: Waits the same 20 ms before every retry: clients that failed together retry
# together.
# expect: [Retry before the first item, within a deadline]
# expect: the retries came

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    async with asyncio.timeout(deadline):
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(0.02)
    async for item in stream:
        yield item
