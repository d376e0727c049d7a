# agno-version: 1.8
from agno.run.response import RunResponse, RunResponseContentEvent


def failure(run_id: str, error: Exception) -> RunResponse:
    return RunResponse(run_id=run_id, content=str(error), event=RunEvent.run_error)  # expect: AGN102:12


def relay(agent, topic: str) -> Iterator[RunResponseContentEvent]:
    yield from agent.run(topic, stream=True)


def plain(topic: str) -> RunResponse:
    return RunResponse(content=topic)
