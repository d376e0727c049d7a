# agno-version: 3.1
import asyncio

from agno.workflow import Step, StepInput, StepOutput, Workflow


def research(step_input: StepInput) -> StepOutput:
    facts = asyncio.run(fetch(step_input.input))  # expect: AGN101:13
    return StepOutput(content=facts)


def summarize(workflow, execution_input) -> str:
    loop = asyncio.new_event_loop()
    return loop.run_until_complete(fetch(execution_input.input))  # expect: AGN101:12


async def write(step_input: StepInput) -> StepOutput:
    return StepOutput(content=await fetch(step_input.input))


def not_a_step(topic: str) -> str:
    return asyncio.run(fetch(topic))


async def fetch(topic: str) -> str:
    return topic


report = Workflow(name="report", steps=[Step(name="research", executor=research), write])
summary = Workflow(name="summary", steps=summarize)


class LegacyShape(Workflow):
    def run(self, topic: str):
        return asyncio.run(fetch(topic))  # overriding run() replaces agno's own on 2.x/3.x: not a 1.x sync path
