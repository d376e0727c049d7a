# A right answer to exercise 8.2: a typed helper and an import of its own in the answer's cell, which pyright reads
# whole, and a call in the cell that is no definition.
import itertools

from agno.agent import Agent


def prompt_of(agent: Agent, topic: str) -> str:
    return f"{topic}"


COUNTER = itertools.count()


class AsyncDigestWorkflow(DigestSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        next(COUNTER)
        text = ""
        try:
            async for chunk in await self.writer.arun(prompt_of(self.writer, topic), stream=True):
                text += chunk.content or ""
                yield chunk
        except Exception as error:
            yield RunResponse(run_id=self.run_id, content=f"Error: {error}", event=RunEvent.run_error)
            return
        yield RunResponse(run_id=self.run_id, content=text, event=RunEvent.workflow_completed)
        self.finish_run(text)


print("a call in the cell is not a definition")
