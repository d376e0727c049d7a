# A right answer to exercise 7.4 written another way: the stream read by a helper coroutine that returns the arrival
# times, the clock passed in, and the ratio computed first.

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def arrivals(stream: AsyncIterator[Any], clock: Callable[[], float]) -> list[float]:
    return [clock() async for _ in stream]


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    start = time.perf_counter()
    async with aclosing(await open_stream()) as stream:
        marks = await arrivals(stream, time.perf_counter)
    return StreamTiming(first_item_s=marks[0] - start, total_s=time.perf_counter() - start, items=len(marks))


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    ratio = relayed.first_item_s / collected.first_item_s
    return ratio < 0.5 and relayed.items >= collected.items
