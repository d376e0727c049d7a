# Known-wrong answer to exercise 13.5: A producer whose agent fails just stops: the others go on, and the merged
# stream ends as if nothing had happened.
# expect: [Merge several agents' streams into one]
# expect: the consumer of merged(agents, prompt) got no error
# expect: never swallow it

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[tuple[str, str] | None] = asyncio.Queue(maxsize=8)

    async def produce(agent: Agent) -> None:
        try:
            async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
                async for chunk in chunks:
                    await queue.put((agent.name or "", chunk.content))
        except Exception:
            pass  # one agent down: the others go on
        await queue.put(None)

    producers = [asyncio.create_task(produce(agent)) for agent in agents]
    try:
        running = len(producers)
        while running:
            item = await queue.get()
            if item is None:
                running -= 1
            else:
                yield item
    finally:
        for task in producers:
            task.cancel()
        await asyncio.wait(producers)
