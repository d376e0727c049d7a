# Known-wrong answer to exercise 2.2: streams the agent's answer to a message typed in, not to the one it was given.
# expect: [Result]
# expect: asked the agent ['Tell a story']


async def relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    text = ""
    async for chunk in await agent.arun("Tell a story", stream=True):
        text += chunk.content or ""
        yield chunk
    yield RunResponse(content=text, event=RunEvent.workflow_completed)
