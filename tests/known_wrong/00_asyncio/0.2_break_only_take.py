# Known-wrong answer to exercise 0.2: Stops after n items without closing the source: it is left open.
# expect: [An async generator closed early runs its cleanup]
# expect: the source was still open
# given: solution

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    count = 0
    async for item in stream:
        yield item
        count += 1
        if count == n:
            break
