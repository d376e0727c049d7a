# agno-version: 1.5
from agno.run.response import RunResponseContentEvent  # expect: AGN102:31
from agno.workflow import RunResponse


async def relay(topic: str) -> AsyncIterator[RunResponseContentEvent]:  # expect: AGN102:46
    yield RunResponseContentEvent(content=topic)  # expect: AGN102:11


def quoted() -> "Iterator[RunResponseContentEvent]":  # expect: AGN102:17
    yield agno.run.response.RunResponseContentEvent(content="x")  # expect: AGN102:11


def fine(topic: str) -> Iterator[RunResponse]:
    yield RunResponse(content=topic, event=RunEvent.run_response)


NOTE = "RunResponseContentEvent in a string that is not an annotation"
