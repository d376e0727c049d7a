# Known-wrong answer to exercise 0.2: Catches GeneratorExit and yields again, so aclose() fails.
# expect: [An async generator closed early runs its cleanup]
# expect: async generator ignored GeneratorExit

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            try:
                yield row
            except GeneratorExit:
                yield "closing"
    finally:
        await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    async with aclosing(stream):
        count = 0
        async for item in stream:
            yield item
            count += 1
            if count == n:
                break
