# agno-version: 1.5
from agno.agent import Agent


class AsyncReportWorkflow(Workflow):
    writer: Agent = Agent(name="writer")

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        self.run_id = str(uuid4())
        report = self.writer.run(topic, stream=False)  # expect: AGN104:18
        yield RunResponse(run_id=self.run_id, content=report.content)


human_in_the_loop_agent = Agent(name="reviewer")
thread_summarizer = Agent(name="summarizer")
translator = GoogleTranslator()


async def review(text: str, agent: Agent, loop) -> None:
    human_in_the_loop_agent.run(text, stream=False)  # expect: AGN104:5
    thread_summarizer.print_response(text, stream=False)  # expect: AGN104:5
    agent.run(text, stream=False)  # expect: AGN104:5
    translator.run(text)
    loop.run(text)
    await asyncio.to_thread(agent.run, text, stream=False)
    await agent.arun(text, stream=False)


def sync_path(text: str) -> None:
    human_in_the_loop_agent.run(text, stream=False)
