# Known-wrong answer to exercise A3.3: an async executor that makes the blocking call itself.
# expect: [AGN107]


def rating_workflow(tool, path):
    def rate(step_input):
        symbol = str(step_input.input)
        return StepOutput(content=f"{symbol}: {tool.blocking_method(symbol)['rating']}")

    async def arate(step_input):
        symbol = str(step_input.input)
        return StepOutput(content=f"{symbol}: {tool.blocking_method(symbol)['rating']}")

    return Workflow(name="rating", steps=[Step(name="rate", executor=rate if path == "sync" else arate)])
