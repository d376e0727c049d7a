# Known-wrong answer to exercise 2.2: asks the agent, then streams a sentence typed in instead of its answer.
# expect: [Result]
# expect: the final item's content was


async def relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    async for _ in await agent.arun(message, stream=True):
        pass
    text = "A story typed in by hand, the same on every run, whatever the agent said."
    for word in text.split(" "):
        yield RunResponse(content=word + " ")
    yield RunResponse(content=text, event=RunEvent.workflow_completed)
