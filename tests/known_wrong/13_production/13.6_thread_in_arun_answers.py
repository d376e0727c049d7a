# Known-wrong answer to exercise 13.6: The async path runs the sync team in a thread: the loop stays free, but the
# members answer one after another.
# expect: [AGN104]
# expect: one after another

import asyncio
from collections.abc import AsyncIterator, Iterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content

    async def arun(self, question: str) -> AsyncIterator[str]:
        texts = await asyncio.to_thread(lambda: list(self.run(question)))
        for text in texts:
            yield text
