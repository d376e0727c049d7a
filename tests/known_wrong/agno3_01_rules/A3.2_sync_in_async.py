# Known-wrong answer to exercise A3.2: the async path streams the workflow's sync run.
# expect: the event loop was blocked
# given: solution


async def awriter_text(workflow, topic):
    for text in writer_text(workflow, topic):
        yield text
