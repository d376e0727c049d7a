# Known-wrong answer to exercise 0.2: Releases after the loop: never reached when the consumer closes the generator
# early.
# expect: [An async generator closed early runs its cleanup]
# expect: called aclose(); the connection was still
# given: solution

from collections.abc import AsyncIterator
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    while (row := await connection.fetch_row()) is not None:
        yield row
    await pool.release(connection)
