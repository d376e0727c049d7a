# Known-wrong answer to exercise 0.2: Releases in `finally`, but hides a failed fetch: the consumer sees a short
# stream and no error.
# expect: [An async generator closed early runs its cleanup]
# expect: got no error
# given: solution

from collections.abc import AsyncIterator
from typing import Any


async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    except Exception:
        return
    finally:
        await pool.release(connection)
