# A right answer to exercise 0.2 written another way: anext() n times, and aclose() in `finally`.

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while True:
            row = await connection.fetch_row()
            if row is None:
                return
            yield row
    finally:
        await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    try:
        for _ in range(n):
            try:
                item = await anext(stream)
            except StopAsyncIteration:
                return
            yield item
    finally:
        await stream.aclose()
