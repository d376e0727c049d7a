# A right answer to exercise 13.5 written another way: no queue; one task per stream waits for that stream's next
# chunk (anext), asyncio.wait takes whichever finishes first, and a new task is started for that stream only after
# its chunk has been yielded. On the way out the pending tasks are cancelled and awaited, then every stream closed.

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    streams: dict[str, Any] = {}
    waiting: dict[asyncio.Task[Any], str] = {}
    try:
        for agent in agents:
            streams[agent.name or ""] = await agent.arun(prompt, stream=True)
        for name, stream in streams.items():
            waiting[asyncio.ensure_future(anext(stream))] = name
        while waiting:
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            for task in sorted(done, key=lambda t: list(waiting).index(t)):
                name = waiting.pop(task)
                try:
                    chunk = task.result()
                except StopAsyncIteration:
                    continue
                yield name, chunk.content
                waiting[asyncio.ensure_future(anext(streams[name]))] = name
    finally:
        for task in waiting:
            task.cancel()
        if waiting:
            await asyncio.wait(waiting)
        for stream in streams.values():
            await stream.aclose()
