# Known-wrong answer to exercise 13.1: Catches the cancellation to record it, and returns: the reader's task no longer
# ends cancelled.
# expect: [A stream stopped half-way is closed and reported]
# expect: ended without CancelledError

import asyncio
from collections.abc import AsyncIterator
from contextlib import aclosing
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["status"], outcome["delivered"] = "stopped", ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        try:
            async for chunk in chunks:
                outcome["delivered"] += chunk.content
                yield chunk.content
        except asyncio.CancelledError:
            return
    outcome["status"] = "completed"
