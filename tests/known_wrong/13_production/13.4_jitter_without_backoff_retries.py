# Known-wrong answer to exercise 13.4: a random wait before each retry, but from the same short range every time: the
# bound never doubles, so clients that keep failing keep retrying at the same rate.
# expect: [Retry before the first item, within a deadline]
# expect: did not grow

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    until = asyncio.get_running_loop().time() + deadline
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            break
        except ConnectionError:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(0.005 + random.random() * 0.01)
    async with aclosing(stream):
        while True:
            try:
                async with asyncio.timeout_at(until):
                    item = await anext(stream)
            except StopAsyncIteration:
                return
            yield item
