# Known-wrong answer to exercise 13.6: The team's response objects are yielded instead of their text.
# expect: [Consistent Return Types]
# expect: yielded TeamRunResponse objects

from collections.abc import AsyncIterator, Iterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item

    async def arun(self, question: str) -> AsyncIterator[str]:
        async for item in await self.team.arun(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item
