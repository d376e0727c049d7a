"""Failure messages: which rule was broken, what the check observed, and a hint, never the solution."""

from __future__ import annotations

from typing import NoReturn

# Checker code -> the section of the rules document it enforces.
RULES = {
    "AGN101": "NEVER DO 1/4: no asyncio.run() or run_until_complete() in a sync path",
    "AGN102": "Consistent Return Types: RunResponse only, never RunResponseContentEvent",
    "AGN103": "NEVER DO 3: do not collect a stream before yielding it",
    "AGN104": "Agent Call Patterns: no sync agent call in an async path",
    "AGN105": "Agent Call Patterns: no async agent call in a sync path",
    "AGN106": "Agent Call Patterns: await agent.arun(..., stream=True) before iterating it",
    "AGN107": "ALWAYS DO 2: no blocking call in an async path",
    "AGN108": "Consistent Return Types: annotate Iterator[RunResponse] / AsyncIterator[RunResponse]",
    "AGN109": "Consistent Return Types: use RunEvent members that exist",
    "AGN110": "Dual Method Pattern: one class per path (run() in one, arun() in the other)",
    "AGN111": "Dual Method Pattern: the async path starts its own run (sets self.run_id)",
    "AGN112": "Agent Call Patterns: pass stream= explicitly on every agent call",
    "AGN201": "Beyond the rules: keep a reference to every task",
    "AGN202": "Parallel execution: gather(..., return_exceptions=True) when results are handled one by one",
    "AGN203": "Exception Handling: except* around a TaskGroup, whose failures arrive as an ExceptionGroup",
}


class CheckFailed(AssertionError):
    """A check found a broken rule; the message names the rule, the observation and a hint."""


class TimingFailed(CheckFailed):
    """A check that measured time failed. A loaded machine can slow a right answer once, so the grader runs
    the whole check again before it reports this; a wrong answer fails the same way the second time."""


def fail(code: str, observed: str, hint: str, *, timing: bool = False) -> NoReturn:
    """Raise `CheckFailed` (`TimingFailed` for a measured time) in one line: ``[CODE] rule. Observed: ... Hint: ...``.

    `code` is a checker code (AGN1xx) or, for a wrong result, the name of the rules section it breaks.
    """
    rule = f"[{code}] {RULES[code]}." if code in RULES else f"[{code}]"
    raise (TimingFailed if timing else CheckFailed)(f"{rule} Observed: {observed} Hint: {hint}")


def expect(condition: bool, code: str, observed: str, hint: str) -> None:
    if not condition:
        fail(code, observed, hint)


def expect_timing(condition: bool, code: str, observed: str, hint: str) -> None:
    """`expect` for a condition on measured time (a wall time, a stall, the moment a first item arrived)."""
    if not condition:
        fail(code, observed, hint, timing=True)
