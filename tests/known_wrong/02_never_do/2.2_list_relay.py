# Known-wrong answer to exercise 2.2: returns the collected list itself: the caller gets nothing to iterate until the
# end.
# expect: [AGN103]
# expect: not an async generator function


async def relay(agent: Agent, message: str) -> list[RunResponse]:
    responses = [chunk async for chunk in await agent.arun(message, stream=True)]
    text = "".join(chunk.content or "" for chunk in responses)
    return [*responses, RunResponse(content=text, event=RunEvent.workflow_completed)]
