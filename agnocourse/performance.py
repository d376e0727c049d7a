"""Measure the rules' performance claims on this machine, and judge each claim with margins that survive noise.

An I/O-bound call waits `LATENCY` seconds: ``await asyncio.sleep`` in the async patterns, ``time.sleep`` in a
worker thread in the thread patterns. Every measurement runs in a fresh Python process
(``python -m agnocourse.performance COMMAND ...`` prints one JSON object), so one run's memory never pollutes
the next. `summary()` runs everything and returns one (claim, verdict) row per claim.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import io
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from agnocourse.timeline import Timeline

LATENCY = 0.02  # seconds one mock I/O call waits
SIZES = (10, 100, 1_000, 10_000)
POOL_CAP = 1_000  # the largest thread pool we start: "a pool sized to N" means min(N, POOL_CAP) workers
# ThreadPoolExecutor() and asyncio.to_thread; Python 3.13 counts the CPUs this process may use (os.process_cpu_count)
DEFAULT_WORKERS = min(32, (getattr(os, "process_cpu_count", os.cpu_count)() or 1) + 4)
# Runs whose wall time is known by construction stop early: sequential is N * L (2 s at N=100), a default pool
# is ceil(N / DEFAULT_WORKERS) * L (3.4 s at N=1 000).
KNOWN_BY_CONSTRUCTION = {
    "sequential": 10,
    "to_thread (default executor)": 100,
    "ThreadPoolExecutor (default workers)": 100,
}
# to_thread on a pool of N stops at 1 000 calls too: at 10 000 a run takes over a second and adds nothing that
# the ThreadPoolExecutor of the same size does not show.
MEASURED_UP_TO = KNOWN_BY_CONSTRUCTION | {"to_thread (executor sized to N)": 1_000}
QUICK_RUN = 0.1  # runs shorter than this are repeated, best of QUICK_REPEATS
QUICK_REPEATS = 5
SCALING_SIZES = (100_000,)  # 10 000 is in the grid
PARKED_TASKS = 10_000
PARKED_THREADS = 200
# Two wall times within 20% of each other are the same speed on this machine; so are two within the spread of
# repeated runs of either, when that is larger (on a loaded machine, a 20 ms run can wake several ms late).
INDISTINGUISHABLE = 0.2
RANGE_MARGIN = 0.25  # a claimed range [low, high] is read as [low / 1.25, high * 1.25]
ROOT = Path(__file__).resolve().parents[1]

HOLDS, PARTLY, DOES_NOT_HOLD = "holds", "partly", "does not hold"


# -- the calls and the patterns ---------------------------------------------------------------------------------


def _span(timeline: Timeline | None, index: int) -> AbstractContextManager[None]:
    return timeline.span(f"call {index}") if timeline is not None else nullcontext()


def blocking_call(latency: float, timeline: Timeline | None = None, index: int = 0) -> None:
    with _span(timeline, index):
        time.sleep(latency)


async def async_call(latency: float, timeline: Timeline | None = None, index: int = 0) -> None:
    with _span(timeline, index):
        await asyncio.sleep(latency)


def pool_size(n: int) -> int:
    return min(n, POOL_CAP)


def run_sequential(n: int, latency: float, timeline: Timeline | None = None) -> None:
    for index in range(n):
        blocking_call(latency, timeline, index)


async def run_taskgroup(n: int, latency: float, timeline: Timeline | None = None) -> None:
    async with asyncio.TaskGroup() as group:
        for index in range(n):
            group.create_task(async_call(latency, timeline, index))


async def run_gather(n: int, latency: float, timeline: Timeline | None = None) -> None:
    await asyncio.gather(*(async_call(latency, timeline, index) for index in range(n)))  # agno-rules: ignore[AGN202]


def run_bridge(n: int, latency: float, timeline: Timeline | None = None) -> None:
    """The sync-to-async bridge: a fresh event loop from sync code, then a TaskGroup inside it."""
    asyncio.run(run_taskgroup(n, latency, timeline))


async def run_to_thread(n: int, latency: float, timeline: Timeline | None = None) -> None:
    """`asyncio.to_thread` runs on the loop's default executor: DEFAULT_WORKERS threads unless replaced."""
    async with asyncio.TaskGroup() as group:
        for index in range(n):
            group.create_task(asyncio.to_thread(blocking_call, latency, timeline, index))


async def run_to_thread_sized(n: int, latency: float, timeline: Timeline | None = None) -> None:
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(pool_size(n)))
    await run_to_thread(n, latency, timeline)


def _run_in_pool(pool: ThreadPoolExecutor, n: int, latency: float, timeline: Timeline | None) -> None:
    with pool:
        futures = [pool.submit(blocking_call, latency, timeline, index) for index in range(n)]
        for future in futures:
            future.result()


def run_threadpool(n: int, latency: float, timeline: Timeline | None = None) -> None:
    _run_in_pool(ThreadPoolExecutor(), n, latency, timeline)


def run_threadpool_sized(n: int, latency: float, timeline: Timeline | None = None) -> None:
    _run_in_pool(ThreadPoolExecutor(pool_size(n)), n, latency, timeline)


@dataclass(frozen=True)
class Pattern:
    name: str
    run: Callable[..., Any]  # (n, latency, timeline) -> None, or a coroutine function timed inside its loop
    is_async: bool
    workers: Callable[[int], int]  # threads doing the waiting (0: none, the event loop waits)


PATTERNS = {
    p.name: p
    for p in (
        Pattern("sequential", run_sequential, False, lambda n: 1),
        Pattern("TaskGroup", run_taskgroup, True, lambda n: 0),
        Pattern("gather", run_gather, True, lambda n: 0),
        Pattern("asyncio.run + TaskGroup", run_bridge, False, lambda n: 0),
        Pattern("to_thread (default executor)", run_to_thread, True, lambda n: DEFAULT_WORKERS),
        Pattern("to_thread (executor sized to N)", run_to_thread_sized, True, pool_size),
        Pattern("ThreadPoolExecutor (default workers)", run_threadpool, False, lambda n: DEFAULT_WORKERS),
        Pattern("ThreadPoolExecutor (workers sized to N)", run_threadpool_sized, False, pool_size),
    )
}
TASKGROUP, GATHER, BRIDGE = "TaskGroup", "gather", "asyncio.run + TaskGroup"
TO_THREAD, TO_THREAD_SIZED = "to_thread (default executor)", "to_thread (executor sized to N)"
POOL, POOL_SIZED = "ThreadPoolExecutor (default workers)", "ThreadPoolExecutor (workers sized to N)"


def expected_seconds(name: str, n: int, latency: float = LATENCY) -> float:
    """The wall time by construction: one latency per round, N / workers rounds (one for the event loop)."""
    workers = PATTERNS[name].workers(n)
    return latency * (math.ceil(n / workers) if workers else 1)


def is_measured(name: str, n: int) -> bool:
    return n <= MEASURED_UP_TO.get(name, n)


# -- measuring in this process --------------------------------------------------------------------------------


def memory_status() -> dict[str, int]:
    """VmRSS (resident), VmHWM (peak resident), VmSize (reserved) and VmPeak (peak reserved), in kB."""
    with open("/proc/self/status") as status:
        lines = [line.split(":", 1) for line in status if line.startswith("Vm")]
    return {key: int(value.split()[0]) for key, value in lines}


def reset_peak_resident() -> None:
    """Linux: writing 5 to clear_refs resets VmHWM to the current resident size."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


async def _time_in_loop(pattern: Pattern, n: int, latency: float) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    await pattern.run(n, latency)
    return time.perf_counter() - wall, time.process_time() - cpu


def time_once(pattern: Pattern, n: int, latency: float) -> tuple[float, float]:
    """(wall, CPU) seconds of one run; async patterns are timed inside a running loop, the others from sync code."""
    if pattern.is_async:
        return asyncio.run(_time_in_loop(pattern, n, latency))
    wall, cpu = time.perf_counter(), time.process_time()
    pattern.run(n, latency)
    return time.perf_counter() - wall, time.process_time() - cpu


@dataclass(frozen=True)
class Measurement:
    pattern: str
    n: int
    latency: float
    workers: int
    wall_s: float  # the best run
    cpu_s: float  # CPU time of that best run, every thread of the process included
    peak_resident_kb: int  # peak resident memory above the process's starting point
    peak_reserved_kb: int  # peak virtual size above the starting point
    repeats: int  # QUICK_REPEATS for quick runs, else 1
    spread: float = 0.0  # (slowest - best) / best over the repeats: how much this machine's noise moved the run


def measure_here(name: str, n: int, latency: float = LATENCY) -> Measurement:
    """Time a pattern (best of QUICK_REPEATS when a run is quick) and its peak memory, in this process."""
    pattern = PATTERNS[name]
    reset_peak_resident()
    start = memory_status()
    runs = [time_once(pattern, n, latency)]
    if runs[0][0] < QUICK_RUN:
        runs += [time_once(pattern, n, latency) for _ in range(QUICK_REPEATS - 1)]
    wall, cpu = min(runs)
    end = memory_status()
    return Measurement(
        name,
        n,
        latency,
        pattern.workers(n),
        wall,
        cpu,
        end["VmHWM"] - start["VmRSS"],
        max(end["VmPeak"] - start["VmSize"], 0),
        len(runs),
        max(runs)[0] / wall - 1,
    )


def park_tasks(count: int) -> dict[str, float]:
    """Resident and reserved kB per asyncio task parked on an event, as a task waiting for I/O is."""

    async def parked() -> dict[str, float]:
        event = asyncio.Event()
        before = memory_status()
        tasks = [asyncio.create_task(event.wait()) for _ in range(count)]
        await asyncio.sleep(0)  # every task starts and parks
        after = memory_status()
        event.set()
        await asyncio.gather(*tasks)  # agno-rules: ignore[AGN202]
        return _per_unit(before, after, count)

    return asyncio.run(parked())


def park_threads(count: int) -> dict[str, float]:
    """Resident and reserved kB per thread parked on an event, as a thread blocked in I/O is."""
    event = threading.Event()
    before = memory_status()
    threads = [threading.Thread(target=event.wait) for _ in range(count)]
    for thread in threads:
        thread.start()
    time.sleep(0.05)  # let every thread reach its wait
    after = memory_status()
    event.set()
    for thread in threads:
        thread.join()
    return _per_unit(before, after, count)


def _per_unit(before: dict[str, int], after: dict[str, int], count: int) -> dict[str, float]:
    return {
        "count": count,
        "resident_kb": (after["VmRSS"] - before["VmRSS"]) / count,
        "reserved_kb": (after["VmSize"] - before["VmSize"]) / count,
    }


async def _many_tasks(count: int) -> None:
    async def one() -> None:
        await asyncio.sleep(0)

    async with asyncio.TaskGroup() as group:
        for _ in range(count):
            group.create_task(one())


async def _loopback_writes(count: int, size: int = 4096) -> None:
    """Write `count` chunks through an asyncio stream to a server on 127.0.0.1."""
    received = asyncio.Event()

    async def drain_all(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        total = 0
        while total < count * size and (chunk := await reader.read(65536)):
            total += len(chunk)
        writer.close()
        received.set()

    server = await asyncio.start_server(drain_all, "127.0.0.1", 0)
    _, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    payload = b"x" * size
    for _ in range(count):
        writer.write(payload)
        await writer.drain()
    await received.wait()
    writer.close()
    server.close()
    await server.wait_closed()


OVERHEAD_WORKLOADS: dict[str, Callable[[], Any]] = {
    "10 000 tasks (create, switch, finish)": lambda: _many_tasks(10_000),
    "10 000 stream writes on loopback": lambda: _loopback_writes(10_000),
}


def asyncio_overhead(repeats: int = 3) -> dict[str, Any]:
    """Best-of CPU seconds of CPU-bound asyncio workloads, where the interpreter's speed shows. CPU time, not wall
    time: other work on the machine would lengthen a wall time, and compare two interpreters by how busy the
    machine was while each ran."""
    result: dict[str, Any] = {"version": sys.version.split()[0]}
    for name, workload in OVERHEAD_WORKLOADS.items():
        result[name] = min(_timed_run(workload) for _ in range(repeats))
    return result


def _timed_run(workload: Callable[[], Any]) -> float:
    started = time.process_time()
    asyncio.run(workload())
    return time.process_time() - started


# -- measuring in a fresh process ------------------------------------------------------------------------------


def fresh(*args: object, python: str = sys.executable) -> dict[str, Any]:
    """Run one command of this module in a new interpreter and return the JSON it prints."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    command = [python, "-m", "agnocourse.performance", *map(str, args)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(name: str, n: int, latency: float = LATENCY) -> Measurement:
    return Measurement(**fresh("run", name, n, latency))


def measure_grid(sizes: tuple[int, ...] = SIZES, latency: float = LATENCY) -> list[Measurement]:
    """Every pattern at every size, each in its own process, skipping runs whose time is known by construction."""
    return [measure(name, n, latency) for n in sizes for name in PATTERNS if is_measured(name, n)]


def measure_scaling(sizes: tuple[int, ...] = SCALING_SIZES, latency: float = LATENCY) -> list[Measurement]:
    return [measure(TASKGROUP, n, latency) for n in sizes]


def taskgroup_runs(measurements: list[Measurement], at_least: int = 10_000) -> list[Measurement]:
    return sorted((m for m in measurements if m.pattern == TASKGROUP and m.n >= at_least), key=lambda m: m.n)


def memory_per_task(count: int = PARKED_TASKS) -> dict[str, float]:
    return fresh("park-tasks", count)


def memory_per_thread(count: int = PARKED_THREADS) -> dict[str, float]:
    return fresh("park-threads", count)


def interpreter_version(python: str) -> str | None:
    try:
        done = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True)
    except OSError:
        return None
    return done.stdout.decode().strip() if done.returncode == 0 else None


def _candidates(minor: str) -> Iterator[str]:
    """Where an interpreter may be on this machine: the PATH, then pyenv's builds."""
    if found := shutil.which(f"python{minor}"):
        yield found
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for version in sorted(pyenv_root.glob(f"versions/{minor}.*"), reverse=True):
        yield str(version / "bin" / f"python{minor}")


def find_interpreter(minor: str) -> str | None:
    """A working interpreter of that version (e.g. "3.12"): the running one, or one already on this machine."""
    if sys.version.startswith(f"{minor}."):
        return sys.executable
    for candidate in _candidates(minor):
        version = interpreter_version(candidate)
        if version and version.startswith(f"{minor}."):
            return candidate
    return None


def compare_versions(minors: tuple[str, ...] = ("3.11", "3.12", "3.13")) -> dict[str, dict[str, Any]]:
    """The asyncio overhead workloads on every listed version found here (missing versions are left out)."""
    found = {minor: find_interpreter(minor) for minor in minors}
    return {minor: fresh("overhead", python=python) for minor, python in found.items() if python}


# -- verdicts --------------------------------------------------------------------------------------------------


def speed_outcome(claimed_faster: float, other: float, margin: float = INDISTINGUISHABLE) -> str:
    """Compare two wall times: 'faster', 'indistinguishable' (within the margin) or 'slower'."""
    ratio = other / claimed_faster
    if ratio > 1 + margin:
        return "faster"
    if ratio < 1 / (1 + margin):
        return "slower"
    return "indistinguishable"


def range_outcome(ratio: float, low: float, high: float, margin: float = RANGE_MARGIN) -> str:
    if ratio < low / (1 + margin):
        return "below"
    if ratio > high * (1 + margin):
        return "above"
    return "within"


def range_verdict(ratios: list[float], low: float, high: float, margin: float = RANGE_MARGIN) -> str:
    """'holds' if every ratio is in the claimed range (with margin), 'does not hold' if none is."""
    inside = [range_outcome(r, low, high, margin) == "within" for r in ratios]
    return HOLDS if all(inside) else PARTLY if any(inside) else DOES_NOT_HOLD


def order_verdict(outcomes: list[str]) -> str:
    """A claimed best-to-worst order: every neighbour 'faster' holds; none 'faster' does not hold."""
    faster = [outcome == "faster" for outcome in outcomes]
    return HOLDS if all(faster) else PARTLY if any(faster) else DOES_NOT_HOLD


def improvement_verdict(speedups: list[float], claimed: float, margin: float = RANGE_MARGIN) -> str:
    """'holds' if every speedup reaches the claim (with margin); 'does not hold' if none beats noise."""
    if all(s >= claimed / (1 + margin) for s in speedups):
        return HOLDS
    if all(s <= 1 + INDISTINGUISHABLE for s in speedups):
        return DOES_NOT_HOLD
    return PARTLY


def size_verdict(measured: float, claimed: float, factor: float = 2.0) -> str:
    """A claimed size holds if the measured one is within a factor of it."""
    return HOLDS if claimed / factor <= measured <= claimed * factor else DOES_NOT_HOLD


def combined(verdicts: list[str]) -> str:
    return HOLDS if all(v == HOLDS for v in verdicts) else DOES_NOT_HOLD if HOLDS not in verdicts else PARTLY


@dataclass(frozen=True)
class Verdict:
    claim: str
    measured: str
    figures: str
    verdict: str


def wall(grid: list[Measurement], name: str, n: int) -> float:
    return next(m.wall_s for m in grid if m.pattern == name and m.n == n)


def pool_ratios(grid: list[Measurement]) -> dict[str, float]:
    """ThreadPoolExecutor wall time / TaskGroup wall time, wherever both were measured."""
    ratios = {}
    for name, label in ((POOL, "default pool"), (POOL_SIZED, "pool of N")):
        for m in (m for m in grid if m.pattern == name):
            ratios[f"{label}, N={m.n:,}"] = m.wall_s / wall(grid, TASKGROUP, m.n)
    return ratios


# The ratios far from 2x and 5x on every run. A pool of N's ratio moves with how fast the machine starts threads
# (0.1 to 4 ms each on this virtual machine), from 1x to 2x at N=10 between runs.
STEADY_RATIOS = ("default pool, N=10", "default pool, N=100")


def taskgroup_vs_threadpool(grid: list[Measurement]) -> Verdict:
    ratios = pool_ratios(grid)
    return Verdict(
        "TaskGroup: 2-5x faster than ThreadPoolExecutor for I/O-bound tasks",
        f"ThreadPoolExecutor wall time / TaskGroup wall time (default pool: {DEFAULT_WORKERS} workers)",
        ", ".join(f"{label}: {ratio:.1f}x" for label, ratio in ratios.items()),
        range_verdict([ratios[label] for label in STEADY_RATIOS], 2, 5),
    )


HIERARCHY = (TASKGROUP, GATHER, TO_THREAD, BRIDGE, POOL)


def pair_outcome(grid: list[Measurement], claimed_faster: str, other: str, n: int = 100) -> str:
    """`speed_outcome` of two patterns at N calls, with a margin no narrower than either run's spread."""
    a, b = (next(m for m in grid if m.pattern == name and m.n == n) for name in (claimed_faster, other))
    return speed_outcome(a.wall_s, b.wall_s, max(INDISTINGUISHABLE, a.spread, b.spread))


def hierarchy_outcomes(grid: list[Measurement], n: int = 100) -> list[tuple[str, str, str]]:
    """Each claimed better/worse neighbour pair and how they compare at N calls."""
    return [(a, b, pair_outcome(grid, a, b, n)) for a, b in itertools.pairwise(HIERARCHY)]


def _phrase(outcome: str) -> str:
    return "same speed as" if outcome == "indistinguishable" else f"{outcome} than"


def performance_hierarchy(grid: list[Measurement], n: int = 100) -> Verdict:
    outcomes = hierarchy_outcomes(grid, n)
    return Verdict(
        "Hierarchy: TaskGroup > gather > to_thread > asyncio.run + TaskGroup > ThreadPoolExecutor",
        f"wall time of each neighbour pair at N={n}",
        "; ".join(f"{a} {_phrase(outcome)} {b}" for a, b, outcome in outcomes),
        order_verdict([outcome for _, _, outcome in outcomes]),
    )


def python_312(versions: dict[str, dict[str, Any]]) -> Verdict:
    claim = "asyncio: ~75% performance improvement in Python 3.12"
    if "3.11" not in versions or "3.12" not in versions:
        return Verdict(claim, "asyncio overhead, 3.11 against 3.12", "no 3.12 interpreter here", "not measured")
    speedups = {w: versions["3.11"][w] / versions["3.12"][w] for w in OVERHEAD_WORKLOADS}
    return Verdict(
        claim,
        f"asyncio overhead, {versions['3.11']['version']} time / {versions['3.12']['version']} time",
        ", ".join(f"{w}: {s:.2f}x" for w, s in speedups.items()),
        improvement_verdict(list(speedups.values()), 1.75),
    )


def memory_claim(task: dict[str, float], thread: dict[str, float]) -> Verdict:
    parts = [
        size_verdict(task["resident_kb"], 32),
        size_verdict(thread["resident_kb"], 8 * 1024),
        size_verdict(thread["reserved_kb"], 8 * 1024),
    ]
    return Verdict(
        "Memory usage: asyncio uses ~32KB per task vs ~8MB per thread",
        f"resident and reserved kB per parked task ({task['count']:.0f}) and thread ({thread['count']:.0f})",
        f"task: {task['resident_kb']:.1f} kB resident; thread: {thread['resident_kb']:.0f} kB resident, "
        f"{thread['reserved_kb'] / 1024:.1f} MB reserved",
        combined(parts),
    )


def scaling_claim(scaling: list[Measurement], minimum_speedup: float = 100) -> Verdict:
    """'Efficiently': N concurrent calls need at least 100x less time than N calls one after another, N x L. The
    time they need is one latency plus the CPU time the run spent creating and switching tasks: what the wall time
    is when the run has a core to itself. The wall time also counts the time other work on the machine holds the
    cores, which has nothing to do with asyncio's efficiency."""
    speedups = [m.n * m.latency / (m.latency + m.cpu_s) for m in scaling]
    return Verdict(
        "Concurrency: asyncio handles 1000+ concurrent operations efficiently",
        "N concurrent TaskGroup calls: one latency plus their CPU time, speedup over N*L, peak resident memory",
        "; ".join(
            f"N={m.n:,}: {m.latency:.2f} s + {m.cpu_s:.2f} CPU-s ({s:,.0f}x; {m.wall_s:.2f} s wall), "
            f"{m.peak_resident_kb / 1024:.0f} MB"
            for m, s in zip(scaling, speedups, strict=True)
        ),
        HOLDS if all(s >= minimum_speedup for s in speedups) else DOES_NOT_HOLD,
    )


@dataclass(frozen=True)
class Results:
    grid: list[Measurement]
    scaling: list[Measurement]
    task: dict[str, float]
    thread: dict[str, float]
    versions: dict[str, dict[str, Any]]


def measure_all() -> Results:
    return Results(measure_grid(), measure_scaling(), memory_per_task(), memory_per_thread(), compare_versions())


def verdicts(results: Results) -> list[Verdict]:
    return [
        taskgroup_vs_threadpool(results.grid),
        performance_hierarchy(results.grid),
        python_312(results.versions),
        memory_claim(results.task, results.thread),
        scaling_claim(taskgroup_runs(results.grid + results.scaling)),
    ]


def summary() -> list[tuple[str, str]]:
    """(claim, verdict with its key figures) for every claim, measured now (about 10 s on 2 cores)."""
    return [(v.claim, f"{v.verdict}: {v.figures}") for v in verdicts(measure_all())]


# -- presenting ------------------------------------------------------------------------------------------------


def to_csv(measurements: list[Measurement]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f.name for f in fields(Measurement)])
    writer.writerows([list(asdict(m).values()) for m in measurements])
    return out.getvalue()


def download_link(text: str, filename: str) -> str:
    """An HTML link that downloads `text` as a file, with no file written anywhere."""
    encoded = base64.b64encode(text.encode()).decode()
    return f'<a download="{filename}" href="data:text/csv;base64,{encoded}">Download {filename}</a>'


def html_table(header: list[str], rows: list[list[Any]]) -> str:
    def cells(tag: str, values: list[Any]) -> str:
        return "".join(f"<{tag}>{value}</{tag}>" for value in values)

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', header)}</tr></thead><tbody>{body}</tbody></table>"


def grid_table(measurements: list[Measurement]) -> str:
    header = ["pattern", "N", "threads", "wall s", "by construction s", "CPU s", "peak resident MB", "peak reserved MB"]
    rows = [
        [
            m.pattern,
            f"{m.n:,}",
            m.workers or "-",
            f"{m.wall_s:.3f}",
            f"{expected_seconds(m.pattern, m.n, m.latency):.3f}",
            f"{m.cpu_s:.3f}",
            f"{m.peak_resident_kb / 1024:.1f}",
            f"{m.peak_reserved_kb / 1024:,.0f}",
        ]
        for m in measurements
    ]
    return html_table(header, rows)


def verdict_table(items: list[Verdict]) -> str:
    return html_table(["claim", "what was measured", "figures", "verdict"], [list(asdict(v).values()) for v in items])


def ten_call_timelines(latency: float = LATENCY) -> dict[str, Timeline]:
    """Ten calls through every pattern, each recorded on its own timeline (in this process).

    The patterns start their own event loops, so they run in a helper thread: a notebook's thread already has one.
    """
    with ThreadPoolExecutor(1) as helper:
        return helper.submit(_record_ten_calls, latency).result()


def _record_ten_calls(latency: float) -> dict[str, Timeline]:
    timelines = {}
    for name, pattern in PATTERNS.items():
        timeline = Timeline()
        if pattern.is_async:
            asyncio.run(pattern.run(10, latency, timeline))
        else:
            pattern.run(10, latency, timeline)
        timelines[name] = timeline
    return timelines


def plot_timelines(timelines: dict[str, Timeline]) -> Any:
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 4, figsize=(14, 5), sharex=True, sharey=True)
    for ax, (name, timeline) in zip(axes.flat, timelines.items(), strict=True):
        timeline.plot(ax=ax)
        ax.set_title(f"{name}\n{timeline.wall_time:.2f} s", fontsize=9)
        ax.set_xlabel("seconds")
    fig.tight_layout()
    return fig


def plot_against_n(grid: list[Measurement]) -> Any:
    """Wall time, peak resident and peak reserved memory against N, one line per pattern, log scales."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    panels = [
        ("wall time (s)", lambda m: m.wall_s),
        ("peak resident memory above start (MB)", lambda m: max(m.peak_resident_kb, 1) / 1024),
        ("peak reserved (virtual) memory above start (MB)", lambda m: max(m.peak_reserved_kb, 1) / 1024),
    ]
    for ax, (label, value) in zip(axes, panels, strict=True):
        for index, name in enumerate(PATTERNS):
            points = [m for m in grid if m.pattern == name]
            style = "--" if PATTERNS[name].workers(1) else "-"
            ax.plot([m.n for m in points], [value(m) for m in points], style, marker="o", color=f"C{index}", label=name)
        ax.set(xscale="log", yscale="log", xlabel="N concurrent calls", ylabel=label)
        ax.grid(alpha=0.3)
    for index, name in enumerate(PATTERNS):
        if name in KNOWN_BY_CONSTRUCTION:
            sizes = [n for n in SIZES if n >= KNOWN_BY_CONSTRUCTION[name]]
            times = [expected_seconds(name, n, grid[0].latency) for n in sizes]
            axes[0].plot(sizes, times, ":", color=f"C{index}", label=f"{name}, by construction")
    axes[0].legend(fontsize=7)
    fig.tight_layout()
    return fig


def plot_memory_per_unit(task: dict[str, float], thread: dict[str, float]) -> Any:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    labels = ["task resident", "thread resident", "thread reserved"]
    values = [task["resident_kb"], thread["resident_kb"], thread["reserved_kb"]]
    ax.barh(labels, values, color=["C1", "C0", "C0"])
    ax.axvline(32, color="C3", linestyle=":", label="claimed 32 kB per task")
    ax.axvline(8 * 1024, color="C3", linestyle="--", label="claimed 8 MB per thread")
    ax.set(xscale="log", xlabel="kB each (log scale)")
    ax.invert_yaxis()
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def plot_versions(versions: dict[str, dict[str, Any]]) -> Any:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3))
    width = 0.8 / max(len(versions), 1)
    for index, figures in enumerate(versions.values()):
        offsets = [row + index * width for row in range(len(OVERHEAD_WORKLOADS))]
        ax.barh(offsets, [figures[w] * 1000 for w in OVERHEAD_WORKLOADS], height=width, label=figures["version"])
    ax.set_yticks([row + width * (len(versions) - 1) / 2 for row in range(len(OVERHEAD_WORKLOADS))])
    ax.set_yticklabels(list(OVERHEAD_WORKLOADS))
    ax.set(xlabel="CPU milliseconds (best of 3, shorter is faster)")
    ax.invert_yaxis()
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


# -- the command line used by `fresh` ---------------------------------------------------------------------------


def _command(args: list[str]) -> Any:
    match args:
        case ["run", name, n, latency]:
            return asdict(measure_here(name, int(n), float(latency)))
        case ["park-tasks", count]:
            return park_tasks(int(count))
        case ["park-threads", count]:
            return park_threads(int(count))
        case ["overhead"]:
            return asyncio_overhead()
    raise SystemExit(f"unknown command: {args}")


if __name__ == "__main__":
    print(json.dumps(_command(sys.argv[1:])))
