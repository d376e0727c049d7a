"""The catalog of checks (book/checks.md): what each exercise's check observes, rendered from the declarations.

Each check function's docstring says what it observes; this module writes them, chapter by chapter, under each
exercise's id, title, points and rule. The agno 3 track's checks are read from source where agno 3 is not
installed (see `registry.read_declarations`), so the page is the same in either environment.
``python -m agnocourse exercises`` writes it together with exercises/; ``--check`` reports it when out of date.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

from agnocourse.grading.registry import Exercise, declared

TITLE = re.compile(r"^#\s+(?:Solutions|Exercises)\b\s*(?P<rest>.*)$")

INTRO = """\
<!-- Generated from the checks' docstrings by `python -m agnocourse exercises`: edit the docstrings, not this page. -->
# What each check observes

A check grades an exercise by running the answer, never by reading its source for keywords. This page says, for
every exercise, what its check does: which inputs it draws afresh on each run, which calls it watches, which
paths it runs and times, what it measures on the event loop, and which codes of the course's rule checker it
runs on the answer's source. Each paragraph is the docstring of the exercise's check function.

A "heartbeat" is a task the check runs on the same event loop as the answer, waking every 10 ms: the longest gap
between its wake-ups, less the time the machine kept the loop's thread waiting for a CPU, is how long the answer
stalled the loop. Concurrency is read from the spans the check's own mock agents and tools record (when each
call started and ended): calls "in flight at one moment" overlapped, whatever the machine's load. Other times are
judged against the latencies the check gives its mocks, or against a baseline measured in the same run, with wide
margins; a check that fails on a measured time runs once more before it is reported (see {doc}`grading`).
"""


def _id_key(id: str) -> tuple[str, ...]:
    return tuple(part.zfill(4) for part in id.split("."))


def _observes(entry: Exercise) -> str:
    """The check's docstring as one markdown paragraph per docstring paragraph."""
    doc = inspect.getdoc(entry.check) or ""
    paragraphs = [" ".join(p.split()) for p in doc.replace("``", "`").split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs)


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def notebooks(solutions: Path) -> dict[str, tuple[str, str]]:
    """Exercise id -> (notebook stem, the exercises notebook's title), from the check cells of `solutions` (read as
    JSON: the agno 3 environment has no nbformat)."""
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(solutions.glob("*.ipynb")):
        cells: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        first = next((_text(c["source"]) for c in cells if c.get("cell_type") == "markdown"), "")
        match = TITLE.match(first.splitlines()[0] if first else "")
        title = f"Exercises {match['rest']}" if match else path.stem
        for cell in cells:
            meta = cell.get("metadata", {}).get("agnocourse")
            if isinstance(meta, dict) and "exercise" in meta:
                found.setdefault(str(meta["exercise"]), (path.stem, title))
    return found


def render(solutions: Path = Path("solutions")) -> str:
    """The page's text: the intro, then per notebook a heading and per exercise its declaration and docstring."""
    places = notebooks(solutions)
    entries = sorted(declared().values(), key=lambda e: (places.get(e.id, ("~", ""))[0], _id_key(e.id)))
    lines = [INTRO]
    current: str | None = None
    for entry in entries:
        stem, title = places.get(entry.id, ("~", "Exercises in no notebook"))
        if stem != current:
            current = stem
            lines += [f"## {title}", ""]
            if stem != "~":
                lines += [f"The exercises: {{doc}}`exercises/{stem} <../exercises/{stem}>`.", ""]
        points = f"{entry.points} point{'s' if entry.points != 1 else ''}"
        lines += [f"**{entry.id} {entry.title}** ({points}, rule: {entry.rule or 'none'})", ""]
        lines += [_observes(entry) or "(This check does not say what it observes.)", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def sync(target: Path, solutions: Path, check: bool) -> bool:
    """Write (or, with `check`, only compare) the page; True if it was out of date."""
    text = render(solutions)
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    if not check:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return True
