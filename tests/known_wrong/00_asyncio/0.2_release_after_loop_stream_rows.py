# Known-wrong answer to exercise 0.2: Releases after the loop: never reached when the consumer closes the generator
# early.
# expect: [An async generator closed early runs its cleanup]
# expect: called aclose(); the connection was still

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    while (row := await connection.fetch_row()) is not None:
        yield row
    await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    async with aclosing(stream):
        count = 0
        async for item in stream:
            yield item
            count += 1
            if count == n:
                break
