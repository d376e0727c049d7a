# Known-wrong answer to exercise 13.5: Cancels and awaits its producers, but a producer cancelled while it waits for
# room in the queue leaves its agent's stream suspended, to the garbage collector.
# expect: [Merge several agents' streams into one]
# expect: were still open
# expect: contextlib.aclosing

import asyncio
from collections.abc import AsyncIterator

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | Exception | None] = asyncio.Queue(maxsize=4)

    async def produce(agent: Agent) -> None:
        try:
            async for chunk in await agent.arun(prompt, stream=True):
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
        await asyncio.wait(producers)
