"""Failure messages: which rule was broken, what the check observed, and a hint, never the solution.

A checker code (AGN1xx, AGN2xx) is named as the rule checker's catalog names it (`agnocourse.rules.RULES`),
so the grader and ``agnocourse lint`` never disagree; any other code is the name of the rules section a wrong
result breaks (``[Dual Method Pattern]``).
"""

from __future__ import annotations

import re
import reprlib
import sys
import traceback
import types
from pathlib import Path
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


class NotAnswered(CheckFailed):
    """An answer is still the exercise's placeholder: the learner has not written it yet."""


def shown(value: object) -> str:
    """A short repr: long lists and objects such as tasks are cut, so one message stays one readable line."""
    short = reprlib.Repr()
    short.maxlist, short.maxstring, short.maxother = 8, 60, 40
    return short.repr(value)


def not_answered(exercise: str) -> NotAnswered:
    return NotAnswered(
        f"Exercise {exercise} is not answered yet: write your answer in place of the line `... = NotImplemented` "
        "in the cell above its check."
    )


class Untrusted(CheckFailed):
    """The notebook replaced part of the interpreter the check runs on (agnocourse.grading.integrity)."""


def untrusted(exercise: str, replaced: list[str], during: bool = False) -> Untrusted:
    """`replaced` stood in for part of the interpreter before the check (which did not run), or once it had run."""
    shown = ", ".join(replaced[:3]) + (f" and {len(replaced) - 3} more" if len(replaced) > 3 else "")
    verdict = "does not count: while it ran," if during else "was not checked:"
    return Untrusted(
        f"Exercise {exercise} {verdict} the notebook's own code came to stand in for {shown}, which checks run on, "
        "so a check would prove nothing. Remove the code that puts it there, restart the kernel and run the notebook "
        "again."
    )


_COURSE = str(Path(__file__).resolve().parent.parent)
_LIBRARIES = tuple({sys.prefix, sys.base_prefix, sys.exec_prefix, _COURSE})


def _learners(frame: types.FrameType) -> bool:
    """A frame of the learner's code: a notebook cell or the learner's own module, not the course or a library."""
    name = frame.f_code.co_filename
    return not name.startswith(("<frozen", *_LIBRARIES))


def _learner_traceback(tb: types.TracebackType | None) -> types.TracebackType | None:
    """A copy of the traceback `tb` with only the learner's frames."""
    entries: list[types.TracebackType] = []
    while tb is not None:
        if _learners(tb.tb_frame):
            entries.append(tb)
        tb = tb.tb_next
    kept: types.TracebackType | None = None
    for entry in reversed(entries):
        kept = types.TracebackType(kept, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return kept


def _render(failure: BaseException) -> list[str]:
    """What IPython prints for the failure (its ``_render_traceback_`` hook): the learner's frames, the message."""
    from IPython.core.getipython import get_ipython

    shell = get_ipython()
    shown = _learner_traceback(failure.__traceback__)
    if shell is None:
        return traceback.format_exception(type(failure), failure, shown)
    return shell.InteractiveTB.structured_traceback(type(failure), failure, shown)


def as_shown(failure: BaseException) -> BaseException:
    """The failure ready to be shown in a notebook: the course's message, the learner's frames, no chain.

    A check runs in a worker thread and may be run twice (a timing failure is retried), so what it raises
    carries the grader's frames and, as context, the first attempt or the learner's own exception. IPython
    would print all of it. What stays: the frames of the learner's code that the failure came through (found
    on the failure or on the first exception of its chain that has any) and the message; the chain is not
    shown. IPython prints an exception through its ``_render_traceback_`` when it has one: here, the notebook
    cell's frame and the learner's frames, without the course's (IPython never hides the last frame, even one
    marked ``__tracebackhide__``).
    """
    seen: set[int] = set()
    error: BaseException | None = failure
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        learners = _learner_traceback(error.__traceback__)
        if learners is not None:
            failure.__traceback__ = learners
            break
        error = error.__cause__ or error.__context__
    else:
        failure.__traceback__ = None
    failure.__cause__ = None
    failure.__suppress_context__ = True
    setattr(failure, "_render_traceback_", lambda: _render(failure))  # noqa: B010 (IPython looks it up)
    return failure


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
