"""``python -m agnocourse grade NOTEBOOK... | DIR --csv FILE``: grade exercise notebooks.

One or more notebooks: a scoreboard per notebook (``--json`` for machines); exit 0 only when every exercise
of every notebook passed and no check cell was altered, 1 otherwise, 2 when a file is missing or not a
notebook. A folder (one notebook per learner) is graded in parallel (``--jobs``); ``--csv`` writes one row
per learner and exercise, and a per-exercise summary shows how many passed. In a room, a file that cannot be
graded is reported in its own row and the others are graded. The exercises a notebook should have come from
the solutions notebook with the same file stem (or whose stem its name contains), or else the one whose
exercise ids the notebook's check cells carry, so a deleted check cell scores 0. Progress goes to stderr.
Beside ``--csv grades.csv`` go the room's report ``grades.html`` (one self-contained page) and
``grades-gradebook.csv`` (one row per learner, one column of points per exercise); ``--html`` and
``--gradebook`` name other files, or write them without ``--csv``.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from agnocourse.grading import notebook as nb
from agnocourse.grading import report, room, room_html
from agnocourse.grading.runner import DEFAULT_TIMEOUT, CellResult, NotebookResult, grade


class UsageError(Exception):
    """A problem with the command line's files: reported on stderr, exit status 2."""


def default_solutions() -> Path:
    here = Path("solutions")
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / "solutions"


def matching_solution(path: Path, solutions: Path) -> Path:
    """The solutions notebook for a learner's notebook: the same stem, a stem its name or folder contains, or
    else the one sharing the most exercise ids with the notebook's check cells (``alice-04.ipynb``)."""
    candidates = sorted(solutions.glob("*.ipynb"))
    for candidate in candidates:
        if candidate.stem == path.stem:
            return candidate
    for candidate in sorted(candidates, key=lambda c: -len(c.stem)):
        if candidate.stem in path.stem or candidate.stem in path.parent.name:
            return candidate
    mine = set(nb.check_ids(nb.read(path)))
    shared = {c: len(mine & set(nb.check_ids(nb.read(c)))) for c in candidates}
    best = max(shared, key=lambda c: shared[c], default=None)
    if best is None or shared[best] == 0:
        raise UsageError(
            f"{path}: no notebook in {solutions} matches its name or its exercise ids; "
            "name it like the exercise notebook"
        )
    return best


def collect(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not found:
        raise UsageError("no notebooks to grade")
    return found


def _progress(name: str, quiet: bool):
    def on_cell(result: CellResult) -> None:
        if not quiet:
            mark = "." if result.status == "passed" else "x"
            print(mark, end="", file=sys.stderr, flush=True)

    if not quiet:
        print(f"grading {name} ", end="", file=sys.stderr, flush=True)
    return on_cell


def grade_one(path: Path, solutions: Path, timeout: int, quiet: bool) -> NotebookResult:
    solution = matching_solution(path, solutions)
    result = grade(path, solution, timeout, _progress(str(path), quiet))
    if not quiet:
        print(f" {result.seconds:.1f} s", file=sys.stderr)
    return result


def grade_safely(path: Path, solutions: Path, timeout: int) -> NotebookResult:
    """`grade_one`, with any failure to grade the file reported in its result instead of raised."""
    try:
        return grade_one(path, solutions, timeout, quiet=True)
    except (UsageError, nb.NotANotebookError) as error:
        return NotebookResult(path, problems=[str(error)])
    except Exception as error:  # one file must never stop the room; its row says what went wrong
        return NotebookResult(path, problems=[f"{path}: the grader failed on it ({type(error).__name__}: {error})"])


def grade_many(
    paths: list[Path], solutions: Path, timeout: int, jobs: int, quiet: bool = False
) -> list[NotebookResult]:
    """Grade notebooks in parallel; progress is one line per finished notebook. A file that cannot be graded
    gives a result with no exercises and the reason in its problems."""

    def one(path: Path) -> NotebookResult:
        result = grade_safely(path, solutions, timeout)
        if not quiet:
            state = f"{result.points}/{result.max_points}" if result.exercises else "not graded"
            print(f"graded {path}: {state} ({result.seconds:.1f} s)", file=sys.stderr)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, paths))


def room_outputs(csv: Path | None, html: Path | None, gradebook: Path | None) -> tuple[Path | None, Path | None]:
    """Where the room's report and gradebook go: where named, else beside the CSV."""
    if csv is not None:
        html = html or csv.with_suffix(".html")
        gradebook = gradebook or csv.with_name(f"{csv.stem}-gradebook.csv")
    return html, gradebook


def write_room(
    results: list[NotebookResult], given: list[Path], solutions: Path, html: Path | None, gradebook: Path | None
) -> None:
    if html is None and gradebook is None:
        return
    folders = [p for p in given if p.is_dir()]
    root = folders[0] if len(folders) == 1 and len(given) == 1 else None  # a learner's folder is the learner
    graded = room.aggregate(results, [p.stem for p in solutions.glob("*.ipynb")], root)
    if html is not None:
        html.write_text(room_html.render(graded), encoding="utf-8")
        print(f"wrote {html}", file=sys.stderr)
    if gradebook is not None:
        gradebook.write_text(room.gradebook(graded), encoding="utf-8", newline="")
        print(f"wrote {gradebook}", file=sys.stderr)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse grade", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="NOTEBOOK_OR_DIR")
    parser.add_argument("--csv", type=Path, help="instructor mode: write one row per notebook and exercise")
    parser.add_argument("--html", type=Path, help="the room's report as one HTML page (default: beside --csv)")
    parser.add_argument(
        "--gradebook", type=Path, help="one row per learner, a column per exercise (default: beside --csv)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of scoreboards")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks graded at once (default 2)")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT, help="seconds per cell (default 30)")
    parser.add_argument("--solutions", type=Path, default=None, help="the solutions folder (default solutions/)")
    options = parser.parse_args(argv)
    solutions = options.solutions or default_solutions()
    try:
        paths = collect(options.paths)
        outputs = (options.csv, options.html, options.gradebook)
        classroom = any(o is not None for o in outputs) or any(p.is_dir() for p in options.paths)
        if classroom:
            results = grade_many(paths, solutions, options.timeout, options.jobs)
        else:
            results = [grade_one(p, solutions, options.timeout, quiet=False) for p in paths]
    except (UsageError, nb.NotANotebookError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return 2
    if options.json:
        print(report.as_json(results))
    elif classroom:
        print(report.summary(results))
    else:
        print("\n\n".join(report.scoreboard(r) for r in results))
    if options.csv is not None:
        report.write_csv(results, options.csv)
        print(f"wrote {options.csv}", file=sys.stderr)
    write_room(results, options.paths, solutions, *room_outputs(options.csv, options.html, options.gradebook))
    return 0 if all(r.passed for r in results) else 1
