# Known-wrong answer to exercise 13.1: Reads the whole answer before yielding any of it.
# expect: [A stream stopped half-way is closed and reported]
# expect: the agent streamed

from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent


async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    response = await agent.arun(prompt, stream=False)
    outcome.update(status="completed", delivered=response.content)
    for word in [response.content]:
        yield word
