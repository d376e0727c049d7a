# agno-version: 3.1
async def relay(agent, message: str):
    async for chunk in await agent.arun(message, stream=True):  # expect: AGN106:24
        yield chunk


async def stream_of(workflow, message: str):
    events = await workflow.arun(input=message, stream=True)  # expect: AGN106:14
    return events


async def right(agent, message: str):
    async for chunk in agent.arun(message, stream=True):
        yield chunk


async def result(agent, message: str):
    return await agent.arun(message)


async def in_background(workflow, message: str):
    return await workflow.arun(input=message, stream=True, background=True)
