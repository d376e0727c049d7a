# Known-wrong answer to exercise A3.1: the step fails, but only after three retries of an input that cannot pass.
# expect: [Implementation guidelines 3: Error handling]
# expect: ran the validating step 4 times


def brief_workflow(validate, writer):
    loud = HumanReview(on_error=OnError.fail)
    steps = [Step(name="validate", executor=validate, human_review=loud), Step(name="write", agent=writer)]
    return Workflow(name="brief", steps=steps, telemetry=False)
