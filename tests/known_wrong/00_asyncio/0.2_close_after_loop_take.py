# Known-wrong answer to exercise 0.2: Closes the source after its loop, which is never reached when the consumer
# closes take() early.
# expect: [An async generator closed early runs its cleanup]
# expect: closed it with aclose(); the source was still
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
    await stream.aclose()
