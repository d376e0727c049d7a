# agno-version: 1.5
class ReportWorkflow(Workflow):
    def run(self, topic: str):  # expect: AGN108:5
        yield from self.writer.run(topic, stream=True)

    def subflow(self, topic: str) -> Iterator[str]:
        yield topic

    def outline(self, topic: str):  # expect: AGN108:5
        yield RunResponse(content=topic)


class AsyncReportWorkflow(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[str]:  # expect: AGN108:5
        self.run_id = str(uuid4())
        yield RunResponse(content=topic)


class Annotated(Workflow):
    def run(self, topic: str) -> Iterator[RunResponse]:
        yield from self.writer.run(topic, stream=True)


class Helper:
    def run(self, topic: str):
        yield topic
