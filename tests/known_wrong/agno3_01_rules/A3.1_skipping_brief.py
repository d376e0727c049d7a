# Known-wrong answer to exercise A3.1: agno 3.1's default for a failing step, which is retried and then skipped.
# expect: [Implementation guidelines 3: Error handling]
# expect: did not raise: it returned status COMPLETED


def brief_workflow(validate, writer):
    return Workflow(name="brief", steps=[Step(name="validate", executor=validate), Step(name="write", agent=writer)])
