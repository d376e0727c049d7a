# Known-wrong answer to exercise 0.2: Checks the count before yielding, so it reads one item more than it yields.
# expect: [An async generator closed early runs its cleanup]
# expect: items from the source

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    finally:
        await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    count = 0
    async with aclosing(stream):
        async for item in stream:
            if count == n:
                break
            count += 1
            yield item
