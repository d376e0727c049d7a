# agno-version: 1.5
async def relay(agent, message: str):
    async for chunk in agent.arun(message, stream=True):  # expect: AGN106:24
        yield chunk


async def comprehension(team, message: str):
    return [chunk async for chunk in team.arun(message, stream=True)]  # expect: AGN103:5, AGN106:38


async def awaited(agent, message: str):
    async for chunk in await agent.arun(message, stream=True):
        yield chunk


async def other(client, message: str):
    async for chunk in client.arun(message):
        yield chunk
