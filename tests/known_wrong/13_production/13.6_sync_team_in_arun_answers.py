# Known-wrong answer to exercise 13.6: The async path iterates the team's sync stream, which blocks the event loop.
# expect: [AGN104]
# expect: the event loop was blocked
# given: solution

from collections.abc import AsyncIterator


class TeamAnswers(TeamAnswers):
    async def arun(self, question: str) -> AsyncIterator[str]:
        for item in self.team.run(question, stream=True):
            if item.event == RunEvent.run_response:
                yield item.content
