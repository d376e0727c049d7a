# A right answer to exercise 13.6 written another way: the paths live in a base class and a subclass, the filter
# compares the event's value, and the async path does not hold the stream in aclosing().

from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.run.response import RunEvent
from agno.team import Team


class _Answers:
    ANSWER = RunEvent.run_response.value

    def __init__(self, team: Team) -> None:
        self.team = team

    def _carries_answer(self, item: Any) -> bool:
        return getattr(item, "event", None) == self.ANSWER


class TeamAnswers(_Answers):
    def run(self, question: str) -> Iterator[str]:
        for item in self.team.run(question, stream=True):
            if self._carries_answer(item):
                yield str(item.content)

    async def arun(self, question: str) -> AsyncIterator[str]:
        stream = await self.team.arun(question, stream=True)
        async for item in stream:
            if self._carries_answer(item):
                yield str(item.content)
