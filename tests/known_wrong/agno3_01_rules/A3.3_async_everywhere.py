# Known-wrong answer to exercise A3.3: the async executor on both paths; agno refuses it under run() and skips the step.
# expect: [Always do 1: Proper Sync Implementation]
# expect: Cannot use async function with synchronous execution


def rating_workflow(tool, path):
    async def arate(step_input):
        symbol = str(step_input.input)
        report = await asyncio.to_thread(tool.blocking_method, symbol)
        return StepOutput(content=f"{symbol}: {report['rating']}")

    return Workflow(name="rating", steps=[Step(name="rate", executor=arate)], telemetry=False)
