# agno-version: 1.5
class Reads(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # expect: AGN111:5
        yield RunResponse(run_id=self.run_id, content=topic)


class ReadsElsewhere(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # expect: AGN111:5
        yield RunResponse(content=self.describe(topic))

    def describe(self, topic: str) -> str:
        return f"{self.run_id}: {topic}"


class Sets(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        self.run_id = str(uuid4())
        yield RunResponse(run_id=self.run_id, content=topic)


class NeverReads(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        yield RunResponse(content=topic)
