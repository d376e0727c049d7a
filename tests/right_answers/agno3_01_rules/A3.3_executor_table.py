# A right answer to exercise A3.3, written another way: executors by path, the thread through run_in_executor.


def rating_workflow(tool, path):
    def rate(step_input):
        report = tool.blocking_method(step_input.input)
        return StepOutput(content="{}: {}".format(step_input.input, report["rating"]))

    async def arate(step_input):
        loop = asyncio.get_running_loop()
        report = await loop.run_in_executor(None, tool.blocking_method, step_input.input)
        return StepOutput(content="{}: {}".format(step_input.input, report["rating"]))

    executors = {"sync": rate, "async": arate}
    return Workflow(name="ratings", steps=[Step(name="rating", executor=executors[path])], telemetry=False)
