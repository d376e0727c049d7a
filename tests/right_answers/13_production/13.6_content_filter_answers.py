# A right answer to exercise 13.6 written another way: one helper decides what an item carries, by its content
# (a tool-call event carries none), and the async path steps through the stream with anext().

from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.team import Team


def text_of(item: Any) -> str | None:
    content = getattr(item, "content", None)
    return content if isinstance(content, str) and content else None


class TeamAnswers:
    def __init__(self, team: Team) -> None:
        self.team = team

    def run(self, question: str) -> Iterator[str]:
        stream = self.team.run(question, stream=True)
        yield from filter(None, map(text_of, stream))

    async def arun(self, question: str) -> AsyncIterator[str]:
        stream = await self.team.arun(question, stream=True)
        while True:
            try:
                item = await anext(stream)
            except StopAsyncIteration:
                break
            if (text := text_of(item)) is not None:
                yield text
