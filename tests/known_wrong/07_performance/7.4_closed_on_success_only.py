# Known-wrong answer to exercise 7.4: Closes the stream after the loop, outside a finally block: a stream that fails
# part-way is left open.
# expect: [Python asyncio: closing async generators]
# expect: let the error through with the stream still open
# expect: finally

import time
from collections.abc import Awaitable, Callable
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    first_item_s, items = 0.0, 0
    stream = await open_stream()
    async for _ in stream:
        items += 1
        if items == 1:
            first_item_s = time.perf_counter() - started
    await stream.aclose()
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
