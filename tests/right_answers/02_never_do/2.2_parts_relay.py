# Right answer to exercise 2.2: names the stream first and keeps the chunks' contents as a list of parts.


async def relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    stream = await agent.arun(message, stream=True)
    parts: list[str] = []
    async for chunk in stream:
        yield chunk
        parts.append(str(chunk.content or ""))
    yield RunResponse(content="".join(parts), event=RunEvent.workflow_completed)
