# agno-version: 1.5
import asyncio


async def start(agent, loop, topics: list[str]) -> None:
    asyncio.create_task(agent.arun("a", stream=False))  # expect: AGN201:5
    asyncio.ensure_future(agent.arun("b", stream=False))  # expect: AGN201:5
    loop.create_task(agent.arun("c", stream=False))  # expect: AGN201:5
    [asyncio.create_task(agent.arun(t, stream=False)) for t in topics]  # expect: AGN201:5
    kept = asyncio.create_task(agent.arun("d", stream=False))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(agent.arun("e", stream=False))
    await kept
