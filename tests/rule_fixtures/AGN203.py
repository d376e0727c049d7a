# agno-version: 1.5
import asyncio


async def fetch_all(tools, symbol: str) -> None:
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(tools.a(symbol))
    except ValueError as error:  # expect: AGN203:5
        print(error)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(tools.a(symbol))
    except* ValueError as group:
        print(group.exceptions)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(tools.a(symbol))
    except (ExceptionGroup, asyncio.CancelledError):
        pass
