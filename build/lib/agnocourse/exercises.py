"""Generate exercises/ from solutions/: ``python -m agnocourse exercises [--check]``.

A solutions notebook is the single source of its exercises. In a code cell, the lines between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` become a stub that raises NotImplementedError, preceded by
the cell's hint (a ``### HINT: ...`` line in the cell, or ``{"agnocourse": {"hint": ...}}`` in its
metadata). The stub names the exercise of the next check cell. A title "# Solutions N: ..." becomes
"# Exercises N: ...", so the book's two parts name their pages apart. Outputs, execution counts and run timings
are cleared; everything else, check cells and metadata included, is kept. The output is the same bytes on every run.
``--check`` writes nothing and exits 1, naming the files, when exercises/ is out of date.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path
from typing import Any

import nbformat

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
HINT = re.compile(r"^\s*### HINT:\s*(?P<text>.*)$")
SOLUTIONS_TITLE = re.compile(r"^# Solutions\b")


class SolutionFormatError(ValueError):
    """A solutions notebook whose markers cannot be turned into an exercise."""


def exercise_meta(cell: Any) -> dict[str, Any] | None:
    """The check-cell metadata ``{"exercise": ..., "title": ..., "points": ...}``, or None."""
    meta = cell.get("metadata", {}).get("agnocourse")
    return meta if isinstance(meta, dict) and "exercise" in meta else None


def _next_exercise(cells: list[Any], index: int) -> dict[str, Any]:
    for cell in cells[index + 1 :]:
        meta = exercise_meta(cell)
        if meta is not None:
            return meta
    raise SolutionFormatError(f"cell {index} holds a solution but no check cell follows it")


def stub_cell_source(source: str, meta: dict[str, Any], hint: str | None, where: str) -> str:
    """The cell's source with every solution region replaced by the hint and a NotImplementedError stub."""
    lines = source.splitlines()
    hints = [m["text"] for m in map(HINT.match, lines) if m]
    hint = hint or (" ".join(hints) if hints else None)
    out: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if HINT.match(line):
            continue
        if stripped == BEGIN:
            if inside:
                raise SolutionFormatError(f"{where}: {BEGIN} inside a solution region")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            if hint:
                out.append(f"{indent}# Hint: {hint}")
            title = f" ({meta['title']})" if meta.get("title") else ""
            message = f"Exercise {meta['exercise']}{title}: replace this line with your answer"
            out.append(f"{indent}raise NotImplementedError({message!r})")
        elif stripped == END:
            if not inside:
                raise SolutionFormatError(f"{where}: {END} without {BEGIN}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise SolutionFormatError(f"{where}: {BEGIN} without {END}")
    return "\n".join(out)


def generate(solution: Any, name: str = "notebook") -> Any:
    """The exercise notebook for a solutions notebook (a new object; the argument is left unchanged)."""
    notebook = copy.deepcopy(solution)
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            cell.source = SOLUTIONS_TITLE.sub("# Exercises", cell.source, count=1)
        if cell.cell_type != "code":
            continue
        if BEGIN in cell.source:
            meta = _next_exercise(cells, index)
            hint = cell.metadata.get("agnocourse", {}).get("hint")
            cell.source = stub_cell_source(cell.source, meta, hint, f"{name}, cell {index}")
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)  # the timings of the last run of the solutions
    return notebook


def render(solution_path: Path) -> str:
    """The exercise notebook's file content, byte for byte."""
    solution = nbformat.read(solution_path, as_version=4)
    text = nbformat.writes(generate(solution, solution_path.name))
    return text if text.endswith("\n") else text + "\n"


def sync(solutions: Path, exercises: Path, check: bool) -> list[Path]:
    """Write (or, with `check`, only compare) every exercise notebook; returns the files out of date."""
    stale: list[Path] = []
    for source in sorted(solutions.glob("*.ipynb")):
        target = exercises / source.name
        text = render(source)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(target)
        if not check:
            exercises.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    expected = {p.name for p in solutions.glob("*.ipynb")}
    stale += [p for p in sorted(exercises.glob("*.ipynb")) if p.name not in expected]
    return stale


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse exercises", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if exercises/ is out of date")
    parser.add_argument("--solutions", type=Path, default=Path("solutions"))
    parser.add_argument("--exercises", type=Path, default=Path("exercises"))
    options = parser.parse_args(argv)
    try:
        stale = sync(options.solutions, options.exercises, options.check)
    except SolutionFormatError as error:
        print(f"exercises: {error}", file=sys.stderr)
        return 2
    if options.check:
        for path in stale:
            print(f"out of date: {path} (run `python -m agnocourse exercises`)", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        print(f"wrote {path}" if path.exists() else f"no solution for {path}")
    return 0
