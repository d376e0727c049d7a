# Known-wrong answer to exercise 7.4: Starts the clock when the first item arrives: its first_item_s is about zero.
# expect: [Streaming Optimization: time to the first item, from the request]
# expect: the clock started
# expect: before calling open_stream()

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = None
    first_item_s, items = 0.0, 0
    async with aclosing(await open_stream()) as stream:
        async for _ in stream:
            if started is None:
                started = time.perf_counter()
                first_item_s = time.perf_counter() - started
            items += 1
    return StreamTiming(first_item_s, time.perf_counter() - (started or 0.0), items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
