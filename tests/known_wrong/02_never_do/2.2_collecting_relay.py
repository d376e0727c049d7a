# Known-wrong answer to exercise 2.2: the rules' collect_responses, then the items re-emitted after the stream ended.
# expect: [AGN103]


async def relay(agent: Agent, message: str) -> AsyncIterator[RunResponse]:
    responses = []
    async for chunk in await agent.arun(message, stream=True):
        responses.append(chunk)
    for chunk in responses:
        yield chunk
    yield RunResponse(content="".join(c.content or "" for c in responses), event=RunEvent.workflow_completed)
