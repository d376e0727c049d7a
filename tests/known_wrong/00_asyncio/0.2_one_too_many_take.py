# Known-wrong answer to exercise 0.2: Checks the count before yielding, so it reads one item more than it yields.
# expect: [An async generator closed early runs its cleanup]
# expect: items from the source
# given: solution

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    count = 0
    async with aclosing(stream):
        async for item in stream:
            if count == n:
                break
            count += 1
            yield item
