"""Run a learner's notebook under nbval and turn per-cell results into per-exercise results.

Why nbval, and how it is made robust. The grader runs ``pytest --nbval-lax`` (only errors fail) on the
course's own interpreter (``--nbval-current-env``), with a per-cell timeout, on a copy of the notebook in a
temporary folder, so the learner's file is never written. `nbplugin` records every cell's outcome. Three
failures need more than nbval gives:

- A check whose learner code never returns is stopped by the check itself (`harness.run_check`, with a
  limit below the cell timeout): the exercise is reported as timed out and the kernel goes on.
- A busy loop at the top level of a cell is interrupted by nbval at the cell timeout; the kernel survives.
- An ``await`` that never returns at the top level of a cell cannot be interrupted (the kernel ignores the
  interrupt while its event loop waits), and ``os._exit`` kills the kernel: nbval then gives up on every
  later cell. The runner re-runs the copy with that cell emptied, so every other exercise is still graded.
  Each such cell costs one more run; a run is bounded by the cell timeout times the number of cells.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from agnocourse.grading import notebook as nb
from agnocourse.grading.nbplugin import RESULTS

DEFAULT_TIMEOUT = 30
FATAL = ("hung", "crashed")


@dataclass
class CellResult:
    cell: int
    status: str
    ename: str = ""
    evalue: str = ""

    @property
    def line(self) -> str:
        """The last line of the error, as the learner would read it."""
        text = f"{self.ename}: {self.evalue}" if self.evalue else self.ename
        return text.strip().splitlines()[-1] if text.strip() else ""


@dataclass
class ExerciseResult:
    id: str
    title: str
    points: int
    max_points: int
    status: str  # passed, failed, timed out, crashed, missing
    message: str = ""


@dataclass
class NotebookResult:
    path: Path
    exercises: list[ExerciseResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def points(self) -> int:
        return sum(e.points for e in self.exercises)

    @property
    def max_points(self) -> int:
        return sum(e.max_points for e in self.exercises)

    @property
    def passed(self) -> bool:
        return all(e.status == "passed" for e in self.exercises) and not self.problems


def _pytest_command(path: Path, timeout: int) -> list[str]:
    ini = path.parent / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    return [
        sys.executable, "-m", "pytest", str(path), "-c", str(ini), "--rootdir", str(path.parent),
        "-p", "agnocourse.grading.nbplugin", "-p", "no:cacheprovider", "-q", "--no-header",
        "--nbval-lax", "--nbval-current-env", f"--nbval-cell-timeout={timeout}",
    ]  # fmt: skip


def _environment(results: Path, timeout: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AGNOCOURSE_GRADE"))}
    env[RESULTS] = str(results)
    env["AGNOCOURSE_CHECK_TIMEOUT"] = str(max(1.0, timeout * 0.75))
    env.setdefault("MPLBACKEND", "Agg")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


def execute(path: Path, timeout: int, on_cell: Callable[[CellResult], None] | None = None) -> dict[int, CellResult]:
    """One nbval run of the notebook at `path`; every code cell's result, by code-cell index."""
    results = path.with_suffix(".results.jsonl")
    results.unlink(missing_ok=True)
    cells = len(nb.code_cells(nb.read(path)))
    process = subprocess.Popen(
        _pytest_command(path, timeout),
        cwd=path.parent,
        env=_environment(results, timeout),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + (timeout + 6) * (cells + 1) + 60
    seen = 0
    while process.poll() is None or seen < len(_read(results)):
        found = _read(results)
        for result in found[seen:]:
            if on_cell is not None:
                on_cell(result)
        seen = len(found)
        if process.poll() is not None:
            break
        if time.monotonic() > deadline:
            process.kill()
            break
        time.sleep(0.1)
    process.wait()
    return {result.cell: result for result in _read(results)}


def _read(results: Path) -> list[CellResult]:
    if not results.exists():
        return []
    lines = results.read_text(encoding="utf-8").splitlines()
    return [CellResult(**json.loads(line)) for line in lines if line.endswith("}")]


def run_cells(source: Path, timeout: int, on_cell: Callable[[CellResult], None] | None = None) -> dict[int, CellResult]:
    """Every code cell's result, re-running without each cell that hung or killed the kernel."""
    with tempfile.TemporaryDirectory(prefix="agnocourse-grade-") as folder:
        copy = Path(folder) / "notebook.ipynb"
        shutil.copyfile(source, copy)
        fatal: dict[int, CellResult] = {}
        while True:
            results = execute(copy, timeout, on_cell)
            results.update(fatal)
            new = sorted(i for i, r in results.items() if r.status in FATAL and i not in fatal)
            if not new:
                return results
            fatal[new[0]] = results[new[0]]
            notebook = nb.read(copy)
            nb.code_cells(notebook)[new[0]].source = "pass  # emptied by the grader: it hung or killed the kernel"
            nbformat.write(notebook, copy)


def _explain(result: CellResult, timeout: int) -> tuple[str, str]:
    """(status, message) for a cell that did not pass."""
    where = f"cell {result.cell}"
    if result.status in ("timeout", "hung"):
        return (
            "timed out",
            f"{where} did not finish within {timeout} s: a loop that never ends, or an await that never returns?",
        )
    if result.status == "crashed":
        return "crashed", f"the kernel died while running {where} (os._exit, a crash or out of memory)"
    if result.status == "not-run":
        return "failed", f"{where} did not run: the kernel had died before it"
    if result.ename == "CheckTimeout":
        return "timed out", result.line
    return "failed", result.line


def score(
    path: Path, expected: list[nb.Exercise], results: dict[int, CellResult], timeout: int
) -> list[ExerciseResult]:
    """Per-exercise results from per-cell ones; the points come from the solutions notebook."""
    checks, owner = nb.layout(nb.read(path))
    scored: list[ExerciseResult] = []
    for exercise in expected:
        base = ExerciseResult(exercise.id, exercise.title, 0, exercise.points, "missing")
        if exercise.id not in checks:
            base.message = "its check cell is missing: copy it back from a fresh exercises notebook"
            scored.append(base)
            continue
        check = results.get(checks[exercise.id], CellResult(checks[exercise.id], "not-run"))
        if check.status == "passed":
            base.status, base.points = "passed", exercise.points
            scored.append(base)
            continue
        mine = [results[i] for i in sorted(owner) if owner[i] == exercise.id and i in results and i < check.cell]
        cause = next((r for r in mine if r.status in ("timeout", *FATAL)), None)
        cause = cause or next((r for r in mine if r.status == "error"), None) or check
        base.status, base.message = _explain(cause, timeout)
        scored.append(base)
    return scored


def problems(path: Path, results: dict[int, CellResult], timeout: int) -> list[str]:
    """Failures outside every exercise (the setup cell, cells after the last check)."""
    _, owner = nb.layout(nb.read(path))
    found = []
    for index, result in sorted(results.items()):
        if index not in owner and result.status != "passed":
            found.append(_explain(result, timeout)[1] if result.status != "error" else f"cell {index}: {result.line}")
    return found


def grade(
    path: Path,
    expected: list[nb.Exercise],
    timeout: int = DEFAULT_TIMEOUT,
    on_cell: Callable[[CellResult], None] | None = None,
) -> NotebookResult:
    started = time.perf_counter()
    nb.read(path)  # a clear error for a file that is not a notebook, before any kernel starts
    results = run_cells(path, timeout, on_cell)
    result = NotebookResult(path, score(path, expected, results, timeout), problems(path, results, timeout))
    result.seconds = time.perf_counter() - started
    return result
