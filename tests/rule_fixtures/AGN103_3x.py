# agno-version: 3.1
from agno.workflow import StepInput, StepOutput


async def write(step_input: StepInput):
    chunks = []
    async for event in writer.arun(step_input.input, stream=True):
        chunks.append(event)
    for event in chunks:  # expect: AGN103:5
        yield event
    yield StepOutput(content="done")


async def write_streaming(step_input: StepInput):
    async for event in writer.arun(step_input.input, stream=True):
        yield event
    yield StepOutput(content="done")
