# A right answer to exercise 10.1 written another way: each concurrent call on a copy of the headline agent that
# is bound to this workflow too (copy_agent, then own_agent).


class Digest(DigestSteps):
    def run(self, topics: list[str]) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        for topic in topics:
            yield RunResponse(
                run_id=self.run_id, content=self.headline_agent.run(self.prompt_for(topic), stream=False).content
            )
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)


class AsyncDigest(DigestSteps):
    async def arun(self, topics: list[str]) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topics=topics)
        agents = [self.own_agent(copy_agent(self.headline_agent)) for _ in topics]
        async with asyncio.TaskGroup() as tg:
            tasks = [
                tg.create_task(a.arun(self.prompt_for(t), stream=False)) for a, t in zip(agents, topics, strict=True)
            ]
        for task in tasks:
            yield RunResponse(run_id=self.run_id, content=task.result().content)
        yield RunResponse(run_id=self.run_id, content=f"{len(topics)} headlines", event=RunEvent.workflow_completed)
        self.finish_run(f"{len(topics)} headlines")
