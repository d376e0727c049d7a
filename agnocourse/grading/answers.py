"""Learners' answers kept as files, graded by the check of their exercise (the tests' known-wrong and right answers).

``tests/known_wrong/<solutions notebook stem>/<exercise id>_<name>.py`` and ``tests/right_answers/<stem>/...`` hold
the text of a learner's answer cell (all the answer cells of the exercise, when it has several). `graded` runs the
file where the exercise's answer cells stand, after the solutions notebook's earlier cells, then the exercise's
check on the answers its check cell names. A check runs on its track's agno, so the tests grade the agno 3
track's files with ``python -m agnocourse.grading.answers FILE...`` in that track's interpreter: one JSON line per
file, ``{"file", "passed", "message", "output"}``. It reads notebooks as JSON, so it needs no Jupyter package.

A file may start from the solution's answer and change only part of it. A line of its own, exactly
``# given: solution`` (in the header, beside the ``# expect:`` lines), makes the text graded the solution's answer
cells of the exercise, as the solutions notebook holds them, followed by the file's own text: the file then
redefines only what it gets wrong, a later definition replacing an earlier one (a whole function or class; to
change one method, ``class Name(Name):`` overriding it). When the exercise has several answer cells, the
solution's text is all of them, in order, as a file without the line would hold them; the file's own text comes
after the last. `graded_text` composes it; a traceback's lines count in the composed text.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import linecache
import sys
from pathlib import Path
from typing import Any

BEGIN = "### BEGIN SOLUTION"
GIVEN = "# given:"
GIVEN_SOLUTION = "# given: solution"


def exercise_of(case: Path) -> str:
    return case.stem.split("_")[0]


def solution_of(case: Path) -> Path:
    """The solutions notebook a case answers: solutions/<the case's folder name>.ipynb."""
    return case.parents[3] / "solutions" / f"{case.parent.name}.ipynb"


def _code_cells(solution: Path) -> list[tuple[str, str | None]]:
    """Each code cell's source, and the exercise its check-cell metadata names (None for other cells)."""
    cells = json.loads(solution.read_text(encoding="utf-8"))["cells"]
    found = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        meta = cell.get("metadata", {}).get("agnocourse")
        found.append((source, str(meta["exercise"]) if isinstance(meta, dict) and "exercise" in meta else None))
    return found


def kernel_of(solution: Path) -> str:
    return json.loads(solution.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]


def as_cell(source: str, name: str) -> Any:
    """`source` compiled as a notebook cell is: its text kept in linecache under `name`, a name that is no file, so
    that a check finds a class's whole defining cell as it does in a notebook (chapter 8's pyright reads it)."""
    linecache.cache[name] = (len(source), None, source.splitlines(keepends=True), name)
    return compile(source, name, "exec")


def answer_namespace(solution: Path, exercise: str) -> dict[str, Any]:
    """What an answer cell to `exercise` sees: every earlier code cell of the solutions notebook run, except
    the other answer cells (### BEGIN SOLUTION) and the check cells."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for number, (source, checks) in enumerate(_code_cells(solution)):
        if checks == exercise:
            return namespace
        if checks is None and BEGIN not in source:
            exec(as_cell(source, f"<{solution.stem} cell {number}>"), namespace)
    raise AssertionError(f"{solution.name} has no check cell for {exercise}")


def solution_answer(solution: Path, exercise: str) -> str:
    """The solution's answer cells of `exercise` (### BEGIN SOLUTION, after the previous check cell), in order,
    separated by a blank line: the text a file holding every answer cell of the exercise would have."""
    cells: list[str] = []
    for source, checks in _code_cells(solution):
        if checks == exercise:
            if not cells:
                raise AssertionError(f"{solution.name} has no answer cell for {exercise}")
            return "\n\n".join(cell.rstrip("\n") for cell in cells) + "\n"
        if checks is not None:
            cells = []
        elif BEGIN in source:
            cells.append(source)
    raise AssertionError(f"{solution.name} has no check cell for {exercise}")


def given(text: str) -> str | None:
    """What the answer file's ``# given:`` line starts from ("solution"), or None when the file is whole."""
    lines = [line.rstrip() for line in text.splitlines() if line.startswith(GIVEN)]
    if not lines:
        return None
    if lines != [GIVEN_SOLUTION]:
        raise ValueError(f"one line `{GIVEN_SOLUTION}` is the only given an answer file can say: {lines}")
    return "solution"


def graded_text(case: Path) -> str:
    """The text graded for an answer file: the file, after the solution's answer when it says `# given: solution`."""
    text = case.read_text(encoding="utf-8")
    if given(text) is None:
        return text
    return solution_answer(solution_of(case), exercise_of(case)) + "\n" + text


def check_answers(solution: Path, exercise: str, namespace: dict[str, Any]) -> tuple[Any, ...]:
    """The answers the solutions check cell of `exercise` passes to check(), evaluated in `namespace`."""
    source = next(source for source, checks in _code_cells(solution) if checks == exercise)
    call = ast.parse(source).body[0]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call)
    return tuple(eval(compile(ast.Expression(arg), "<check>", "eval"), namespace) for arg in call.value.args[1:])


def graded(case: Path) -> None:
    """Run the answer file where its exercise's answer cells stand, then the exercise's check on it: print the
    check's line when it passes, raise AssertionError when not."""
    from agnocourse.grading import check

    exercise, solution = exercise_of(case), solution_of(case)
    namespace = answer_namespace(solution, exercise)
    exec(as_cell(graded_text(case), f"<{case.parent.parent.name}/{case.parent.name}/{case.name}>"), namespace)
    check(exercise, *check_answers(solution, exercise, namespace))


def outcome(case: Path) -> dict[str, Any]:
    """`graded` as data: passed, the failure's message, what the check printed."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            graded(case)
    except AssertionError as failure:
        return {"file": str(case), "passed": False, "message": str(failure), "output": printed.getvalue()}
    return {"file": str(case), "passed": True, "message": "", "output": printed.getvalue()}


def main(argv: list[str]) -> int:
    for name in argv:
        print(json.dumps(outcome(Path(name).resolve())), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
