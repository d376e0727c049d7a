# A right answer to exercise 13.4 written another way: the first item is part of the attempt, and the deadline is a
# Timeout object rescheduled around each wait.

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    loop = asyncio.get_running_loop()
    until = loop.time() + deadline
    bound = 0.01
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
                first = await anext(stream)
            break
        except ConnectionError:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(random.random() * bound)
            bound = min(bound * 2, 1.0)
    yield first
    try:
        while True:
            async with asyncio.timeout_at(until):
                try:
                    item = await anext(stream)
                except StopAsyncIteration:
                    return
            yield item
    finally:
        await stream.aclose()
