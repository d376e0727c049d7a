# agno-version: 1.5
import asyncio

from agno.eval.reliability import ReliabilityEval


class ReportWorkflow(Workflow):
    def run(self, topic: str) -> Iterator[RunResponse]:
        report = asyncio.run(self.writer.arun(topic, stream=False))  # expect: AGN101:18, AGN105:30
        yield RunResponse(content=report.content)


def summarize(agent, text: str):
    coroutine = agent.arun(text, stream=False)  # expect: AGN105:17
    return coroutine


def factory(agent, text: str):
    return agent.arun(text, stream=False)  # handed to a caller that awaits it


def evaluate(agent) -> None:
    evaluation = ReliabilityEval(agent=agent)
    evaluation.arun()
    ReliabilityEval(agent=agent).arun()


async def fine(agent, text: str):
    return await agent.arun(text, stream=False)
