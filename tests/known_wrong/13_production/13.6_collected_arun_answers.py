# Known-wrong answer to exercise 13.6: The async path collects the team's stream, then yields it.
# expect: [AGN103]
# expect: only after the team's model had produced its last one
# given: solution

from collections.abc import AsyncIterator


class TeamAnswers(TeamAnswers):
    async def arun(self, question: str) -> AsyncIterator[str]:
        texts = []
        async for item in await self.team.arun(question, stream=True):
            if item.event == RunEvent.run_response:
                texts.append(item.content)
        for text in texts:
            yield text
