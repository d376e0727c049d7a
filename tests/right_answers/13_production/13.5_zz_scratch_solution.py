# scratch
import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | Exception | None] = asyncio.Queue(maxsize=16)

    async def produce(agent: Agent) -> None:
        try:
            async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
                async for chunk in chunks:
                    await queue.put((agent.name or "", chunk.content))
        except Exception as error:  # the reader raises it
            await queue.put(error)
        else:
            await queue.put(None)  # this producer is done

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
    finally:  # finished, failed, or closed early: stop the producers and wait until they have stopped
        for task in producers:
            task.cancel()
        if producers:
            await asyncio.wait(producers)
