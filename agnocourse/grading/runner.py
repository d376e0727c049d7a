"""Run a learner's notebook under nbval and turn per-cell results into per-exercise results.

What runs. Not the learner's notebook as it is, but `notebook.seal`'s copy of it: the learner's cells, with
the grader's own check in place of each check cell (taken from the solutions notebook by exercise id, run
from the course's check code loaded afresh, confirming a pass with a per-cell token). The copy is written to
a temporary folder, so the learner's file is never written.

Why nbval, and how it is made robust. The grader runs ``pytest --nbval-lax`` (only errors fail), with a per-cell
timeout, on the kernel the solutions notebook names, whatever kernel the learner's copy names: the course's own
interpreter (``--nbval-current-env``) for the main track, the kernel "agno3" for the agno 3 track. `nbplugin`
records every cell's outcome in a results file, each line signed with a secret the kernel never sees. Three
failures need more than nbval gives:

- A check whose learner code never returns is stopped by the check itself, at the exercise's own limit
  (`registry.Exercise.limit`, below the cell timeout): the exercise is reported as timed out.
- A busy loop at the top level of a cell is interrupted by nbval at the cell timeout; the kernel survives.
- An ``await`` that never returns at the top level of a cell cannot be interrupted (the kernel ignores the
  interrupt while its event loop waits), and ``os._exit`` kills the kernel: nbval then gives up on every
  later cell. The runner re-runs the copy with that cell emptied, so every other exercise is still graded.
  Each such cell costs one more run; a run is bounded by the cell timeout times the number of cells.
- A kernel that does not start (a machine too busy to answer within nbval's start-up limit) runs no cell: the
  runner tries once more, then reports what pytest said instead of failing every exercise without a reason.

Comparing outputs, for the course's own tests. ``grade(..., compare_with=SANITIZE)`` runs nbval strict instead of lax,
with the sanitizing rules of that file: every cell's outputs must then be the notebook's own, as under ``pytest
--nbval``, and a cell whose outputs differ fails with nbval's difference. A grader's check cell prints the line its
solution's check cell printed, followed by its token, which the comparison leaves out. This lets one run of a solutions
notebook both confirm full marks and stand in for its nbval run.

A check cell's nbval timeout is only a backstop (`CHECK_CELL_FACTOR` times the cell timeout): the check stops
the learner's code at the exercise's own limit, and the check's own work (pyright) does not count against it.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from agnocourse.execute import KERNEL, kernel_of
from agnocourse.grading import notebook as nb
from agnocourse.grading.nbplugin import OUTPUTS_DIFFER, sign

DEFAULT_TIMEOUT = 30
CHECK_CELL_FACTOR = 4
KERNEL_STARTUP_TIMEOUT = 120
FATAL = ("hung", "crashed")
UNCONFIRMED = (
    "the check cell ended without an error but did not confirm a pass: code in the notebook interfered with "
    "the grader's check"
)


@dataclass
class CellResult:
    cell: int
    status: str
    ename: str = ""
    evalue: str = ""
    token: str = ""
    tampered: str = ""

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
    status: str  # passed, failed, timed out, crashed, missing, altered (passed, but its check cell was altered)
    message: str = ""
    altered: str = ""  # how the learner's check cell differs from the original, when it does


@dataclass
class NotebookResult:
    path: Path
    exercises: list[ExerciseResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    altered: list[str] = field(default_factory=list)  # changes the grader found, per exercise and overall

    @property
    def points(self) -> int:
        return sum(e.points for e in self.exercises)

    @property
    def max_points(self) -> int:
        return sum(e.max_points for e in self.exercises)

    @property
    def passed(self) -> bool:
        """Every exercise passed its original check, nothing was altered, nothing else went wrong."""
        done = all(e.status == "passed" for e in self.exercises)
        return done and bool(self.exercises) and not self.problems and not self.altered


@dataclass
class Run:
    """One grading run: every code cell's result, the copy that ran, and lines the grader did not write."""

    results: dict[int, CellResult]
    sealed: nb.Sealed
    forged: int = 0
    no_kernel: str = ""  # why no cell ran at all, when none did


# Left out of a strict run's comparison: the token a grader's check cell prints after its solution's line.
TOKEN_RULE = "\n[agnocourse grader's token]\nregex: agnocourse-grader-token: [0-9a-f]{64}\\n\nreplace: \n"


def _nbval_mode(folder: Path, compare_with: Path | None) -> list[str]:
    """nbval's options: lax (only errors fail), or strict with `compare_with`'s sanitizing rules and the token's."""
    if compare_with is None:
        return ["--nbval-lax"]
    rules = folder / "sanitize.cfg"
    rules.write_text(compare_with.read_text(encoding="utf-8") + TOKEN_RULE, encoding="utf-8")
    return ["--nbval", f"--nbval-sanitize-with={rules}", "--color=no"]


def _pytest_command(
    path: Path, timeout: int, results: Path, secret: Path, kernel: str = KERNEL, compare_with: Path | None = None
) -> list[str]:
    ini = path.parent / "pytest.ini"
    ini.write_text("[pytest]\n", encoding="utf-8")
    where = "--nbval-current-env" if kernel == KERNEL else f"--nbval-kernel-name={kernel}"
    startup = f"--nbval-kernel-startup-timeout={KERNEL_STARTUP_TIMEOUT}"
    return [
        sys.executable, "-m", "pytest", str(path), "-c", str(ini), "--rootdir", str(path.parent),
        "-p", "nbval", "-p", "agnocourse.grading.nbplugin", "-p", "no:cacheprovider", "-q", "--no-header",
        *_nbval_mode(path.parent, compare_with), where, f"--nbval-cell-timeout={timeout}", startup,
        f"--agnocourse-check-timeout={timeout * CHECK_CELL_FACTOR}",
        f"--agnocourse-results={results}", f"--agnocourse-secret={secret}",
    ]  # fmt: skip


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "AGNOCOURSE_GRADE"))}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # nbval and the grader's plugin are named: no other plugin's import
    env.pop("AGNOCOURSE_CHECK_TIMEOUT", None)
    env.setdefault("MPLBACKEND", "Agg")
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    return env


@dataclass
class Execution:
    """One nbval run: every code cell's result by code-cell index, how many lines of the results file the grader's
    plugin did not sign (written from inside the kernel), and the last error line pytest printed."""

    results: dict[int, CellResult]
    forged: int
    said: str


def _last_error(log: Path) -> str:
    lines = [line[2:].strip() for line in log.read_text(errors="replace").splitlines() if line.startswith("E ")]
    return next((line for line in reversed(lines) if line), "pytest printed no error")


def execute(
    path: Path,
    timeout: int,
    on_cell: Callable[[CellResult], None] | None = None,
    kernel: str = KERNEL,
    compare_with: Path | None = None,
) -> Execution:
    """One nbval run of the notebook at `path` on `kernel` (strict, when `compare_with` names sanitizing rules)."""
    results = path.with_suffix(".results.jsonl")
    results.unlink(missing_ok=True)
    secret = secrets.token_hex(32)
    secret_file = path.with_suffix(".secret")
    secret_file.touch(mode=0o600)
    secret_file.write_text(secret, encoding="utf-8")
    notebook = nb.read(path)
    cells, checks = len(nb.code_cells(notebook)), len(nb.check_ids(notebook))
    log = path.with_suffix(".log")
    with open(log, "wb") as output:
        process = subprocess.Popen(
            _pytest_command(path, timeout, results, secret_file, kernel, compare_with),
            cwd=path.parent,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    longest = (timeout + 6) * (cells + 1) + checks * timeout * (CHECK_CELL_FACTOR - 1)
    deadline = time.monotonic() + longest + KERNEL_STARTUP_TIMEOUT
    seen = 0
    while True:
        found, _ = _read(results, secret.encode())
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
    secret_file.unlink(missing_ok=True)
    found, forged = _read(results, secret.encode())
    return Execution({result.cell: result for result in found}, forged, _last_error(log))


def _read(results: Path, secret: bytes) -> tuple[list[CellResult], int]:
    """The records the grader's plugin signed, and how many other lines the file holds."""
    if not results.exists():
        return [], 0
    records, forged = [], 0
    for line in results.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
            genuine = isinstance(record, dict) and record.get("mac") == sign(record, secret)
        except ValueError:
            genuine = False  # a line still being written is completed before the process ends
            record = None
        if genuine and isinstance(record, dict):
            records.append(CellResult(**{k: v for k, v in record.items() if k != "mac"}))
        elif line.strip():
            forged += 1
    return records, forged


def limits(solution: Any, timeout: int) -> dict[str, float]:
    """Each exercise's own check limit, kept below its check cell's timeout so a check is stopped before the cell."""
    from agnocourse.grading.registry import DEFAULT_LIMIT, lookup

    found = {}
    for id in nb.check_ids(solution):
        try:
            limit = lookup(id).limit
        except KeyError:
            limit = DEFAULT_LIMIT
        found[id] = max(1.0, min(limit, timeout * CHECK_CELL_FACTOR * 0.75))
    return found


def run_cells(
    learner: Any,
    solution: Any,
    timeout: int,
    on_cell: Callable[[CellResult], None] | None = None,
    compare_with: Path | None = None,
) -> Run:
    """Run the sealed copy of `learner`; re-run without each cell that hung or killed the kernel."""
    checks = limits(solution, timeout)
    forged = 0
    with tempfile.TemporaryDirectory(prefix="agnocourse-grade-") as folder:
        target = Path(folder) / "notebook.ipynb"
        fatal: dict[int, CellResult] = {}
        while True:
            sealed = nb.seal(learner, solution, checks)
            cells = nb.code_cells(sealed.notebook)
            for index in fatal:
                cells[index].source = "pass  # emptied by the grader: this cell hung or killed the kernel"
            nbformat.write(sealed.notebook, target)
            done = execute(target, timeout, on_cell, kernel_of(solution), compare_with)
            if not done.results and cells:  # no cell ran: the kernel did not start; once more, then say why
                done = execute(target, timeout, on_cell, kernel_of(solution), compare_with)
                if not done.results:
                    return Run({}, sealed, forged + done.forged, no_kernel=done.said)
            forged += done.forged
            results = {**done.results, **fatal}
            new = sorted(i for i, r in results.items() if r.status in FATAL and i not in fatal)
            if not new:
                return Run(results, sealed, forged)
            fatal[new[0]] = results[new[0]]


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
    if result.ename == OUTPUTS_DIFFER:
        return "failed", f"{where}'s outputs differ from the notebook's:\n{result.evalue}"
    return "failed", result.line


def score(
    run: Run, expected: list[nb.Exercise], timeout: int, checks: dict[str, int] | None = None
) -> list[ExerciseResult]:
    """One result per expected exercise, from the grader's own check cells of the sealed copy."""
    sealed, results = run.sealed, run.results
    checks = sealed.checks if checks is None else checks
    _, owner = nb.layout(sealed.notebook)
    scored = []
    for exercise in expected:
        changes = list(sealed.altered.get(exercise.id, []))
        check = results.get(checks.get(exercise.id, -1), CellResult(checks.get(exercise.id, -1), "not-run"))
        if check.tampered:
            changes.append(f"the notebook replaced or patched what the grader's check runs on: {check.tampered}")
        altered = "; ".join(changes)
        base = ExerciseResult(exercise.id, exercise.title, 0, exercise.points, "missing", altered=altered)
        if exercise.id not in checks:
            base.message = "its check cell is missing: copy it back from a fresh exercises notebook"
            scored.append(base)
            continue
        if check.status == "passed" and check.token == nb.token(sealed.keys[exercise.id], exercise.id):
            base.status, base.points = ("altered" if altered else "passed"), exercise.points
            scored.append(base)
            continue
        if check.status == "passed":
            base.status, base.message = "failed", UNCONFIRMED
            base.altered = "; ".join(filter(None, [altered, "its check was interfered with"]))
            scored.append(base)
            continue
        mine = [results[i] for i in sorted(owner) if owner[i] == exercise.id and i in results and i < check.cell]
        cause = next((r for r in mine if r.status in ("timeout", *FATAL)), None)
        cause = cause or next((r for r in mine if r.status == "error"), None) or check
        base.status, base.message = _explain(cause, timeout)
        if run.no_kernel:
            base.message = f"cell {check.cell} did not run: no cell ran, as the kernel did not start"
        scored.append(base)
    return scored


def problems(run: Run, timeout: int) -> list[str]:
    """Failures outside every exercise (the setup cell, cells after the last check), and every cell but a check cell
    whose outputs nbval found different (a strict run compares them all): its exercise, if its check passed, passes."""
    _, owner = nb.layout(run.sealed.notebook)
    checks = set(run.sealed.checks.values())
    found = [f"the kernel did not start (twice), so no cell ran: {run.no_kernel}"] if run.no_kernel else []
    for index, result in sorted(run.results.items()):
        differs = result.ename == OUTPUTS_DIFFER and index not in checks
        if differs or (index not in owner and result.status != "passed"):
            plain = result.status == "error" and not differs
            found.append(f"cell {index}: {result.line}" if plain else _explain(result, timeout)[1])
    return found


def grade(
    path: Path,
    solution: Path,
    timeout: int = DEFAULT_TIMEOUT,
    on_cell: Callable[[CellResult], None] | None = None,
    compare_with: Path | None = None,
) -> NotebookResult:
    """Grade the learner's notebook at `path` against the solutions notebook `solution`; with `compare_with` (nbval's
    sanitizing rules), every cell's outputs must also be the notebook's own (see the module docstring)."""
    started = time.perf_counter()
    learner = nb.read(path)  # a clear error for a file that is not a notebook, before any kernel starts
    original = nb.read(solution)
    run = run_cells(learner, original, timeout, on_cell, compare_with)
    result = NotebookResult(path, score(run, nb.exercises(original), timeout), problems(run, timeout))
    result.altered = [f"{e.id}: {e.altered}" for e in result.exercises if e.altered] + run.sealed.other
    if run.forged:
        result.altered.append(f"{run.forged} line(s) of the grader's results file were not written by the grader")
    result.seconds = time.perf_counter() - started
    return result
