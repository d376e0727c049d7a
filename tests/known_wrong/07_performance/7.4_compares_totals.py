# Known-wrong answer to exercise 7.4: Compares the whole runs' times, which streaming does not change: no relay ships.
# expect: [Streaming Optimization: time to the first item, from the request]
# expect: not the totals

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    first_item_s, items = 0.0, 0
    async with aclosing(await open_stream()) as stream:
        async for _ in stream:
            items += 1
            if items == 1:
                first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.total_s < 0.5 * collected.total_s
