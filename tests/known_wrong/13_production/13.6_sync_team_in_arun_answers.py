# Known-wrong answer to exercise 13.6: The async path iterates the team's sync stream, which blocks the event loop.
# expect: [AGN104]
# expect: the event loop was blocked

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
        for item in self.team.run(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content
