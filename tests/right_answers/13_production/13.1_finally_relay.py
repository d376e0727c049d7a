# A right answer to exercise 13.1 written another way: aclose() in `finally`, and the outcome decided there.

from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    delivered: list[str] = []
    completed = False
    stream = await agent.arun(prompt, stream=True)
    try:
        async for chunk in stream:
            delivered.append(chunk.content)
            yield chunk.content
        completed = True
    finally:
        await stream.aclose()
        outcome.update(status="completed" if completed else "stopped", delivered="".join(delivered))
