# Known-wrong answer to exercise 13.5: Reads the agents' streams one after another: every chunk arrives, each as it is
# produced, but no agent starts before the one before it has finished.
# expect: [Merge several agents' streams into one]
# expect: reached the consumer only after the slowest agent
# expect: a task per agent

from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    for agent in agents:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                yield agent.name or "", chunk.content
