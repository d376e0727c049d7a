# agno-version: 1.5
async def collect_responses(agent, message: str):
    responses = []
    async for chunk in await agent.arun(message, stream=True):
        responses.append(chunk)
    return responses  # expect: AGN103:5


async def comprehension(agent, message: str):
    return [chunk async for chunk in await agent.arun(message, stream=True)]  # expect: AGN103:5


async def reemit(stream):
    items = []
    async for item in stream:
        items += [item]
    for item in items:  # expect: AGN103:5
        yield item


async def relay(agent, message: str):
    async for chunk in await agent.arun(message, stream=True):
        yield chunk


async def count(stream) -> int:
    seen = []
    async for item in stream:
        seen.append(item)
    return len(seen)
