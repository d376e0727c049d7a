# Known-wrong answer to exercise 0.2: Reads the n items into a list first, then yields them: the consumer waits for
# all of them.
# expect: [AGN103]
# expect: when the first item reached the consumer
# given: solution

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    items = []
    async with aclosing(stream):
        async for item in stream:
            items.append(item)
            if len(items) == n:
                break
    for item in items:
        yield item
