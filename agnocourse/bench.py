"""``make bench``: measure what a newcomer and a maintainer wait for, and print one table.

Setup from nothing (needs the package index), a cold book build with an empty execution cache (and one with every
notebook executed), a cached rebuild (what the test suite's build costs after ``make book``), the full ``make test``
with the CPU time it took, its two pytest phases and its slowest tests, each notebook's execution time, the rule
checker on the whole repository, and the grader on one notebook and on a classroom of notebooks. ``--quick`` skips
the three slow ones (setup, ``make test`` and the classroom), which take minutes. The machine's load is printed with
the figures: on a shared machine they grow with it.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from agnocourse.execute import kernel_of

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_FOLDERS = ("notebooks", "solutions", "agno3")


def timed(command: list[str], **options) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True, **options)
    return time.perf_counter() - started


def environment_from_nothing() -> float:
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "venv"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", "-r", "requirements.txt"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def book_builds() -> tuple[float, float, float]:
    """`make book` cold, into an empty output folder (so an empty cache): as it is, with the committed outputs
    of unchanged code, and with EXECUTE=1, every notebook executed; then again from its cache."""
    times = []
    for execute in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            build = [sys.executable, "-m", "agnocourse", "book", "--output", folder]
            build += ["--execute"] if execute else []
            times.append(timed(build))
            if execute:
                times.append(timed(build))
    return times[0], times[1], times[2]


SLOWEST = 25
DURATION = re.compile(r"^(\d+\.\d+)s (setup|call|teardown)\s+(\S.*)$")
PHASE = re.compile(r"^\d+ passed.* in \d+\.\d+s")


def make_test() -> tuple[float, float, list[tuple[str, str]]]:
    """``make test``'s wall time, the CPU time of everything it ran (on a machine with N cores, the wall time cannot
    fall below this divided by N), and its pytest phases and slowest tests as pytest reports them."""
    environment = {**os.environ, "PYTEST_ADDOPTS": f"--durations={SLOWEST} --durations-min=0.5"}
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(["make", "test"], cwd=ROOT, check=True, capture_output=True, text=True, env=environment)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    return seconds, cpu, phases_and_slowest(done.stdout)


def phases_and_slowest(output: str) -> list[tuple[str, str]]:
    """From pytest's output: each phase's count and time ("808 passed in 126.75s"), then its slowest tests."""
    lines = [line.strip("= ") for line in output.splitlines()]
    rows = [
        (f"  pytest: {line.split(' in ')[0]}", line.split(" in ")[1].split(" (")[0])
        for line in lines
        if PHASE.match(line)
    ]
    slowest = [match.groups() for line in lines if (match := DURATION.match(line))]
    return rows + [(f"  {phase} {test}", f"{float(figure):.1f} s") for figure, phase, test in slowest]


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def notebook_times() -> Iterator[tuple[str, float]]:
    for folder in NOTEBOOK_FOLDERS:
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            client = NotebookClient(
                notebook,
                timeout=120,
                kernel_name=kernel_of(notebook),
                resources={"metadata": {"path": str(path.parent)}},
            )
            started = time.perf_counter()
            client.execute()
            yield f"{folder}/{path.name}", time.perf_counter() - started


def _checker_figures(figures: dict[str, Any]) -> str:
    return (
        f"{figures['files']} files, {figures['lines']} lines in {figures['seconds'] * 1000:.0f} ms "
        f"({figures['lines_per_second']:,.0f} lines/s; {figures['lines'] / max(figures['cpu_seconds'], 1e-9):,.0f} "
        "lines per CPU second)"
    )


def checker_speed() -> str:
    from agnocourse import rules

    return _checker_figures(
        rules.benchmark([ROOT / name for name in ("notebooks", "solutions", "agnocourse", "tests", "book")])
    )


def checker_on_agno() -> str:
    """The checker over the agno library installed in the environment (code nobody here wrote), for its own
    release line, with how many findings of each code it reports there."""
    from importlib import metadata

    import agno_async_rules

    source = Path(str(metadata.distribution("agno").locate_file("agno")))
    figures = agno_async_rules.benchmark([source], agno_version=metadata.version("agno"))
    codes = ", ".join(f"{code} {count}" for code, count in figures["codes"].items()) or "no findings"
    return f"{_checker_figures(figures)}; {codes}"


def grading_speed(classroom: bool) -> list[tuple[str, str]]:
    from agnocourse import grading

    return [(name, f"{seconds:.1f} s") for name, seconds in grading.benchmark(classroom=classroom).items()]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip setup, make test and the classroom")
    options = parser.parse_args(argv)
    rows: list[tuple[str, str]] = []

    def measure(name: str, run: Callable[[], str]) -> None:
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        rows.append((name, run()))

    if not options.quick:
        measure("environment from nothing (venv + pinned install)", lambda: f"{environment_from_nothing():.1f} s")
    cold, executed, cached = book_builds()
    rows += [("book build, cold (empty execution cache)", f"{cold:.1f} s")]
    rows += [("book build, cold, every notebook executed (EXECUTE=1)", f"{executed:.1f} s")]
    rows += [("book rebuild, cached", f"{cached:.1f} s")]
    if not options.quick:
        print("measuring make test ...", file=sys.stderr, flush=True)
        seconds, cpu, phases = make_test()
        rows += [
            (
                "make test (everything)",
                f"{seconds:.1f} s, {cpu:.0f} CPU-s ({cpu / (os.cpu_count() or 1):.0f} s per core)",
            )
        ]
        rows += [(f"make test's phases and slowest tests (pytest --durations={SLOWEST})", ""), *phases]
    for name, seconds in notebook_times():
        rows.append((f"execute {name}", f"{seconds:.1f} s"))
    measure("rule checker on the repository", checker_speed)
    measure("rule checker on the installed agno library", checker_on_agno)
    rows += grading_speed(classroom=not options.quick)
    from agnocourse import performance

    rows += performance.summary()

    rows.append(("load average at the end", load()))
    width = max(len(name) for name, _ in rows)
    print(f"\n{'what':<{width}}  measured")
    print(f"{'-' * width}  --------")
    for name, figure in rows:
        print(f"{name:<{width}}  {figure}")
    return 0
