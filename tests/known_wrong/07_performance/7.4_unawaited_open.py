# Known-wrong answer to exercise 7.4: Iterates what open_stream() returns without awaiting it: a coroutine object is
# not a stream.
# expect: [AGN106]
# expect: open_stream() returns an awaitable

import time
from collections.abc import Awaitable, Callable
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    first_item_s, items = 0.0, 0
    async for _ in open_stream():  # type: ignore[attr-defined]
        items += 1
        if items == 1:
            first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
