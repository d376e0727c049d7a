# Known-wrong answer to exercise 13.6: Every item's content is forwarded, None from the tool-call events included.
# expect: [Consistent Return Types]
# expect: yielded None

from collections.abc import AsyncIterator, Iterator

from agno.team import Team


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run(question, stream=True):
            yield item.content

    async def arun(self, question: str) -> AsyncIterator[str]:
        async for item in await self.team.arun(question, stream=True):
            yield item.content
