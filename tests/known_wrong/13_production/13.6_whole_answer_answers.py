# Known-wrong answer to exercise 13.6: Both paths ask the team for its whole answer at once (stream=False).
# expect: [Production: teams]
# expect: the team's model never streamed

from collections.abc import AsyncIterator, Iterator

from agno.team import Team


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        yield self.team.run(question, stream=False).content

    async def arun(self, question: str) -> AsyncIterator[str]:
        response = await self.team.arun(question, stream=False)
        yield response.content
