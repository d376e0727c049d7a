# Known-wrong answer to exercise 7.4: Starts the clock once the stream is open: the wait for the opening is left out.
# expect: [Streaming Optimization: time to the first item, from the request]
# expect: the clock started after `await open_stream()`

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    first_item_s, items = 0.0, 0
    async with aclosing(await open_stream()) as stream:
        started = time.perf_counter()
        async for _ in stream:
            items += 1
            if items == 1:
                first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
