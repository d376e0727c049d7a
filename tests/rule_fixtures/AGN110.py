# agno-version: 1.5
class ReportWorkflow(Workflow):  # expect: AGN110:1
    def run(self, topic: str) -> Iterator[RunResponse]:
        yield from self.writer.run(topic, stream=True)

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        self.run_id = str(uuid4())
        async for chunk in await self.writer.arun(topic, stream=True):
            yield chunk


class SyncBase(Workflow):
    def run(self, topic: str) -> Iterator[RunResponse]:
        yield from self.writer.run(topic, stream=True)


class Both(SyncBase):  # expect: AGN110:1
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        self.run_id = str(uuid4())
        yield RunResponse(run_id=self.run_id, content=topic)


class Client:
    def run(self) -> None: ...

    async def arun(self) -> None: ...
