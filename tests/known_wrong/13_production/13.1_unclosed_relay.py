# Known-wrong answer to exercise 13.1: Reports the outcome, but leaves the agent's stream to the garbage collector.
# expect: [A stream stopped half-way is closed and reported]
# expect: the agent's stream was still open

from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["status"], outcome["delivered"] = "stopped", ""
    async for chunk in await agent.arun(prompt, stream=True):
        outcome["delivered"] += chunk.content
        yield chunk.content
    outcome["status"] = "completed"
