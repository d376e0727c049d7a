"""Generate exercises/ from solutions/: ``python -m agnocourse exercises [--check]``.

A solutions notebook is the single source of its exercises. In a code cell, the lines between
``### BEGIN SOLUTION`` and ``### END SOLUTION`` become a stub, preceded by the cell's hint (a ``### HINT: ...``
line in the cell, or ``{"agnocourse": {"hint": ...}}`` in its metadata); the stub names the exercise of the next
check cell. A region at the top level of its cell becomes ``Name = OtherName = NotImplemented`` for the names the
region defines and the check cell reads: the cell runs, and the check says the exercise is not answered yet
instead of failing on a NameError. A region inside a function or class raises NotImplementedError when called.

Run All in JupyterLab stops at the first cell that raises, unless the cell is tagged ``raises-exception``
(the kernel is then asked not to abort the queued cells). Every answer cell and check cell of an exercise is
tagged so, which lets a learner skip ahead: the setup of each later exercise still runs. The grader reads each
cell's error itself, so the tag never hides a failure from the score.

A title "# Solutions N: ..." becomes "# Exercises N: ...", so the book's two parts name their pages apart.
Outputs, execution counts and run timings are cleared; everything else, check cells and metadata included, is
kept. The output is the same bytes on every run.
The same command writes book/checks.md, what each exercise's check observes, from the checks' docstrings (see
`agnocourse.grading.catalog`). ``--check`` writes nothing and exits 1, naming the files, when exercises/ or that
page is out of date.
"""

from __future__ import annotations

import argparse
import ast
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
RAISES = "raises-exception"


class SolutionFormatError(ValueError):
    """A solutions notebook whose markers cannot be turned into an exercise."""


def exercise_meta(cell: Any) -> dict[str, Any] | None:
    """The check-cell metadata ``{"exercise": ..., "title": ..., "points": ...}``, or None."""
    meta = cell.get("metadata", {}).get("agnocourse")
    return meta if isinstance(meta, dict) and "exercise" in meta else None


def _next_check(cells: list[Any], index: int) -> Any:
    for cell in cells[index + 1 :]:
        if exercise_meta(cell) is not None:
            return cell
    raise SolutionFormatError(f"cell {index} holds a solution but no check cell follows it")


def _defined_names(code: str) -> list[str]:
    """Names a top-level region binds (classes, functions, assignments), in order."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return list(dict.fromkeys(names))


def _checked_names(check_source: str) -> list[str]:
    """The plain names a check cell passes to check(), in order."""
    try:
        tree = ast.parse(check_source)
    except SyntaxError:
        return []
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "check"]
    return [arg.id for call in calls for arg in call.args if isinstance(arg, ast.Name)]


def _placeholder(region: list[str], checked: list[str], where: str) -> str:
    """``A = B = NotImplemented`` for the names the region defines that the check reads (all it defines if none)."""
    defined = _defined_names("\n".join(region))
    names = [name for name in checked if name in defined] or defined
    if not names:
        raise SolutionFormatError(f"{where}: a top-level solution region that defines no name")
    return " = ".join([*names, "NotImplemented"])


def stub_cell_source(
    source: str, meta: dict[str, Any], hint: str | None, where: str, checked: list[str] | None = None
) -> str:
    """The cell's source with every solution region replaced by the hint and a stub.

    A region at the top level becomes a placeholder assignment of the names the check reads (`checked`); an
    indented one (inside a function or class) raises NotImplementedError.
    """
    lines = source.splitlines()
    hints = [m["text"] for m in map(HINT.match, lines) if m]
    hint = hint or (" ".join(hints) if hints else None)
    out: list[str] = []
    region: list[str] = []
    inside = False
    indent = ""
    title = f" ({meta['title']})" if meta.get("title") else ""
    for line in lines:
        stripped = line.strip()
        if HINT.match(line):
            continue
        if stripped == BEGIN:
            if inside:
                raise SolutionFormatError(f"{where}: {BEGIN} inside a solution region")
            inside, region = True, []
            indent = line[: len(line) - len(line.lstrip())]
            if hint:
                out.append(f"{indent}# Hint: {hint}")
        elif stripped == END:
            if not inside:
                raise SolutionFormatError(f"{where}: {END} without {BEGIN}")
            inside = False
            if indent:
                message = f"Exercise {meta['exercise']}{title}: replace this line with your answer"
                out.append(f"{indent}raise NotImplementedError({message!r})")
            else:
                out.append(f"# Exercise {meta['exercise']}{title}: replace the next line with your answer.")
                out.append(_placeholder(region, checked or [], where))
        elif inside:
            region.append(line)
        else:
            out.append(line)
    if inside:
        raise SolutionFormatError(f"{where}: {BEGIN} without {END}")
    return "\n".join(out)


def generate(solution: Any, name: str = "notebook") -> Any:
    """The exercise notebook for a solutions notebook (a new object; the argument is left unchanged)."""
    notebook = copy.deepcopy(solution)
    notebook.metadata.pop("agnocourse", None)  # the stamp of the solutions' outputs: a handout has none
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            cell.source = SOLUTIONS_TITLE.sub("# Exercises", cell.source, count=1)
        if cell.cell_type != "code":
            continue
        if BEGIN in cell.source:
            check = _next_check(cells, index)
            meta = exercise_meta(check) or {}
            hint = cell.metadata.get("agnocourse", {}).get("hint")
            where = f"{name}, cell {index}"
            cell.source = stub_cell_source(cell.source, meta, hint, where, _checked_names(check.source))
            _tag(cell, RAISES)
            _tag(check, RAISES)
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)  # the timings of the last run of the solutions
    return notebook


def _tag(cell: Any, tag: str) -> None:
    tags = cell.metadata.setdefault("tags", [])
    if tag not in tags:
        tags.append(tag)


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
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if exercises/ or book/checks.md is out of date"
    )
    parser.add_argument("--solutions", type=Path, default=Path("solutions"))
    parser.add_argument("--exercises", type=Path, default=Path("exercises"))
    parser.add_argument(
        "--catalog", type=Path, default=None, help="the page of what each check observes (default: book/checks.md)"
    )
    options = parser.parse_args(argv)
    catalog_page = options.catalog or options.solutions.parent / "book" / "checks.md"
    try:
        stale = sync(options.solutions, options.exercises, options.check)
    except SolutionFormatError as error:
        print(f"exercises: {error}", file=sys.stderr)
        return 2
    from agnocourse.grading import catalog  # imports the graders, and so agno: only here

    if catalog.sync(catalog_page, options.solutions, options.check):
        stale.append(catalog_page)
    if options.check:
        for path in stale:
            print(f"out of date: {path} (run `python -m agnocourse exercises`)", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        print(f"wrote {path}" if path.exists() else f"no solution for {path}")
    return 0
