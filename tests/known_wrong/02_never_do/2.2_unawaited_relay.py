# Known-wrong answer to exercise 2.2: the rules' un-awaited `async for ... in agent.arun(stream=True)` (agno 2.x
# syntax).
# expect: [AGN106]


async def relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    text = ""
    async for chunk in agent.arun(message, stream=True):  # pyright: ignore[reportGeneralTypeIssues]
        text += chunk.content or ""
        yield chunk
    yield RunResponse(content=text, event=RunEvent.workflow_completed)
