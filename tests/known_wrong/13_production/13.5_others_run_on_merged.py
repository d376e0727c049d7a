# Known-wrong answer to exercise 13.5: Waits for every producer with gather(return_exceptions=True) before raising
# the first failure: the error reaches the consumer, but only after the other agents have streamed to their end.
# expect: [Merge several agents' streams into one]
# expect: ran on to their last chunk
# expect: cancel the others

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | None] = asyncio.Queue(maxsize=8)

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                await queue.put((agent.name or "", chunk.content))

    async def run_all() -> list[BaseException | None]:
        outcomes = await asyncio.gather(*(produce(agent) for agent in agents), return_exceptions=True)
        await queue.put(None)  # the reader is waiting for it
        return outcomes

    producers = asyncio.create_task(run_all())
    try:
        while (item := await queue.get()) is not None:
            yield item
        for outcome in await producers:
            if isinstance(outcome, Exception):
                raise outcome
    finally:
        producers.cancel()
        await asyncio.wait([producers])
