# Known-wrong answer to exercise 0.2: Releases on GeneratorExit and at the end, but not when a fetch fails.
# expect: [An async generator closed early runs its cleanup]
# expect: raised RowError at row
# given: solution

from collections.abc import AsyncIterator
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
