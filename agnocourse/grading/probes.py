"""What checks observe: the learner's code run inside an event loop, timed, and read by the rule checker.

It imports no name of one agno line, so the checks of both tracks use it."""

from __future__ import annotations

import ast
import asyncio
import bisect
import inspect
import itertools
import linecache
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from agno.agent import Agent

from agnocourse.grading.feedback import expect_timing, fail, sentence
from agnocourse.grading.harness import run_loop
from agnocourse.offline import OfflineModel, offline_agent
from agnocourse.timeline import Span, Timeline, spans_in_words


# -- the learner's source, for the rule checker ---------------------------------------------------------
def source_of(obj: Any) -> str:
    """The source of a function or class, also for classes defined in a notebook cell.

    On Python 3.11 `inspect.getsource` cannot find a class defined in a notebook (its module has no
    file), so the class is found again in the cell that defined one of its methods.
    """
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        if not inspect.isclass(obj):
            raise
    for member in vars(obj).values():
        code = getattr(inspect.unwrap(member), "__code__", None) if callable(member) else None
        if code is None:
            continue
        text = "".join(linecache.getlines(code.co_filename))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.name == obj.__name__:
                if node.lineno <= code.co_firstlineno <= (node.end_lineno or node.lineno):
                    return ast.get_source_segment(text, node) or ""
    raise OSError(f"the source of {obj.__name__} cannot be found")


def findings(obj: Any, codes: Iterable[str]) -> list[Any]:
    """The rule checker's findings with the given codes on the source of `obj`."""
    try:
        from agnocourse.rules import check_source
    except ImportError as missing:
        raise RuntimeError(
            "the structural checks need the rule checker agnocourse.rules, which is not installed"
        ) from missing
    wanted = set(codes)
    name = getattr(obj, "__name__", "<answer>")
    return [f for f in check_source(source_of(obj), filename=name) if f.code in wanted]


def expect_clean(obj: Any, codes: Iterable[str], hint: str) -> None:
    """Fail with the first finding of the rule checker among `codes` on the source of `obj`."""
    for finding in findings(obj, codes):
        fail(finding.code, f"{obj.__name__}, line {finding.line}: {finding.message}", hint)


# -- agents whose model notes when its stream ends --------------------------------------------------------
class _Marks:
    """Times shared by every copy of a probe model (agno deep-copies models)."""

    def __init__(self) -> None:
        self.last_chunk_at: float | None = None

    def __deepcopy__(self, memo: dict[int, Any]) -> _Marks:
        return self


@dataclass
class ProbeModel(OfflineModel):
    """An OfflineModel that records when it produced its last streamed chunk."""

    marks: _Marks = field(default_factory=_Marks)

    def invoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        for delta in super().invoke_stream(messages, *args, **kwargs):
            self.marks.last_chunk_at = time.perf_counter()
            yield delta

    async def ainvoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        async for delta in super().ainvoke_stream(messages, *args, **kwargs):
            self.marks.last_chunk_at = time.perf_counter()
            yield delta


def probe_agent(name: str, reply: str, *, latency: float = 0.0, chunk_delay: float = 0.0) -> Agent:
    agent = offline_agent(name)
    agent.model = ProbeModel(reply=reply, latency=latency, chunk_delay=chunk_delay)
    return agent


def last_chunk_at(agent: Agent) -> float | None:
    model = agent.model
    return model.marks.last_chunk_at if isinstance(model, ProbeModel) else None


def model_prompts(agent: Agent) -> list[str]:
    model = agent.model
    return model.prompts if isinstance(model, OfflineModel) else []


# -- what runs waited on, on one clock -------------------------------------------------------------------------
def run_timelines(count: int) -> list[Timeline]:
    """One timeline per run, all on one clock: each records what its run waited on."""
    origin = time.perf_counter()
    return [Timeline(origin) for _ in range(count)]


def record_waits(parts: Iterable[Any], timeline: Timeline) -> None:
    """Have each part record its calls on `timeline`: an agent on an offline model records each model call, from
    its start to its answer's end; a client with a `timeline` attribute (agnocourse.tools) each of its calls."""
    for part in parts:
        if isinstance(part, Agent) and isinstance(part.model, OfflineModel):
            part.model.record_calls(timeline, part.name or "model")
            continue
        if isinstance(part, Agent) or not hasattr(part, "timeline"):
            raise TypeError(f"{type(part).__name__} records no calls: give an agent on an offline model or a client")
        client: Any = part
        client.timeline = timeline


def waited_together(timelines: Sequence[Timeline]) -> bool:
    """At one moment every timeline had a span open: every run was waiting at once. Spans that only touch (one ends
    as the next begins) were not open together."""
    events = sorted(
        (moment, change, run)
        for run, timeline in enumerate(timelines)
        for span in timeline.spans
        for moment, change in ((span.start, 1), (span.end, -1))
    )
    open_spans = [0] * len(timelines)
    for _, change, run in events:  # at one moment, ends (-1) come before starts (+1)
        open_spans[run] += change
        if change > 0 and all(open_spans):
            return True
    return False


def waits_in_words(timelines: Sequence[Timeline]) -> str:
    """Each run's recorded waits, from the first one's start: `run 1: writer 0.00-0.30 s; run 2: ...`."""
    first = min((span.start for timeline in timelines for span in timeline.spans), default=0.0)

    return "; ".join(
        f"run {index}: {spans_in_words(timeline.spans, first) or 'no call'}"
        for index, timeline in enumerate(timelines, start=1)
    )


def expect_waits_together(timelines: Sequence[Timeline], code: str, where: str, hint: str) -> None:
    """The concurrent runs overlapped: at one moment each of them was waiting on a call it made (read from the
    calls' recorded spans, which a busy machine stretches but never pulls apart). Runs that take turns never are."""
    expect_timing(
        waited_together(timelines),
        code,
        f"{len(timelines)} concurrent runs of {where} never all waited at one moment, so they did not overlap: "
        f"{waits_in_words(timelines)}.",
        hint,
    )


# -- running the learner's paths ----------------------------------------------------------------------------
@dataclass
class Run:
    """What a path produced: the items, when each arrived, and how long the event loop was ever blocked."""

    items: list[Any]
    times: list[float]
    started: float
    ended: float
    longest_block: float = 0.0

    @property
    def seconds(self) -> float:
        return self.ended - self.started


def translate(error: BaseException, where: str, hint: str = "") -> None:
    """Turn an exception the learner's code raised into a message naming the broken rule."""
    text = str(error)
    if isinstance(error, NotImplementedError | AssertionError):
        raise error
    if isinstance(error, RuntimeError) and any(
        words in text for words in ("running event loop", "already running", "another loop is running")
    ):
        fail(
            "AGN101",
            f"{where} raised RuntimeError: {text}, because it was called while an event loop was running "
            "(as in a notebook or an async web handler).",
            "the sync path must stay sync: use agent.run(...) and plain calls, never asyncio.run().",
        )
    if isinstance(error, TypeError) and "__aiter__" in text and "coroutine" in text:
        fail(
            "AGN106",
            sentence(f"{where} raised TypeError: {text}"),
            "on agno 1.x agent.arun(..., stream=True) is a coroutine that returns the stream: await it first.",
        )
    if isinstance(error, AttributeError) and ("RunEvent" in text or "workflow_" in text):
        fail(
            "AGN109",
            sentence(f"{where} raised AttributeError: {text}"),
            "RunEvent.workflow_failed and workflow_running do not exist; report a failure with RunEvent.run_error.",
        )
    if isinstance(error, AttributeError) and ("'generator' object" in text or "'async_generator' object" in text):
        fail(
            "AGN112",
            f"{where} raised AttributeError: {text}: an agent call returned a stream where a RunResponse was "
            "expected, because the agent's stream flag was still on from an earlier streaming call.",
            "pass stream=False explicitly on every non-streaming agent call.",
        )
    fail(
        "Result",
        sentence(f"{where} raised {type(error).__name__}: {text}"),
        hint or "run the path yourself in a cell and read the traceback.",
    )


def run_sync_path(produce: Callable[[], Iterable[Any] | None], where: str, hint: str = "") -> Run:
    """Consume a sync path from code running in an event loop, to prove that it starts no loop of its own.

    `asyncio.run()` (or `run_until_complete`) raises RuntimeError there, so a sync path that bridges to async code
    fails here, as it would wherever its caller runs a loop. This is a test, not a way to call sync code: async code
    hands a sync workflow to `asyncio.to_thread`, or uses the async path.
    """

    async def inside_a_loop() -> Run:
        started = time.perf_counter()
        items: list[Any] = []
        times: list[float] = []
        try:
            stream = produce()
            if stream is None:
                fail(
                    "Dual Method Pattern",
                    f"{where} returned None instead of an iterator of RunResponse objects.",
                    "run() is a generator: it yields RunResponse objects. A class that also defines arun() "
                    "makes agno 1.5.10 call arun() instead.",
                )
            for item in stream:
                items.append(item)
                times.append(time.perf_counter())
        except AssertionError:
            raise
        except Exception as error:
            translate(error, where, hint)
        return Run(items, times, started, time.perf_counter())

    return run_loop(inside_a_loop())


def cpu_wait() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a CPU (Linux's schedstat); 0.0 where
    the kernel does not say."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class _Ticker:
    """Measures how long the event loop was blocked: the longest wait between its ticks beyond `tick`.

    Two shares of a gap are the machine's, not the code's, and are taken off. When the whole process stalls (a
    garbage collection, a process the machine does not schedule), a watchdog thread ticking beside the loop
    stalls too. And on a loaded machine the loop's thread waits for a CPU even while it has work to do, which
    stretches the CPU work every agent run does at its start: Linux counts that wait, read at each tick. A loop
    blocked by a sync call is not waiting for a CPU: a sleeping call is not ready to run, and a running one is
    running.
    """

    def __init__(self, tick: float = 0.01) -> None:
        self.tick = tick
        self.loop_ticks = [time.perf_counter()]
        self.loop_waits = [cpu_wait()]
        self.thread_ticks: list[float] = []
        self._stop = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, daemon=True)
        self._watchdog.start()

    def _watch(self) -> None:
        while not self._stop.wait(self.tick):
            self.thread_ticks.append(time.perf_counter())

    def note(self) -> None:
        self.loop_ticks.append(time.perf_counter())
        self.loop_waits.append(cpu_wait())

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.tick)
            self.note()

    def stop(self) -> None:
        self.note()  # a loop blocked until the very end never let the ticker wake up
        self._stop.set()
        self._watchdog.join()

    def longest_gap(self) -> float:
        """The longest wait between the loop's ticks as it was, the machine's share included (call after stop())."""
        return max((later - earlier for earlier, later in itertools.pairwise(self.loop_ticks)), default=0.0)

    def longest_block(self) -> float:
        """The longest loop gap less the machine's share of it: the longest watchdog gap inside it, or the time
        the loop's thread waited for a CPU, whichever is more (call after stop())."""
        longest = 0.0
        ticks = zip(itertools.pairwise(self.loop_ticks), itertools.pairwise(self.loop_waits), strict=True)
        for (start, end), (waited_before, waited_after) in ticks:
            inside = self.thread_ticks[
                bisect.bisect_right(self.thread_ticks, start) : bisect.bisect_left(self.thread_ticks, end)
            ]
            process_stall = max(b - a for a, b in itertools.pairwise([start, *inside, end]))
            machine = max(process_stall - self.tick, waited_after - waited_before, 0.0)
            longest = max(longest, (end - start) - machine - self.tick)
        return max(longest, 0.0)


async def consume(produce: Callable[[], Any], where: str, hint: str = "") -> Run:
    """Consume one async path (an async iterator) and note when each item arrives."""
    started = time.perf_counter()
    items: list[Any] = []
    times: list[float] = []
    try:
        stream = produce()
        if not hasattr(stream, "__aiter__"):
            fail(
                "Agent Call Patterns",
                f"{where} returned {type(stream).__name__}, not an async iterator.",
                "make the async path an async generator: `async def arun(...)` that uses `yield`.",
            )
        async for item in stream:
            items.append(item)
            times.append(time.perf_counter())
    except AssertionError:
        raise
    except Exception as error:
        translate(error, where, hint)
    return Run(items, times, started, time.perf_counter())


def run_async_paths(produces: list[Callable[[], Any]], where: str, hint: str = "") -> tuple[list[Run], float, float]:
    """Run async paths concurrently beside a ticker; returns their runs, the wall time, the longest block."""

    async def together() -> tuple[list[Run], float, float]:
        ticker = _Ticker()
        task = asyncio.create_task(ticker.run())
        started = time.perf_counter()
        try:
            # The first failing check ends the grading of the exercise, so its AssertionError goes out as it is.
            runs = await asyncio.gather(*(consume(p, where, hint) for p in produces))  # agno-rules: ignore[AGN202]
        finally:
            task.cancel()
            ticker.stop()
        return list(runs), time.perf_counter() - started, ticker.longest_block()

    return run_loop(together())


@dataclass
class Call:
    """One call of the learner's coroutine function beside the ticker, and what it left behind."""

    outcome: Any  # what the call returned, or the exception it raised
    seconds: float  # how long it took
    returned: float  # when it returned (time.perf_counter())
    blocked: float  # the longest the loop was blocked while it ran (_Ticker.longest_block)
    stalled: float  # the longest gap between the ticker's ticks, the machine's share included
    left: int  # tasks it started that were still unfinished when it returned (cancelled since)
    timed_out: bool  # the check's own `timeout` ended it

    def value(self, where: str, hint: str = "") -> Any:
        """What the call returned; an exception it raised instead is the check's failure (see `translate`)."""
        if isinstance(self.outcome, AssertionError):
            raise self.outcome
        if isinstance(self.outcome, Exception):
            translate(self.outcome, where, hint)
        return self.outcome


def run_call(call: Callable[[], Awaitable[Any]], *, timeout: float | None = None, settle: bool = False) -> Call:
    """Await `call()` once, in a fresh loop beside a ticker; then cancel the tasks it left unfinished and note them.

    Anything the call raises (an AssertionError too) is its outcome, for the check to read; a call still running
    after `timeout` seconds is cancelled and its outcome is the TimeoutError. With `settle`, the loop takes one
    step before the tasks left are counted, so that a task the call cancelled without waiting for it can end.
    """

    async def main() -> Call:
        ticker = _Ticker()
        ticking = asyncio.create_task(ticker.run())
        before = asyncio.all_tasks()
        started = time.perf_counter()
        deadline = asyncio.timeout(timeout)
        timed_out = False
        try:
            async with deadline:
                outcome: Any = await call()
        except TimeoutError as error:
            outcome, timed_out = error, deadline.expired()
        except Exception as error:  # the check reads the failure itself
            outcome = error
        returned = time.perf_counter()
        if settle:
            await asyncio.sleep(0)
        left = [task for task in asyncio.all_tasks() - before if not task.done()]
        ticking.cancel()
        ticker.stop()
        for task in left:  # leave nothing behind in the check's loop
            task.cancel()
        if left:
            await asyncio.wait(left, timeout=1.0)
        return Call(
            outcome,
            returned - started,
            returned,
            ticker.longest_block(),
            ticker.longest_gap(),
            len(left),
            timed_out,
        )

    return run_loop(main())


def expect_together(spans: Sequence[Span], calls: int, code: str, where: str, hint: str, what: str = "calls") -> None:
    """The `calls` calls that recorded `spans` were all in flight at one moment: the last began before the first
    ended. Read from the calls' own spans, this holds for calls that overlap however slowly the machine runs the
    code around them (a wall time would count that code too), and never for calls made one after another."""
    expect_timing(
        len(spans) == calls > 0 and max(s.start for s in spans) < min(s.end for s in spans),
        code,
        f"{where} made {len(spans)} {what}, which were not all in flight at once: {spans_in_words(spans) or 'none'}.",
        hint,
    )
