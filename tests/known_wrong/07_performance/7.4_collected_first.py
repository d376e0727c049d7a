# Known-wrong answer to exercise 7.4: Collects every item into a list, then reads the clock: its "first item" is the
# last.
# expect: [AGN103]
# expect: the figure was taken after the whole stream had been read
# expect: inside the loop

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    async with aclosing(await open_stream()) as stream:
        items = [item async for item in stream]
    first_item_s = time.perf_counter() - started
    return StreamTiming(first_item_s, time.perf_counter() - started, len(items))


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
