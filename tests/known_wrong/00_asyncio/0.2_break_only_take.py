# Known-wrong answer to exercise 0.2: Stops after n items without closing the source: it is left open.
# expect: [An async generator closed early runs its cleanup]
# expect: the source was still open

from collections.abc import AsyncGenerator, AsyncIterator
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
    async for item in stream:
        yield item
        count += 1
        if count == n:
            break
