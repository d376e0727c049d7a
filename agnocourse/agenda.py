"""Workshop agendas built from the times the chapters state, so the instructor's guide never disagrees with them.

Each chapter opens with ``**Time:** about R minutes to read and run, E minutes for the exercise(s)`` (or
``about N minutes`` for a chapter without exercises). An agenda is a list of sessions, each a list of
(chapter stem, with exercises or not); `table` prints it as Markdown with the minutes the chapters state.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIME = re.compile(r"\*\*Time:\*\* about (\d+) minutes(?: to read and run, (\d+) minutes for the exercises?)?")


@dataclass(frozen=True)
class ChapterTime:
    title: str
    reading: int
    exercises: int


def chapter_time(path: Path) -> ChapterTime:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    opening = "\n".join("".join(cell["source"]) for cell in cells[:3] if cell["cell_type"] == "markdown")
    found = TIME.search(opening)
    if not found:
        raise ValueError(f"{path.name} states no time in the form **Time:** about N minutes ...")
    title = opening.splitlines()[0].lstrip("# ").strip()
    return ChapterTime(title, int(found.group(1)), int(found.group(2) or 0))


def chapter_path(stem: str, root: Path = ROOT) -> Path:
    for folder in ("notebooks", "agno3"):
        if (root / folder / f"{stem}.ipynb").exists():
            return root / folder / f"{stem}.ipynb"
    raise FileNotFoundError(f"no chapter {stem}")


Session = list[tuple[str, bool]]  # (chapter stem, with its exercises)


def minutes(session: Session, root: Path = ROOT) -> int:
    times = [(chapter_time(chapter_path(stem, root)), exercises) for stem, exercises in session]
    return sum(time.reading + (time.exercises if exercises else 0) for time, exercises in times)


def table(sessions: dict[str, Session], root: Path = ROOT) -> str:
    """A Markdown table: each session's chapters, what is done in the room, and the minutes they state."""
    rows = ["| session | chapter | in the room | minutes |", "|---|---|---|---|"]
    total = 0
    for name, session in sessions.items():
        for index, (stem, exercises) in enumerate(session):
            time = chapter_time(chapter_path(stem, root))
            spent = time.reading + (time.exercises if exercises else 0)
            work = "read, run and exercises" if exercises and time.exercises else "read and run"
            rows.append(f"| {name if index == 0 else ''} | {time.title} | {work} | {spent} |")
        subtotal = minutes(session, root)
        total += subtotal
        rows.append(f"| | *{name}, in all* | | *{subtotal} (about {subtotal / 60:.1f} h)* |")
    rows.append(f"| **total** | | | **{total} (about {total / 60:.1f} h)** |")
    return "\n".join(rows)
