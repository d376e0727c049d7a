"""The grader's outputs: a learner's scoreboard, JSON, and for instructors a CSV and a per-exercise summary."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

from agnocourse.grading.runner import NotebookResult

CSV_FIELDS = ["file", "exercise", "points", "max_points", "status", "message", "altered"]


def scoreboard(result: NotebookResult) -> str:
    """One line per exercise, then the total."""
    width = max((len(e.title) for e in result.exercises), default=10)
    lines = [f"{result.path}"]
    for e in result.exercises:
        line = f"  {e.id:<5} {e.title:<{width}}  {e.points:>2}/{e.max_points:<2} {e.status}"
        lines.append(f"{line}: {e.message}" if e.message else line)
    lines += [f"  problem: {problem}" for problem in result.problems]
    lines += [f"  altered: {change}" for change in result.altered]
    lines.append(f"  total {result.points}/{result.max_points}" + ("  all passed" if result.passed else ""))
    return "\n".join(lines)


def as_json(results: list[NotebookResult]) -> str:
    data: list[dict[str, Any]] = [
        {
            "file": str(r.path),
            "points": r.points,
            "max_points": r.max_points,
            "passed": r.passed,
            "problems": r.problems,
            "altered": r.altered,
            "exercises": [e.__dict__ for e in r.exercises],
        }
        for r in results
    ]
    return json.dumps(data, indent=2)


def write_csv(results: list[NotebookResult], target: Path) -> None:
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in sorted(results, key=lambda r: str(r.path)):
            if not r.exercises:  # a file that could not be graded: one row that says why
                row = {"file": str(r.path), "exercise": "", "points": 0, "max_points": 0, "status": "error"}
                writer.writerow({**row, "message": "; ".join(r.problems), "altered": "; ".join(r.altered)})
            for e in r.exercises:
                row = {"file": str(r.path), "exercise": e.id, "points": e.points, "max_points": e.max_points}
                writer.writerow({**row, "status": e.status, "message": e.message, "altered": e.altered})


def summary(results: list[NotebookResult]) -> str:
    """Per exercise, how many notebooks passed it and how the others failed: where the room is stuck; then
    the notebooks whose check cells were altered (never counted as passes) and those that could not be graded."""
    by_exercise: dict[str, Counter[str]] = {}
    titles: dict[str, str] = {}
    for r in results:
        for e in r.exercises:
            by_exercise.setdefault(e.id, Counter())[e.status] += 1
            titles[e.id] = e.title
    total = sum(1 for r in results if r.exercises)
    lost = len(results) - total
    lines = [f"{total} notebook(s)" + (f", {lost} more not graded" if lost else "")]
    for id, counts in by_exercise.items():
        others = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()) if status != "passed")
        line = f"  {id:<5} {titles[id]:<40} {counts['passed']:>3}/{sum(counts.values())} passed"
        lines.append(f"{line} ({others})" if others else line)
    for r in sorted(results, key=lambda r: str(r.path)):
        if not r.exercises:
            lines.append(f"  not graded: {r.path}: {'; '.join(r.problems)}")
        elif r.altered:
            lines.append(f"  altered: {r.path}: {'; '.join(r.altered)}")
    return "\n".join(lines)
