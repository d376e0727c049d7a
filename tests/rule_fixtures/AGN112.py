# agno-version: 1.5
from agno.agent import Agent
from agno.eval.performance import PerformanceEval

agent = Agent(name="writer")
response = agent.run("Summarize")  # expect: AGN112:12
team.run("Plan the trip", markdown=True)  # expect: AGN112:1
explicit = agent.run("Summarize", stream=False)
options = agent.run("Summarize", **settings)
benchmark = PerformanceEval(func=agent.run)
benchmark.run()
subprocess.run(["ls"], check=True)


async def ask(agent: Agent, question: str):
    return await agent.arun(question)  # expect: AGN112:18
