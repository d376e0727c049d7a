"""Every exercise, declared once: chapter modules declare each check with its exercise's id, title, points and
the rule it teaches (``@exercise("1.2", "Consistent return types and events", points=3, rule="AGN109")``).

The grader takes titles and points from here; the tests hold the notebooks' headings and check-cell metadata
to these declarations, so they cannot drift apart.

Exercises belong to a track: the main track's ("1.2", modules ``chNN``) run on agno 1.5 and the kernel
"python3"; the agno 3 track's ("A3.1", modules ``agno3_*``) on agno 3.1 and the kernel "agno3". A track's
modules import its agno, so only the track of the installed agno is imported; the other track's declarations
are read from its modules' source, and their checks say which kernel runs them.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agnocourse.versions import LEGACY_API

Check = Callable[..., None]

# Seconds a check may take, in a notebook and in the grader: a right answer takes a few on a busy machine. An
# exercise whose answer runs pyright declares more; the grader keeps every limit below its check cell's timeout
# (three quarters of it).
DEFAULT_LIMIT = 20.0


@dataclass(frozen=True)
class Track:
    """Exercises that run on one agno line, in one kernel."""

    name: str
    prefix: str  # what the ids of its exercises start with: "" (1.2) or "A3." (A3.1)
    modules: str  # the names of its grading modules start with this
    kernel: str  # the Jupyter kernel its notebooks run on
    legacy: bool  # it runs on agno 1.x

    def owns(self, id: str) -> bool:
        return id.startswith(self.prefix) if self.prefix else id.split(".")[0].isdigit()

    def is_module(self, name: str) -> bool:
        rest = name.removeprefix(self.modules)
        return name.startswith(self.modules) and (rest.isdigit() if self.modules == "ch" else bool(rest))

    @property
    def runs_here(self) -> bool:
        return self.legacy == LEGACY_API


MAIN = Track("agno 1.5", "", "ch", "python3", legacy=True)
AGNO3 = Track("agno 3.1", "A3.", "agno3_", "agno3", legacy=False)
TRACKS = (MAIN, AGNO3)


def track_of(id: str) -> Track:
    """The track of exercise `id`: "A3.2" is the agno 3 track's, "1.2" the main track's."""
    for track in TRACKS:
        if track.owns(id):
            return track
    raise KeyError(f"there is no exercise {id!r}: no track has such ids")


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    check: Check
    points: int = 1
    rule: str = ""  # a checker code (AGN1xx) or the name of the rules section the exercise teaches
    limit: float = DEFAULT_LIMIT  # the check's own time limit: the grader stops it sooner than the cell timeout

    @property
    def track(self) -> Track:
        return track_of(self.id)

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
    """The exercise with this id; its track's modules are imported (or, for the other track, read) on first use:
    ``ch01`` for "1.x", the ``agno3_*`` modules for "A3.x"."""
    chapter = id.split(".")[0]
    if id not in _EXERCISES and chapter.isdigit() and MAIN.runs_here:
        try:
            importlib.import_module(f"agnocourse.grading.ch{int(chapter):02d}")
        except ModuleNotFoundError:
            pass
    elif id not in _EXERCISES and any(track.owns(id) for track in TRACKS):
        _load(track_of(id))
    if id not in _EXERCISES:
        raise KeyError(f"there is no exercise {id!r}; check the first argument of check()")
    return _EXERCISES[id]


def known() -> dict[str, Exercise]:
    return dict(_EXERCISES)


def declared() -> dict[str, Exercise]:
    """Every exercise of every track, by id."""
    for track in TRACKS:
        _load(track)
    return known()


def _modules(track: Track) -> list[str]:
    import agnocourse.grading as package

    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if track.is_module(m.name))


def _load(track: Track) -> None:
    """Register the track's exercises: imported when its agno is the installed one, read from source if not."""
    for name in _modules(track):
        if track.runs_here:
            importlib.import_module(f"agnocourse.grading.{name}")
        else:
            for entry in read_declarations(Path(__file__).with_name(f"{name}.py"), track):
                _EXERCISES.setdefault(entry.id, entry)


def read_declarations(path: Path, track: Track) -> list[Exercise]:
    """The ``@exercise(...)`` declarations of a grading module, read without importing it (its agno is not
    installed here); each one's check says which kernel runs it and keeps the check's docstring. Declarations take
    literal arguments only."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "exercise":
                try:
                    args = [ast.literal_eval(arg) for arg in decorator.args]
                    options = {k.arg: ast.literal_eval(k.value) for k in decorator.keywords if k.arg}
                except ValueError:
                    raise ValueError(
                        f"{path.name}:{decorator.lineno}: an @exercise declaration takes literal arguments only "
                        "(the other track's environment reads it without importing the module)"
                    ) from None
                check = _elsewhere(args[0], track, ast.get_docstring(node))
                found.append(Exercise(*args, check=check, **options))
    return found


def _elsewhere(id: str, track: Track, doc: str | None = None) -> Check:
    """A stand-in for a check of the other track: it says which kernel runs it, and carries the check's docstring
    (what the check observes), so the catalog of checks reads the same in either environment."""

    def check(*answers: Any) -> None:
        raise RuntimeError(f"exercise {id} runs on {track.name}: run its notebook on the kernel {track.kernel!r}")

    check.__doc__ = doc
    return check


def describe(answer: Any) -> str:
    return getattr(answer, "__name__", type(answer).__name__)
