# Known-wrong answer to exercise 13.5: Producers append to a shared list and wake the reader, which yields what it
# has not sent yet, but advances its position by one per wake-up instead of by what it yielded: chunks repeat.
# expect: [Merge several agents' streams into one]
# expect: more than once
# expect: yield each chunk exactly once

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    arrived: list[tuple[str, str]] = []
    changed = asyncio.Event()

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                arrived.append((agent.name or "", chunk.content))
                changed.set()

    producers = [asyncio.create_task(produce(agent)) for agent in agents]
    try:
        sent = 0
        while sent < len(arrived) or not all(task.done() for task in producers):
            if sent >= len(arrived):
                await asyncio.wait([asyncio.ensure_future(changed.wait()), *producers], return_when="FIRST_COMPLETED")
                changed.clear()
            for item in arrived[sent:]:
                yield item
            sent += 1
    finally:
        for task in producers:
            task.cancel()
        await asyncio.wait(producers)
