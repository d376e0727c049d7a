# Known-wrong answer to exercise A3.3: the async executor runs a tool of its own in a thread, not the one it was given.
# expect: [Always do 2: Proper Async Implementation]
# expect: never called


def rating_workflow(tool, path):
    def rate(step_input):
        symbol = str(step_input.input)
        return StepOutput(content=f"{symbol}: {tool.blocking_method(symbol)['rating']}")

    async def arate(step_input):
        symbol = str(step_input.input)
        report = await asyncio.to_thread(LegacyReportTool(latency=0).blocking_method, symbol)
        return StepOutput(content=f"{symbol}: {report['rating']}")

    executor = rate if path == "sync" else arate
    return Workflow(name="rating", steps=[Step(name="rate", executor=executor)], telemetry=False)
