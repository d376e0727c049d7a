# Known-wrong answer to exercise 13.5: The chapter's tempting version: the producers' task sends its end marker from
# `finally`, so when the reader stops early the cancelled task waits for room in a full queue nobody reads, and
# aclose() hangs until it is itself cancelled.
# expect: [Merge several agents' streams into one]
# expect: which had not returned 1 s later
# expect: never await room in a queue nobody reads

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent

DONE = object()


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=8)

    async def produce(agent: Agent) -> None:
        async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
            async for chunk in chunks:
                await queue.put((agent.name, chunk.content))

    async def run_all() -> None:
        try:
            async with asyncio.TaskGroup() as tg:
                for agent in agents:
                    tg.create_task(produce(agent))
        finally:
            await queue.put(DONE)

    producers = asyncio.create_task(run_all())
    try:
        while (item := await queue.get()) is not DONE:
            yield item
        await producers
    finally:
        producers.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await producers
