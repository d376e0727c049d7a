# Known-wrong answer to exercise A3.2: every agent's content events, the outliner's too.
# expect: [Agent Call Patterns]
# expect: yielded the outliner's text too


def writer_text(workflow, topic):
    for event in workflow.run(input=topic, stream=True):
        if isinstance(event, RunContentEvent):
            yield event.content


async def awriter_text(workflow, topic):
    async for event in workflow.arun(input=topic, stream=True):
        if isinstance(event, RunContentEvent):
            yield event.content
