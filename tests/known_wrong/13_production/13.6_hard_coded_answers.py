# Known-wrong answer to exercise 13.6: The demo's answer typed in: the team is never called.
# expect: [Production: teams]
# expect: the team's model was never asked to answer

from collections.abc import AsyncIterator, Iterator

from agno.team import Team


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        yield from ["Agent ana:", " ana", " agrees"]

    async def arun(self, question: str) -> AsyncIterator[str]:
        for text in ["Agent ana:", " ana", " agrees"]:
            yield text
