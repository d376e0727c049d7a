"""Which check belongs to which exercise: chapter modules register their checks under exercise ids."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Check = Callable[..., None]


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    check: Check


_EXERCISES: dict[str, Exercise] = {}


def exercise(id: str, title: str) -> Callable[[Check], Check]:
    """Register the decorated function as the check of exercise `id` (e.g. "1.2")."""

    def register(check: Check) -> Check:
        _EXERCISES[id] = Exercise(id, title, check)
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


def describe(answer: Any) -> str:
    return getattr(answer, "__name__", type(answer).__name__)
