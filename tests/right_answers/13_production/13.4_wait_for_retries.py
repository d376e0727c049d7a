# A right answer to exercise 13.4 written another way: the time left computed from loop.time() and given to
# asyncio.wait_for for each await, a wait cut short at the deadline, and the stream closed in `finally`.

import asyncio
import itertools
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any


async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    loop = asyncio.get_running_loop()
    ends = loop.time() + deadline

    def left() -> float:
        remaining = ends - loop.time()
        if remaining <= 0:
            raise TimeoutError(f"no stream within {deadline} s")
        return remaining

    for attempt in itertools.count():
        try:
            timeout = left()
            stream = await asyncio.wait_for(start(), timeout)
            break
        except ConnectionError:
            pause = random.uniform(0, 0.02 * 2**attempt)
            if pause >= left():
                await asyncio.sleep(left())
                raise TimeoutError(f"no stream within {deadline} s") from None
            await asyncio.sleep(pause)
    try:
        while True:
            try:
                timeout = left()
                item = await asyncio.wait_for(anext(stream), timeout)
            except StopAsyncIteration:
                return
            yield item
    finally:
        await stream.aclose()
