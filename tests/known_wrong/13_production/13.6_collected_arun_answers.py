# Known-wrong answer to exercise 13.6: The async path collects the team's stream, then yields it.
# expect: [AGN103]
# expect: only after the team's model had produced its last one

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
        texts = []
        async for item in await self.team.arun(question, stream=True):
            if item.event == RunEvent.run_response:
                texts.append(item.content)
        for text in texts:
            yield text
