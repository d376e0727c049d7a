# Known-wrong answer to exercise A3.3: one sync executor for both paths, which under arun() runs on the loop's thread.
# expect: the event loop was blocked


def rating_workflow(tool, path):
    def rate(step_input):
        symbol = str(step_input.input)
        return StepOutput(content=f"{symbol}: {tool.blocking_method(symbol)['rating']}")

    return Workflow(name="rating", steps=[Step(name="rate", executor=rate)], telemetry=False)
