# Known-wrong answer to exercise A3.2: the async stream awaited, as agno 1.5 wanted it.
# expect: [AGN106]
# expect: can't be used in 'await' expression


def writer_text(workflow, topic):
    for event in workflow.run(input=topic, stream=True):
        if isinstance(event, RunContentEvent) and event.agent_name == "writer":
            yield event.content


async def awriter_text(workflow, topic):
    async for event in await workflow.arun(input=topic, stream=True):  # agno-rules: ignore[AGN106]
        if isinstance(event, RunContentEvent) and event.agent_name == "writer":
            yield event.content
