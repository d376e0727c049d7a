# Known-wrong answer to exercise 13.1: Records a stop only on GeneratorExit: a cancelled reader leaves no record.
# expect: [A stream stopped half-way is closed and reported]
# expect: was cancelled after

from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["delivered"] = ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        try:
            async for chunk in chunks:
                outcome["delivered"] += chunk.content
                yield chunk.content
        except GeneratorExit:
            outcome["status"] = "stopped"
            raise
    outcome["status"] = "completed"
