# Known-wrong answer to exercise 7.4: Reads the stream to its end and never closes it.
# expect: [Python asyncio: closing async generators]
# expect: with the stream still open
# expect: aclosing

import time
from collections.abc import Awaitable, Callable
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    first_item_s, items = 0.0, 0
    async for _ in await open_stream():
        items += 1
        if items == 1:
            first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
