# Known-wrong answer to exercise 13.6: arun() returns a list of the chunks instead of yielding them.
# expect: [Agent Call Patterns]
# expect: not an async iterator

from collections.abc import Iterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content

    async def arun(self, question: str) -> list[str]:
        stream = await self.team.arun(question, stream=True)
        return [item.content async for item in stream if item.event == RunEvent.run_response]
