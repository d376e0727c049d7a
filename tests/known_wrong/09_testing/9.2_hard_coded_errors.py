# Known-wrong answer to exercise 9.2: returns the errors of the project the exercise's text describes, without running
# pyright.
# expect: [Type Checking]
# expect: pyright's errors are at


def hard_coded_errors(folder: Path) -> list[str]:
    """Returns the errors of the project the exercise's text describes, without running pyright."""
    return ["buggy.py:9: agent.arun(...) is not iterable", "buggy.py:12: workflow_failed is not a member"]


pyright_errors = hard_coded_errors
