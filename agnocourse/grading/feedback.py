"""Failure messages: which rule was broken, what the check observed, and a hint, never the solution.

A checker code (AGN1xx, AGN2xx) is named as the rule checker's catalog names it (`agnocourse.rules.RULES`),
so the grader and ``agnocourse lint`` never disagree; any other code is the name of the rules section a wrong
result breaks (``[Dual Method Pattern]``).
"""

from __future__ import annotations

import re
from typing import NoReturn


class CheckFailed(AssertionError):
    """A check found a broken rule; the message names the rule, the observation and a hint."""


class TimingFailed(CheckFailed):
    """A check that measured time failed. A loaded machine can slow a right answer once, so the grader runs
    the whole check again before it reports this; a wrong answer fails the same way the second time."""


def rule_name(code: str) -> str:
    """``[CODE] title (section).`` for a checker code, from the checker's catalog; ``[name]`` for anything else."""
    from agnocourse.rules import RULES

    rule = RULES.get(code)
    return sentence(f"[{code}] {rule.title} ({rule.section})") if rule is not None else f"[{code}]"


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or its own ``?``/``!``), whatever the pieces it was built from."""
    text = re.sub(r"(?<!\.)([.!?])\.(?=\s|$)", r"\1", text.strip())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def message(code: str, observed: str, hint: str) -> str:
    """One line: ``[CODE] rule. Observed: ... Hint: ...``, each part one sentence."""
    parts = (rule_name(code), f"Observed: {sentence(observed)}", f"Hint: {sentence(hint)}")
    return " ".join(" ".join(part.split()) for part in parts)


def fail(code: str, observed: str, hint: str, *, timing: bool = False) -> NoReturn:
    """Raise `CheckFailed` (`TimingFailed` for a measured time) with `message`.

    `code` is a checker code (AGN1xx) or, for a wrong result, the name of the rules section it breaks.
    """
    raise (TimingFailed if timing else CheckFailed)(message(code, observed, hint))


def expect(condition: bool, code: str, observed: str, hint: str) -> None:
    if not condition:
        fail(code, observed, hint)


def expect_timing(condition: bool, code: str, observed: str, hint: str) -> None:
    """`expect` for a condition on measured time (a wall time, a stall, the moment a first item arrived)."""
    if not condition:
        fail(code, observed, hint, timing=True)
