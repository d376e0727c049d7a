# agno-version: 3.1
from agno.agent import RunOutput, RunOutputEvent
from agno.run.response import RunResponse, RunResponseContentEvent  # expect: AGN102:31, AGN102:44
from agno.team import TeamRunResponse  # expect: AGN102:23


async def relay(agent, topic: str) -> AsyncIterator[RunResponseContentEvent]:  # expect: AGN102:53
    async for event in agent.arun(topic, stream=True):
        yield event


def result(agent, topic: str) -> "RunResponse":  # expect: AGN102:34
    return agent.run(topic)


def renamed(agent, topic: str) -> RunOutput:
    return agent.run(topic)


async def stream(agent, topic: str) -> AsyncIterator[RunOutputEvent]:
    async for event in agent.arun(topic, stream=True):
        yield event
