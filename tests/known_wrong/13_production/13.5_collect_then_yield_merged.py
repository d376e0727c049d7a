# Known-wrong answer to exercise 13.5: Runs the producers concurrently into a queue, in the order the chunks arrive,
# but reads the queue only once every producer has finished.
# expect: [Merge several agents' streams into one]
# expect: only after the slowest agent
# expect: never wait for a stream to end, or for all of them

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                queue.put_nowait((agent.name or "", chunk.content))

    async with asyncio.TaskGroup() as group:
        for agent in agents:
            group.create_task(produce(agent))
    while not queue.empty():
        yield queue.get_nowait()
