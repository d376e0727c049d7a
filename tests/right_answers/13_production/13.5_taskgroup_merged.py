# A right answer to exercise 13.5 written another way: the producers run in a TaskGroup inside a task of their own
# (the generator never yields inside the group); an end marker is sent only when they all finished, the group's
# ExceptionGroup when one failed, and nothing when the reader cancelled them.

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent

END = object()


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=4)

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                await queue.put((agent.name, chunk.content))

    async def run_all() -> None:
        try:
            async with asyncio.TaskGroup() as group:
                for agent in agents:
                    group.create_task(produce(agent))
        except asyncio.CancelledError:
            raise
        except Exception as failure:
            await queue.put(failure)
        else:
            await queue.put(END)

    producers = asyncio.create_task(run_all())
    try:
        while (item := await queue.get()) is not END:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        producers.cancel()
        await asyncio.wait([producers])
