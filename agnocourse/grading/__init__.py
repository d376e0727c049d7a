"""Grading for the course's exercises.

In a notebook, a check cell calls ``check("1.2", QuoteWorkflow, AsyncQuoteWorkflow)``: the exercise's
checks run on the learner's answers and either print one line saying it passed or raise an AssertionError
whose message names the broken rule, what was observed and a hint. From the shell,
``python -m agnocourse grade NOTEBOOK...`` runs whole notebooks and prints a scoreboard (see `cli`).
"""

from __future__ import annotations

from typing import Any

from agnocourse.grading.feedback import as_shown, not_answered, untrusted
from agnocourse.grading.harness import run_check, timeout_seconds
from agnocourse.grading.integrity import replaced
from agnocourse.grading.registry import lookup

__all__ = ["benchmark", "check"]


def check(exercise: str, *answers: Any) -> None:
    """Check the answers of one exercise; print a line when it passes, raise AssertionError when not.

    An answer still equal to the exercise's placeholder (``NotImplemented``) fails as not answered yet, and no check
    runs once the notebook has replaced part of the interpreter checks run on (see `integrity`). A failure shows the
    course's message and the learner's frames, not the course's (see `feedback.as_shown`).
    """
    __tracebackhide__ = True
    entry = lookup(exercise)
    if changed := replaced():
        raise as_shown(untrusted(entry.id, changed))
    if any(answer is NotImplemented for answer in answers):
        raise as_shown(not_answered(entry.id))
    try:
        run_check(f"Exercise {entry.id}", lambda: entry.check(*answers), timeout_seconds(entry.limit))
    except AssertionError as failure:
        raise as_shown(failure) from None
    if changed := replaced():  # put in place by the learner's code while the check ran
        raise as_shown(untrusted(entry.id, changed, during=True))
    print(f"Exercise {entry.id} ({entry.title}): passed")


def benchmark(classroom: bool = True) -> dict[str, float]:
    """Seconds to grade one chapter notebook, and (classroom=True) 30 copies of it with 2 jobs."""
    from agnocourse.grading.bench import benchmark as measure

    return measure(classroom=classroom)
