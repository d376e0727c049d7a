"""A graded room, aggregated: per exercise how many learners passed and how the others failed, per learner
one row of results across every chapter they handed in, and a gradebook with one column per exercise.

Learners are found from the files: a notebook in a learner's folder (``room/ada/01_core_principles.ipynb``)
belongs to that folder's learner; a notebook at the top of the room belongs to its name without the chapter's
file stem (``alice-01_core_principles.ipynb`` is alice's). Nothing here runs a notebook or writes a file.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from agnocourse.grading.runner import ExerciseResult, NotebookResult

TOP_FAILURES = 3


@dataclass
class ExerciseSummary:
    id: str
    title: str
    max_points: int
    passed: int = 0  # learners whose check passed (an altered check cell is not a pass here)
    attempted: int = 0  # learners who handed in a notebook with this exercise
    failures: list[tuple[str, int]] = field(default_factory=list)  # the commonest messages, with counts

    @property
    def share(self) -> float:
        return self.passed / self.attempted if self.attempted else 0.0


@dataclass
class Learner:
    name: str
    results: dict[str, ExerciseResult] = field(default_factory=dict)  # by exercise id
    unreadable: list[str] = field(default_factory=list)  # files of this learner that could not be graded
    altered: list[str] = field(default_factory=list)  # what the grader found changed in their notebooks
    problems: list[str] = field(default_factory=list)  # failures outside every exercise

    @property
    def points(self) -> int:
        return sum(r.points for r in self.results.values())


@dataclass
class Room:
    exercises: list[ExerciseSummary]
    learners: list[Learner]

    @property
    def max_points(self) -> int:
        return sum(e.max_points for e in self.exercises)


def _exercise_order(id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", id))


def learner_name(path: Path, root: Path, chapters: list[str]) -> str:
    """Who handed in `path`: its first folder below `root`, else its file name without the chapter's stem."""
    relative = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    if len(relative.parts) > 1:
        return relative.parts[0]
    stem = relative.stem
    for chapter in sorted(chapters, key=len, reverse=True):
        if chapter in stem and chapter != stem:
            stem = stem.replace(chapter, "")
            break
    else:
        stem = _without_chapter_number(stem, chapters)
    return stem.strip(" -_.") or relative.stem


def _without_chapter_number(stem: str, chapters: list[str]) -> str:
    """A notebook renamed to its chapter's number alone: alice-04 and 04_alice are alice's."""
    if stem in chapters:
        return stem
    numbers = {chapter.split("_")[0] for chapter in chapters}
    tokens = re.split(r"([ \-_.]+)", stem)
    words = tokens[::2]
    if any(word in numbers for word in words) and not all(word in numbers for word in words):
        return "".join(token for token in tokens if token not in numbers)
    return stem


def common_root(paths: list[Path]) -> Path:
    if not paths:
        return Path(".")
    folders = [str(p.parent) for p in paths]
    return Path(os.path.commonpath(folders)) if len(set(map(os.path.isabs, folders))) == 1 else Path(".")


def aggregate(
    results: list[NotebookResult], chapters: list[str], root: Path | None = None, top: int = TOP_FAILURES
) -> Room:
    """The room from the grader's per-notebook results. `chapters` are the exercise notebooks' file stems;
    `root` is the room's folder (by default the folder the notebooks have in common)."""
    root = common_root([r.path for r in results]) if root is None else root
    learners: dict[str, Learner] = {}
    summaries: dict[str, ExerciseSummary] = {}
    messages: dict[str, Counter[str]] = {}
    for result in sorted(results, key=lambda r: str(r.path)):
        learner = learners.setdefault(learner_name(result.path, root, chapters), Learner(""))
        learner.name = learner.name or learner_name(result.path, root, chapters)
        problems = [_without_folder(problem, result.path) for problem in result.problems]
        if not result.exercises:
            learner.unreadable.append(f"{result.path.name}: {'; '.join(problems) or 'not graded'}")
            continue
        learner.altered += [f"{result.path.name}: {change}" for change in result.altered]
        learner.problems += [f"{result.path.name}: {problem}" for problem in problems]
        for exercise in result.exercises:
            new = ExerciseSummary(exercise.id, exercise.title, exercise.max_points)
            summary = summaries.setdefault(exercise.id, new)
            earlier = learner.results.get(exercise.id)
            if earlier is not None:  # the same chapter handed in twice: the better one counts
                learner.altered.append(f"{result.path.name}: exercise {exercise.id} handed in more than once")
                if earlier.points >= exercise.points:
                    continue
                summary.passed -= earlier.status == "passed"
                summary.attempted -= 1
            learner.results[exercise.id] = exercise
            summary.attempted += 1
            summary.passed += exercise.status == "passed"
    for learner in learners.values():
        for exercise in learner.results.values():
            if exercise.status != "passed":
                messages.setdefault(exercise.id, Counter())[failure_text(exercise)] += 1
    for id, summary in summaries.items():
        summary.failures = messages.get(id, Counter()).most_common(top)
    ordered = sorted(summaries.values(), key=lambda s: _exercise_order(s.id))
    return Room(ordered, sorted(learners.values(), key=lambda learner: learner.name.lower()))


def _without_folder(problem: str, path: Path) -> str:
    """A problem as the report shows it: without the machine's folders, its file named once."""
    return problem.replace(f"{path}: ", "").replace(str(path), path.name)


def failure_text(exercise: ExerciseResult) -> str:
    """What a failure is grouped by: its message, or its status when it has none (an altered check cell)."""
    if exercise.status == "altered":
        return f"passed, but its check cell was altered ({exercise.altered})"
    return exercise.message or exercise.status


def gradebook_header(exercise: ExerciseSummary) -> str:
    """A column name a spreadsheet and an LMS import keep as it is: id, title and the points it is out of."""
    return f"{exercise.id} {exercise.title} ({exercise.max_points} points)"


def cell_text(text: str) -> str:
    """A learner's text as a spreadsheet shows it, never as a formula (a file named ``=cmd|...``)."""
    return f"'{text}" if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def gradebook(room: Room) -> str:
    """One row per learner, one column of points per exercise, then the total. An exercise the learner did not
    hand in is an empty cell (no grade), never a 0; a learner with no readable notebook has only empty cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["learner", *map(gradebook_header, room.exercises), f"total ({room.max_points} points)"])
    for learner in room.learners:
        points = [learner.results[e.id].points if e.id in learner.results else "" for e in room.exercises]
        writer.writerow([cell_text(learner.name), *points, learner.points if learner.results else ""])
    return buffer.getvalue()
