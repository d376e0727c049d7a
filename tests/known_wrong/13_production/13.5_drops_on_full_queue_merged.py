# Known-wrong answer to exercise 13.5: Producers never wait for room: a chunk that finds the queue full is dropped,
# so a consumer slower than the agents loses chunks.
# expect: [Merge several agents' streams into one]
# expect: with a consumer slower than the agents
# expect: lost
# expect: put_nowait on a full queue

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | Exception | None] = asyncio.Queue(maxsize=4)
    done = asyncio.Queue[Exception | None]()

    async def produce(agent: Agent) -> None:
        try:
            async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
                async for chunk in chunks:
                    with contextlib.suppress(asyncio.QueueFull):
                        queue.put_nowait((agent.name or "", chunk.content))
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
        del done
