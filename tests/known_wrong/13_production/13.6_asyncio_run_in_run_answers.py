# Known-wrong answer to exercise 13.6: The sync path runs the async path with asyncio.run(), which fails under
# a running loop.
# expect: [AGN101]
# expect: running event loop
# given: solution

import asyncio
from collections.abc import Iterator


class TeamAnswers(TeamAnswers):
    def run(self, question: str) -> Iterator[str]:
        async def collect() -> list[str]:
            return [text async for text in self.arun(question)]

        yield from asyncio.run(collect())
