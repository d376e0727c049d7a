# Known-wrong answer to exercise 3.1: asyncio.run() in the sync path.
# expect: [AGN101]
# expect: running event loop

import asyncio


class NewsWorkflow(NewsSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        response = asyncio.run(self.reporter.arun(self.prompt_for(topic), stream=False))
        yield RunResponse(run_id=self.run_id, content=response.content, event=RunEvent.workflow_completed)
