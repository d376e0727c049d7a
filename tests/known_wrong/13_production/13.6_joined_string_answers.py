# Known-wrong answer to exercise 13.6: run() returns the joined text, a str, instead of yielding the chunks.
# expect: [Consistent Return Types]
# expect: returned a str

from collections.abc import AsyncIterator

from agno.team import Team
from agno.workflow import RunEvent


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> str:  # pyright: ignore[reportIncompatibleMethodOverride]
        return "".join(
            item.content for item in self.team.run(question, stream=True) if item.event == RunEvent.run_response
        )

    async def arun(self, question: str) -> AsyncIterator[str]:
        async for item in await self.team.arun(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content
