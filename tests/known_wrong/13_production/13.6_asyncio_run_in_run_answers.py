# Known-wrong answer to exercise 13.6: The sync path runs the async path with asyncio.run(), which fails under
# a running loop.
# expect: [AGN101]
# expect: running event loop

import asyncio
from collections.abc import AsyncIterator, Iterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        async def collect() -> list[str]:
            return [text async for text in self.arun(question)]

        yield from asyncio.run(collect())

    async def arun(self, question: str) -> AsyncIterator[str]:
        async for item in await self.team.arun(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content
