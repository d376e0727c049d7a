# Known-wrong answer to exercise 1.1: asyncio.run() in the sync path: the rules' own 'sync-to-async bridge'.
# expect: [AGN101]
# given: solution

import asyncio


class SummaryWorkflow(SummarySteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = asyncio.run(self.summarizer.arun(self.prompt_for(topic), stream=False))
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
