# A right answer to exercise A3.1, written another way: the policy given as its string, the steps built first.


def brief_workflow(validate, writer):
    fail_at_once = {"max_retries": 0, "human_review": HumanReview(on_error="fail")}
    steps = [Step(name="check the symbol", executor=validate, **fail_at_once)]
    steps.append(Step(name="write the brief", agent=writer))
    return Workflow(name="brief on one symbol", steps=steps, telemetry=False)
