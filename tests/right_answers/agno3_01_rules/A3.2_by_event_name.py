# A right answer to exercise A3.2, written another way: the event told by its event name, one filter for both paths.


def _writers(event) -> bool:
    return getattr(event, "event", None) == "RunContent" and getattr(event, "agent_name", None) == "writer"


def writer_text(workflow, topic):
    yield from (event.content for event in workflow.run(input=topic, stream=True) if _writers(event))


async def awriter_text(workflow, topic):
    stream = workflow.arun(input=topic, stream=True)
    async for event in stream:
        if _writers(event):
            yield event.content
