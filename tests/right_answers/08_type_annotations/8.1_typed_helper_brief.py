# A right answer to exercise 8.1: a typed helper in the same cell builds each prompt, the sync path passes items on
# chained with itertools, and the async path closes its run.
import itertools


def section_prompt(topic: str) -> str:
    return topic.strip()


class BriefWorkflow(BriefSteps):
    def _section(self, topic: str) -> Iterator[RunResponse]:
        reply = self.writer.run(section_prompt(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=reply.content)

    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from itertools.chain.from_iterable(self._section(topic) for topic in topics)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} sections", event=RunEvent.workflow_completed)


class AsyncBriefWorkflow(BriefSteps):
    async def _asection(self, topic: str) -> AsyncIterator[RunResponse]:
        reply = await self.writer.arun(section_prompt(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=reply.content)

    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        for topic in topics:
            async for item in self._asection(topic):
                yield item
        summary = f"{len(topics)} sections"
        yield RunResponse(run_id=self.run_id, content=summary, event=RunEvent.workflow_completed)
        self.finish_run(summary)
