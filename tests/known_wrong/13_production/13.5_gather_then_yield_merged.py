# Known-wrong answer to exercise 13.5: Collects every agent's reply at once with asyncio.gather, then yields them
# agent by agent: concurrent, but nothing reaches the consumer before the slowest agent has finished.
# expect: [Merge several agents' streams into one]
# expect: reached the consumer only after the slowest agent
# expect: yield each chunk as soon as it arrives

import asyncio
from collections.abc import AsyncIterator

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    async def collect(agent: Agent) -> list[str]:
        return [chunk.content async for chunk in await agent.arun(prompt, stream=True)]

    replies = await asyncio.gather(*(collect(agent) for agent in agents))
    for agent, chunks in zip(agents, replies, strict=True):
        for content in chunks:
            yield agent.name or "", content
