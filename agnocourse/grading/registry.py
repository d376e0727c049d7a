"""Every exercise, declared once: chapter modules declare each check with its exercise's id, title, points and
the rule it teaches (``@exercise("1.2", "Consistent return types and events", points=3, rule="AGN109")``).

The grader takes titles and points from here; the tests hold the notebooks' headings and check-cell metadata
to these declarations, so they cannot drift apart.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Check = Callable[..., None]

# Seconds a check may take: a right answer takes a few on a busy machine. Exercises that run pyright declare
# more; the grader keeps every limit below its cell timeout (three quarters of it).
DEFAULT_LIMIT = 15.0


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    check: Check
    points: int = 1
    rule: str = ""  # a checker code (AGN1xx) or the name of the rules section the exercise teaches
    limit: float = DEFAULT_LIMIT  # the check's own time limit: the grader stops it sooner than the cell timeout

    @property
    def heading(self) -> str:
        """The heading of the exercise in its notebooks (code spans in the notebook's title are allowed)."""
        return f"## Exercise {self.id}: {self.title} ({self.points} point{'s' if self.points != 1 else ''})"


_EXERCISES: dict[str, Exercise] = {}


def exercise(
    id: str, title: str, *, points: int = 1, rule: str = "", limit: float = DEFAULT_LIMIT
) -> Callable[[Check], Check]:
    """Declare exercise `id` (e.g. "1.2") and register the decorated function as its check."""

    def register(check: Check) -> Check:
        _EXERCISES[id] = Exercise(id, title, check, points, rule, limit)
        return check

    return register


def lookup(id: str) -> Exercise:
    """The exercise with this id; its chapter module (``ch01`` for "1.x") is imported on first use."""
    chapter = id.split(".")[0]
    if id not in _EXERCISES and chapter.isdigit():
        try:
            importlib.import_module(f"agnocourse.grading.ch{int(chapter):02d}")
        except ModuleNotFoundError:
            pass
    if id not in _EXERCISES:
        raise KeyError(f"there is no exercise {id!r}; check the first argument of check()")
    return _EXERCISES[id]


def known() -> dict[str, Exercise]:
    return dict(_EXERCISES)


def declared() -> dict[str, Exercise]:
    """Every exercise of every chapter module, by id."""
    import agnocourse.grading as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("ch") and module.name[2:].isdigit():
            importlib.import_module(f"agnocourse.grading.{module.name}")
    return known()


def describe(answer: Any) -> str:
    return getattr(answer, "__name__", type(answer).__name__)
