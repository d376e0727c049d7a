"""Known-wrong answers, one module per chapter, and the two assertions every chapter's grader tests make."""

from typing import Any

import pytest

from agnocourse.grading import check


def failure_of(exercise: str, *answers: Any) -> str:
    """The message a wrong answer fails with; it must fail, in one line with what was observed and a hint."""
    with pytest.raises(AssertionError) as failure:
        check(exercise, *answers)
    message = str(failure.value)
    assert "Observed:" in message and "Hint:" in message, message
    assert "\n" not in message, message
    return message


def assert_passes(capsys: pytest.CaptureFixture[str], exercise: str, *answers: Any) -> None:
    check(exercise, *answers)
    assert capsys.readouterr().out.strip().endswith("passed")
