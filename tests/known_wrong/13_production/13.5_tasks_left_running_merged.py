# Known-wrong answer to exercise 13.5: Cancels the producers when the reader stops, but does not wait for them: when
# aclose() returns they are still running (cancel() only asks).
# expect: [Merge several agents' streams into one]
# expect: these tasks were still running
# expect: wait until they have finished

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | Exception | None] = asyncio.Queue(maxsize=8)

    async def produce(agent: Agent) -> None:
        try:
            async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
                async for chunk in chunks:
                    await queue.put((agent.name or "", chunk.content))
        except Exception as error:
            await queue.put(error)
        else:
            await queue.put(None)

    producers = [asyncio.create_task(produce(agent)) for agent in agents]
    try:
        running = len(producers)
        while running:
            item = await queue.get()
            if item is None:
                running -= 1
            elif isinstance(item, Exception):
                raise item
            else:
                yield item
    finally:
        for task in producers:
            task.cancel()
