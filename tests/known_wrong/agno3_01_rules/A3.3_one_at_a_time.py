# Known-wrong answer to exercise A3.3: the blocking call in a thread, but under one lock for every workflow: the loop
# stays free while the runs take turns.
# expect: [Dual Method Pattern]
# expect: never all waited at one moment

import threading

ONE_AT_A_TIME = threading.Lock()


def rating_workflow(tool, path):
    def rate(step_input):
        with ONE_AT_A_TIME:
            report = tool.blocking_method(step_input.input)
        return StepOutput(content=f"{step_input.input}: {report['rating']}")

    async def arate(step_input):
        report = await asyncio.to_thread(rate, step_input)
        return report

    executors = {"sync": rate, "async": arate}
    return Workflow(name="ratings", steps=[Step(name="rating", executor=executors[path])], telemetry=False)
