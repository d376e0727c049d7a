# agno-version: 1.8
class Reads(Workflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # 1.7.6 and later wrap arun(): run_id is set
        yield RunResponse(run_id=self.run_id, content=topic)
