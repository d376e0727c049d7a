# A right answer to exercise 13.1 written another way: the agent's stream closed by an AsyncExitStack callback, and
# the way it stopped told apart by the exception that ends the generator (GeneratorExit or CancelledError).

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["delivered"] = ""
    async with AsyncExitStack() as stack:
        stream = await agent.arun(prompt, stream=True)
        stack.push_async_callback(stream.aclose)
        try:
            async for chunk in stream:
                outcome["delivered"] += chunk.content
                yield chunk.content
        except (GeneratorExit, asyncio.CancelledError):
            outcome["status"] = "stopped"
            raise
        outcome["status"] = "completed"
