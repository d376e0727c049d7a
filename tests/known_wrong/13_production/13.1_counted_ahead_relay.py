# Known-wrong answer to exercise 13.1: Adds each chunk to `delivered` after the yield returns, so a consumer that
# stops leaves the last chunk it received out of the record.
# expect: [A stream stopped half-way is closed and reported]
# expect: outcome was {'status': 'stopped', 'delivered'

from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["status"], outcome["delivered"] = "stopped", ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        async for chunk in chunks:
            yield chunk.content
            outcome["delivered"] += chunk.content
    outcome["status"] = "completed"
