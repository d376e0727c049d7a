# Known-wrong answer to exercise A3.1: the writer called from a function step, with agent.run() on both paths.
# expect: [AGN107]
# expect: the event loop was blocked


def brief_workflow(validate, writer):
    def write(step_input: StepInput) -> StepOutput:
        return StepOutput(content=writer.run(str(step_input.previous_step_content)).content)

    loud = HumanReview(on_error=OnError.fail)
    validating = Step(name="validate", executor=validate, max_retries=0, human_review=loud)
    return Workflow(name="brief", steps=[validating, Step(name="write", executor=write)], telemetry=False)
