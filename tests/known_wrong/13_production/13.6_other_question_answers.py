# Known-wrong answer to exercise 13.6: A question other than the one given reaches the team.
# expect: [Production: teams]
# expect: were not given it

from collections.abc import AsyncIterator, Iterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run("Review the plan", stream=True):
            if item.event == RunEvent.run_response:
                yield item.content

    async def arun(self, question: str) -> AsyncIterator[str]:
        async for item in await self.team.arun("Review the plan", stream=True):
            if item.event == RunEvent.run_response:
                yield item.content
