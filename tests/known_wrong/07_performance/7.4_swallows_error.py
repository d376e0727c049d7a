# Known-wrong answer to exercise 7.4: Catches the stream's error and returns figures for half a stream as if it were
# whole.
# expect: [Python asyncio: closing async generators]
# expect: returned first_item_s=
# expect: let the stream's own error reach the caller

import time
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from typing import Any


async def measure_stream(open_stream: Callable[[], Awaitable[Any]]) -> StreamTiming:
    started = time.perf_counter()
    first_item_s, items = 0.0, 0
    async with aclosing(await open_stream()) as stream:
        try:
            async for _ in stream:
                items += 1
                if items == 1:
                    first_item_s = time.perf_counter() - started
        except ConnectionError:
            pass
    return StreamTiming(first_item_s, time.perf_counter() - started, items)


def ship_relayed(relayed: StreamTiming, collected: StreamTiming) -> bool:
    return relayed.items == collected.items and relayed.first_item_s < 0.5 * collected.first_item_s
