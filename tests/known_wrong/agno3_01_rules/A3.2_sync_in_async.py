# Known-wrong answer to exercise A3.2: the async path streams the workflow's sync run.
# expect: the event loop was blocked


def writer_text(workflow, topic):
    for event in workflow.run(input=topic, stream=True):
        if getattr(event, "agent_name", None) == "writer" and isinstance(event, RunContentEvent):
            yield event.content


async def awriter_text(workflow, topic):
    for text in writer_text(workflow, topic):
        yield text
