# Known-wrong answer to exercise A3.2: the events collected into a list, then the writer's texts yielded.
# expect: [AGN103]
# expect: after the writer had produced its last chunk


def writer_text(workflow, topic):
    events = list(workflow.run(input=topic, stream=True))
    for event in events:
        if isinstance(event, RunContentEvent) and event.agent_name == "writer":
            yield event.content


async def awriter_text(workflow, topic):
    events = [event async for event in workflow.arun(input=topic, stream=True)]
    for event in events:
        if isinstance(event, RunContentEvent) and event.agent_name == "writer":
            yield event.content
