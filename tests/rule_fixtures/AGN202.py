# agno-version: 1.5
import asyncio


async def fetch_all(tools, symbol: str) -> list:
    first = await asyncio.gather(tools.a(symbol), tools.b(symbol))  # expect: AGN202:19
    second = await asyncio.gather(tools.a(symbol), return_exceptions=False)  # expect: AGN202:20
    handled = await asyncio.gather(tools.a(symbol), return_exceptions=True)
    try:
        caught = await asyncio.gather(tools.a(symbol))
    except ValueError:
        caught = []
    return [first, second, handled, caught]
