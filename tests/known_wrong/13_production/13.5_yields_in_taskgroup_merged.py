# Known-wrong answer to exercise 13.5: Yields inside the TaskGroup that runs the producers, so the GeneratorExit that
# aclose() raises at the paused `yield` reaches the group, which wraps it in a BaseExceptionGroup.
# expect: [Merge several agents' streams into one]
# expect: went through a TaskGroup, which wrapped it in a group
# expect: never yield inside `async with asyncio.TaskGroup()`

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent

END = object()


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[Any] = asyncio.Queue()

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                await queue.put((agent.name, chunk.content))
        await queue.put(END)

    async with asyncio.TaskGroup() as group:
        for agent in agents:
            group.create_task(produce(agent))
        running = len(agents)
        while running:
            item = await queue.get()
            if item is END:
                running -= 1
            else:
                yield item
