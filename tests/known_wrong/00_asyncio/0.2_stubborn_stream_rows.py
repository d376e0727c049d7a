# Known-wrong answer to exercise 0.2: Catches GeneratorExit and yields again, so aclose() fails.
# expect: [An async generator closed early runs its cleanup]
# expect: async generator ignored GeneratorExit
# given: solution

from collections.abc import AsyncIterator
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
