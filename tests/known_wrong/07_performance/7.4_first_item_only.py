# Known-wrong answer to exercise 7.4: Reads the first item and stops: the rest of the stream is never read or counted.
# expect: [Streaming Optimization: time to the first item, from the request]
# expect: read 1 of the
# expect: read every item

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    async with aclosing(await open_stream()) as stream:
        await anext(stream)
        first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, 1)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
