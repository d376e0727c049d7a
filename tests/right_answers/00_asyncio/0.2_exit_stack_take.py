# A right answer to exercise 0.2 written another way: the connection is borrowed through an asynccontextmanager, and
# take closes its source through an AsyncExitStack, counting with enumerate and returning at n.

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any


@asynccontextmanager
async def borrowed(pool: Any) -> AsyncIterator[Any]:
    connection = await pool.acquire()
    try:
        yield connection
    finally:
        await pool.release(connection)


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    async with borrowed(pool) as connection:
        while True:
            row = await connection.fetch_row()
            if row is None:
                break
            yield row


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    async with AsyncExitStack() as stack:
        stack.push_async_callback(stream.aclose)
        if n <= 0:
            return
        async for index, item in _numbered(stream):
            yield item
            if index + 1 == n:
                return


async def _numbered(stream: AsyncGenerator[Any, None]) -> AsyncIterator[tuple[int, Any]]:
    index = 0
    async for item in stream:
        yield index, item
        index += 1
