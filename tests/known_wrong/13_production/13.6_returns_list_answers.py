# Known-wrong answer to exercise 13.6: arun() returns a list of the chunks instead of yielding them.
# expect: [Agent Call Patterns]
# expect: not an async iterator
# given: solution


class TeamAnswers(TeamAnswers):
    async def arun(self, question: str) -> list[str]:  # pyright: ignore[reportIncompatibleMethodOverride]
        stream = await self.team.arun(question, stream=True)
        return [item.content async for item in stream if item.event == RunEvent.run_response]
