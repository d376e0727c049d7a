# A right answer to exercise 7.4 written another way: anext() until StopAsyncIteration, aclose() in `finally`, the
# arrival times kept as two marks, and the decision written as a product.

import time
from collections.abc import Awaitable, Callable
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    requested = time.perf_counter()
    stream = await open_stream()
    first_at: float | None = None
    count = 0
    try:
        while True:
            try:
                await anext(stream)
            except StopAsyncIteration:
                break
            count += 1
            first_at = first_at or time.perf_counter()
        ended = time.perf_counter()
    finally:
        await stream.aclose()
    assert first_at is not None, "the stream was empty"
    return StreamTiming(first_item_s=first_at - requested, total_s=ended - requested, items=count)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    if relayed.items < collected.items:
        return False
    return 2 * relayed.first_item_s < collected.first_item_s
