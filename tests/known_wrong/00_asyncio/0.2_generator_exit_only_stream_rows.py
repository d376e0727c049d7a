# Known-wrong answer to exercise 0.2: Releases on GeneratorExit and at the end, but not when a fetch fails.
# expect: [An async generator closed early runs its cleanup]
# expect: raised RowError at row

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    except GeneratorExit:
        await pool.release(connection)
        raise
    await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    async with aclosing(stream):
        count = 0
        async for item in stream:
            yield item
            count += 1
            if count == n:
                break
