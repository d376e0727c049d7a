# agno-version: 3.1
from agno.agent import Agent
from agno.team import Team
from agno.workflow import StepInput, StepOutput

writer = Agent(name="writer")


async def write(step_input: StepInput, team: Team) -> StepOutput:
    report = writer.run(step_input.input)  # expect: AGN104:14
    team.run(step_input.input)  # expect: AGN104:5
    return StepOutput(content=report.content)


async def write_async(step_input: StepInput) -> StepOutput:
    report = await writer.arun(step_input.input)
    return StepOutput(content=report.content)
