"""Checks for chapter 12, Beyond the rules: a semaphore; a deadline that cancels; task references; debug mode; a
deadline over async calls and a thread."""

from __future__ import annotations

import asyncio
import gc
import heapq
import inspect
import itertools
import logging
import time
import weakref
from typing import Any

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import Call, expect_clean, run_call, translate
from agnocourse.grading.registry import exercise
from agnocourse.timeline import Timeline
from agnocourse.tools import AsyncFinancialTools, LegacyRatingTool, rating, stock_price

CODES = ("AGN104", "AGN107", "AGN201")
BOUNDED = "Beyond the rules: bounded concurrency"
TIMEOUTS = "Beyond the rules: timeouts"
CANCELLATION = "Beyond the rules: cancellation"
# Drawn per run; MSFT, the example of the texts, is left out so that a hard-coded answer never matches.
SYMBOL_POOL = ["AAPL", "GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE", "CSCO"]


def _coroutine_function(answer: Any) -> Any:
    name = getattr(answer, "__name__", repr(answer))
    if not inspect.iscoroutinefunction(answer):
        fail(
            "Agent Call Patterns",
            f"{name} is not an `async def` function.",
            "write it as `async def` so that it can await the tools.",
        )
    return answer


# -- 12.1 --------------------------------------------------------------------------------------------------
SLOW, FAST = 0.5, 0.05  # one slow call in every `limit` consecutive ones: fixed batches wait for it each time


class _PerSymbolLatency(AsyncFinancialTools):
    """The async price client, with a latency of its own for each symbol."""

    def __init__(self, latencies: dict[str, float], timeline: Timeline) -> None:
        super().__init__(latency=0.0, timeline=timeline)
        self.latencies = latencies

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        with self._call("price", symbol):
            await asyncio.sleep(self.latencies[symbol])
            return stock_price(symbol)


def _latencies(symbols: list[str], limit: int) -> list[float]:
    """Every `limit`-th call slow, from the first: each fixed batch of `limit` waits for one slow call."""
    return [SLOW if index % limit == 0 else FAST for index in range(len(symbols))]


def _with_semaphore(latencies: list[float], limit: int) -> float:
    """The wall time of calls started in order as soon as one of `limit` permits is free."""
    free = [0.0] * limit
    for latency in latencies:
        heapq.heappush(free, heapq.heappop(free) + latency)
    return max(free)


def _in_batches(latencies: list[float], limit: int) -> float:
    """The wall time of fixed batches of `limit` calls, each batch waiting for its slowest."""
    return sum(max(latencies[i : i + limit]) for i in range(0, len(latencies), limit))


def _in_shares(latencies: list[float], limit: int) -> float:
    """The fastest of the schedules that give each of `limit` workers a fixed share of the calls in advance: in
    consecutive runs (split evenly, or in runs of the rounded-up share) or every `limit`-th call."""
    return min(max(sum(share) for share in split) for split in _splits(latencies, limit))


def _splits(latencies: list[float], limit: int) -> list[list[list[float]]]:
    """Each way `_in_shares` weighs of giving `limit` workers a fixed share of the calls in advance."""
    count = len(latencies)
    size = -(-count // limit)
    smaller_first = [count * i // limit for i in range(limit + 1)]
    larger_first = [count - cut for cut in reversed(smaller_first)]
    return [
        [latencies[i * size : (i + 1) * size] for i in range(limit)],
        *([latencies[a:b] for a, b in itertools.pairwise(cuts)] for cuts in (smaller_first, larger_first)),
        [latencies[i::limit] for i in range(limit)],
    ]


def _fixed_in_advance(latencies: list[float], limit: int) -> float:
    """The fastest schedule fixed before the calls start: batches or shares."""
    return min(_in_batches(latencies, limit), _in_shares(latencies, limit))


def _drawn_layout(count: int, limit: int) -> list[float]:
    """Latencies for `count` calls: two or three slow ones, placed at random among those placements where every
    schedule fixed in advance takes at least 0.4 s longer than calls that each start when a permit is free."""
    layouts = []
    for slow in (k for n in (2, 3) for k in itertools.combinations(range(count), n)):
        latencies = [SLOW if i in slow else FAST for i in range(count)]
        if _fixed_in_advance(latencies, limit) - _with_semaphore(latencies, limit) > 0.399:
            layouts.append(latencies)
    return rng.choice(layouts)


Spans = list[tuple[float, float]]


def _one_after_another(share: list[float]) -> Spans:
    """The spans of calls made one after another from 0."""
    ends = list(itertools.accumulate(share))
    return [(end - latency, end) for latency, end in zip(share, ends, strict=True)]


def _batch_spans(latencies: list[float], limit: int) -> Spans:
    """The spans of fixed batches of `limit` calls, each batch waiting for its slowest."""
    spans: Spans = []
    start = 0.0
    for i in range(0, len(latencies), limit):
        batch = latencies[i : i + limit]
        spans += [(start, start + latency) for latency in batch]
        start += max(batch)
    return spans


def _share_spans(latencies: list[float], limit: int) -> list[Spans]:
    """The spans of each schedule `_in_shares` weighs: every worker's share made one after another."""
    return [[span for share in split for span in _one_after_another(share)] for split in _splits(latencies, limit)]


def _idle_permits(spans: Spans, limit: int) -> float:
    """How long fewer than `limit` calls were in flight while calls still waited to start: from the first call's
    start to the last one's. Calls that each start as soon as a permit is free leave none idle (but for the moment
    between one call's end and the next one's start); a schedule fixed in advance leaves permits idle while one
    batch or worker waits for its slow calls. Read from the calls' own spans, it leaves out the code that runs
    before the first call and after the last, which a busy machine slows by any factor; a right answer runs only a
    few lines between one call's end and the next one's start."""
    if not spans:
        return 0.0
    first, last = min(start for start, _ in spans), max(start for start, _ in spans)
    moments = sorted({first, last, *(t for span in spans for t in span if first <= t <= last)})
    idle = 0.0
    for a, b in itertools.pairwise(moments):
        if sum(1 for start, end in spans if start <= a and end >= b) < limit:
            idle += b - a
    return idle


def _recorded(timeline: Timeline) -> Spans:
    return [(span.start, span.end) for span in timeline.spans]


def _bounded_run(answer: Any, symbols: list[str], limit: int, latencies: list[float]) -> tuple[Any, Timeline]:
    timeline = Timeline()
    tools = _PerSymbolLatency(dict(zip(symbols, latencies, strict=True)), timeline)
    where = f"{answer.__name__}(tools, {len(symbols)} symbols, limit={limit})"

    call = run_call(lambda: answer(tools, symbols, limit))
    result = call.value(where)
    expect(
        result == [stock_price(symbol) for symbol in symbols],
        BOUNDED,
        f"{where} returned {result!r:.200}.",
        "return the price dicts of all the symbols, in the order of the symbols.",
    )
    expect(
        timeline.peak_concurrency <= limit,
        BOUNDED,
        f"{where} had {timeline.peak_concurrency} calls in flight at once.",
        "create one asyncio.Semaphore(limit) shared by every call, and make each call inside `async with` it.",
    )
    return result, timeline


@exercise("12.1", "Bounded concurrency with a semaphore", points=5, rule="Beyond the rules: bounded concurrency")
def bounded_concurrency(answer: Any) -> None:
    """Runs the rule checker's AGN104, AGN107 and AGN201 on the function, then records every price call's span on a
    timeline in two runs. With 9 symbols drawn from twelve and a limit of 3, every third call takes 0.5 s and the others
    0.05 s; with a limit of 2 to 4 (drawn) and 2 to 4 more symbols than twice the limit, 2 or 3 slow calls are placed at
    random where every schedule fixed in advance (fixed batches, or a fixed share of the symbols per worker) is at least
    0.4 s slower than starting each call when a permit is free. Each run must return the price dicts in symbol order and
    reach exactly `limit` calls in flight and never more; and, read from the calls' spans, the time during which fewer
    than `limit` calls were in flight while calls still waited to start (from the first call's start to the last one's)
    must be under half of what fixed batches leave (first run) or the least that any schedule fixed in advance leaves
    (second run): 0.35 s or more, where a call that starts whenever a permit is free leaves none."""
    fn = _coroutine_function(answer)
    expect_clean(fn, CODES, "keep every task in a TaskGroup, and await the async tools.")
    nine = rng.sample(SYMBOL_POOL, 9)
    latencies = _latencies(nine, 3)
    _, timeline = _bounded_run(fn, nine, 3, latencies)
    idle, batched = _idle_permits(_recorded(timeline), 3), _idle_permits(_batch_spans(latencies, 3), 3)
    expect_timing(
        timeline.peak_concurrency == 3 and idle < batched / 2,
        BOUNDED,
        f"{len(nine)} calls (every third one {SLOW} s, the others {FAST} s) with a limit of 3, at most "
        f"{timeline.peak_concurrency} in flight: fewer than 3 were in flight for {idle:.2f} s while calls still waited "
        f"to start (a call starting whenever one of 3 permits is free leaves no permit idle; fixed batches of 3, each "
        f"waiting for its slowest call, leave permits idle for {batched:.2f} s).",
        "start every call at once, in an asyncio.TaskGroup, and let one shared semaphore hold back all but 3: a "
        "call starts as soon as any permit is free.",
    )

    # A second limit, drawn, and slow calls placed where no schedule fixed in advance keeps up.
    limit = rng.randint(2, 4)
    symbols = rng.sample(SYMBOL_POOL, rng.randint(2 * limit + 2, 2 * limit + 4))
    latencies = _drawn_layout(len(symbols), limit)
    _, timeline = _bounded_run(fn, symbols, limit, latencies)
    fixed = min(
        _idle_permits(spans, limit) for spans in [_batch_spans(latencies, limit), *_share_spans(latencies, limit)]
    )
    idle = _idle_permits(_recorded(timeline), limit)
    slow = [str(i + 1) for i, latency in enumerate(latencies) if latency == SLOW]
    slow_ones = f"{', '.join(slow[:-1])} and {slow[-1]}"
    expect_timing(
        timeline.peak_concurrency == limit and idle < fixed / 2,
        BOUNDED,
        f"{len(symbols)} calls (calls {slow_ones} {SLOW} s each, the others {FAST} s) with a limit of {limit}, at most "
        f"{timeline.peak_concurrency} in flight: fewer than {limit} were in flight for {idle:.2f} s while calls still "
        f"waited to start (a call starting whenever one of {limit} permits is free leaves no permit idle; every "
        f"schedule fixed in advance, fixed batches or a fixed share of the symbols per worker, leaves permits idle for "
        f"{fixed:.2f} s or more).",
        f"let one shared semaphore hold back all but {limit} calls, so that each call starts as soon as any permit "
        "is free, whichever call finished.",
    )


# -- 12.2 --------------------------------------------------------------------------------------------------
def _returned(call: Call, where: str, partial: str) -> Any:
    """What the answer returned; when it raised instead, a failure that names what it raised (`partial`: what it
    returns when the deadline passes)."""
    if isinstance(call.outcome, TimeoutError):
        fail(
            TIMEOUTS,
            f"{where} raised TimeoutError.",
            f"catch the TimeoutError that asyncio.timeout() raises when its block exits, and return {partial}.",
        )
    return call.value(where)


@exercise("12.2", "A deadline that cancels", points=5, rule="Beyond the rules: timeouts")
def deadline(answer: Any) -> None:
    """Draws one symbol, a fast tool's latency `t` between 0.8 and 1.2 s and the deadlines, and awaits
    `price_within(tools, symbol, seconds)` three times: with a drawn `seconds` of 3 to 4 times `t` and a tool of `t` s
    it must return the tool's price; with a drawn `seconds` between 0.05 and 0.15 and a 3 s tool whose call span is
    recorded it must return None within 0.6 `t` s (at least 0.33 s more than that deadline), with the tool call ended
    by then and no other task left pending; started as a task with a drawn `seconds` between 5 and 10 and cancelled
    from outside after 0.05 s, the task must end cancelled. No fixed deadline passes both timed cases: the first
    needs it above `t`, the second below 0.6 `t`. The rule checker's codes AGN104, AGN107 and AGN201 run on the
    function."""
    fn = _coroutine_function(answer)
    symbol = rng.choice(SYMBOL_POOL)
    latency = round(rng.uniform(0.8, 1.2), 2)  # the fast tool: well above any deadline that meets the slow case
    generous = round(latency * rng.uniform(3.0, 4.0), 2)
    short = round(rng.uniform(0.05, 0.15), 2)
    within = 0.6 * latency  # the slow case must return by then: below the fast tool's latency

    where = f"{fn.__name__}(tools, {symbol!r}, seconds={generous}) with a {latency} s tool"
    result = _returned(run_call(lambda: fn(AsyncFinancialTools(latency=latency), symbol, generous)), where, "None")
    expect_timing(
        result is not None,
        TIMEOUTS,
        f"{where} returned None, although the tool answers well before the deadline.",
        "the deadline is the `seconds` argument, drawn anew on every call: use it, asyncio.timeout(seconds), and do "
        "not type in a deadline of your own.",
    )
    expect(
        result == stock_price(symbol),
        TIMEOUTS,
        f"{where} returned {result!r}.",
        "return what tools.get_stock_price(symbol) returned when it answers in time.",
    )

    timeline = Timeline()
    slow = AsyncFinancialTools(latency=3.0, timeline=timeline)
    where = f"{fn.__name__}(tools, {symbol!r}, seconds={short}) with a 3 s tool"
    call = run_call(lambda: fn(slow, symbol, short), settle=True)
    result, elapsed, strays = _returned(call, where, "None"), call.seconds, call.left
    expect_timing(
        result is None and elapsed < within,
        TIMEOUTS,
        f"{where} returned {result!r} after {elapsed:.2f} s; with that deadline it should return None within "
        f"{within:.2f} s.",
        "the deadline is the `seconds` argument, drawn anew on every call: put the call in "
        "`async with asyncio.timeout(seconds):` and return None when it expires.",
    )
    expect_timing(
        strays == 0 and len(timeline.spans) == 1 and timeline.spans[0].end < within,
        TIMEOUTS,
        f"{where} returned None, but the tool call was still running when it did.",
        "a deadline must cancel the late work, not just stop waiting for it.",
    )

    patient = round(rng.uniform(5.0, 10.0), 1)

    async def cancelled_from_outside() -> bool:
        task = asyncio.create_task(fn(AsyncFinancialTools(latency=3.0), symbol, patient))
        await asyncio.sleep(0.05)
        task.cancel()
        await asyncio.wait([task])
        return task.cancelled()

    expect(
        run_loop(cancelled_from_outside()),
        CANCELLATION,
        f"{fn.__name__}(tools, {symbol!r}, seconds={patient}), cancelled from outside after 0.05 s, did not end "
        "cancelled: it swallowed the CancelledError.",
        "catch only TimeoutError; a CancelledError from outside must travel on.",
    )
    expect_clean(fn, CODES, "await the async tool inside the deadline.")


# -- 12.3 --------------------------------------------------------------------------------------------------
REFERENCES = "Beyond the rules: task references"


class _Job:
    """A background job that waits on a future the check holds only weakly: a task nobody keeps is collected. It
    notes the task it runs in, weakly too, so that the check can cancel it from outside, as a shutdown would."""

    def __init__(self, index: int, fails: bool, gates: list[weakref.ref[asyncio.Future[None]]]) -> None:
        self.index, self.fails, self.gates = index, fails, gates
        self.finished = self.cancelled = False
        self.task: weakref.ref[asyncio.Task[Any]] | None = None

    async def __call__(self) -> None:
        task = asyncio.current_task()
        self.task = weakref.ref(task) if task is not None else None
        gate = asyncio.get_running_loop().create_future()
        self.gates.append(weakref.ref(gate))
        try:
            await gate
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        self.finished = True
        if self.fails:
            raise ValueError(f"job {self.index} failed")


def _jobs(indices: set[int]) -> str:
    """ "job 2 was", "jobs 2 and 5 were" """
    numbers = [str(i) for i in sorted(indices)]
    if len(numbers) == 1:
        return f"job {numbers[0]} was"
    return f"jobs {', '.join(numbers[:-1])} and {numbers[-1]} were"


@exercise("12.3", "Keep a reference to every background task", points=5, rule="Beyond the rules: task references")
def task_references(answer: Any) -> None:
    """Draws 5 to 8 background jobs, 1 to 3 of them failing and 1 or 2 others to be cancelled from outside, each job
    waiting on a future the check holds only by a weak reference, and calls the plain function `answer(jobs, running,
    report)` inside a running loop whose exception handler records what the loop logs. After a few loop turns it runs
    `gc.collect()`, cancels the chosen jobs' tasks, releases the others, and checks that every job finished or was
    cancelled (no task lost to the garbage collector), that `running` is empty and no task pending at the end, that
    `report` received exactly the failing jobs' exceptions and never a CancelledError, and that the loop logged nothing.
    The rule checker's codes AGN104, AGN107 and AGN201 run on the function."""
    name = getattr(answer, "__name__", repr(answer))
    count = rng.randint(5, 8)
    failing = set(rng.sample(range(count), rng.randint(1, 3)))
    cancelled = set(rng.sample(sorted(set(range(count)) - failing), rng.randint(1, 2)))
    gates: list[weakref.ref[asyncio.Future[None]]] = []
    jobs = [_Job(index, index in failing, gates) for index in range(count)]
    where = f"{name}(jobs, running, report) with {count} jobs"
    logged: list[tuple[str, BaseException | None]] = []  # what reached the loop's exception handler

    async def scenario() -> tuple[set[Any], list[BaseException], int]:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(
            lambda _, context: logged.append((str(context.get("message")), context.get("exception")))
        )
        running: set[Any] = set()
        reported: list[BaseException] = []
        try:
            answer([job for job in jobs], running, reported.append)
        except AssertionError:
            raise
        except Exception as error:
            translate(error, where)
        for _ in range(3):
            await asyncio.sleep(0)
        gc.collect()  # a task only the loop's weak set knows is collected here, with the future it waits on
        for index in sorted(cancelled):  # cancelled from outside while it waits, as at shutdown
            task_ref = jobs[index].task
            task = task_ref() if task_ref is not None else None
            if task is not None:
                task.cancel()
        for ref in gates:
            gate = ref()
            if gate is not None and not gate.done():
                gate.set_result(None)
        for _ in range(20):
            await asyncio.sleep(0.01)
        strays = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in strays:
            task.cancel()
        gc.collect()
        return running, reported, len(strays)

    running, reported, strays = run_loop(scenario())
    lost = [job.index for job in jobs if not job.finished and not job.cancelled]
    expect(
        not lost,
        REFERENCES,
        f"{where}: jobs {lost} never finished once the garbage collector ran while they waited.",
        "the loop keeps only weak references to tasks: add each task to `running` and remove it when it is done "
        "with task.add_done_callback(running.discard).",
    )
    expect(
        not running and strays == 0,
        REFERENCES,
        f"{where}: after every job ended, `running` still held {len(running)} tasks ({strays} still pending).",
        "remove each task from the set when it is done: task.add_done_callback(running.discard).",
    )
    crashed = [message for message, error in logged if isinstance(error, asyncio.CancelledError)]
    reported_cancel = [error for error in reported if isinstance(error, asyncio.CancelledError)]
    expect(
        not crashed and not reported_cancel,
        REFERENCES,
        f"{where}: {_jobs(cancelled)} cancelled from outside while waiting, as at shutdown; "
        + (
            "then a done callback raised CancelledError, which the loop logged as an exception in a callback"
            if crashed
            else "then report() was called with CancelledError, as if a job had failed"
        )
        + ".",
        "a cancelled task ended without an exception of its own: it is not a failure to report, and "
        "task.exception() raises CancelledError on it, so ask task.cancelled() first.",
    )
    messages = sorted(str(error) for error in reported)
    wanted = sorted(f"job {index} failed" for index in failing)
    unretrieved = [message for message, _ in logged]
    expect(
        messages == wanted and not unretrieved,
        REFERENCES,
        f"{where}: jobs {sorted(failing)} failed; report() was called with {messages}"
        + (f", and the loop logged {unretrieved[0]!r}" if unretrieved else "")
        + ".",
        "in the done callback, call report(task.exception()) for each task that ended with an exception "
        "(and was not cancelled).",
    )
    expect_clean(answer, CODES, "keep every task you start until it is done.")


# -- 12.4 --------------------------------------------------------------------------------------------------
DEBUG_MODE = "Beyond the rules: debug mode"
STEP_NAMES = ["load_prices", "parse_filings", "score_news", "rank_symbols", "draft_summary", "check_limits"]


def _legacy_call(seconds: float) -> None:
    """A sync call that holds the thread, as a legacy client does (0 s for the steps that do not block)."""
    time.sleep(seconds)


def _step(name: str, blocks: float) -> Any:
    async def step() -> None:
        await asyncio.sleep(0.01)
        _legacy_call(blocks)  # the blocking call debug mode must find
        await asyncio.sleep(0.01)

    step.__name__ = step.__qualname__ = name
    return step


@exercise("12.4", "Find the call that blocks the loop", points=5, rule="Beyond the rules: debug mode")
def debug_mode(answer: Any) -> None:
    """Builds a workflow of 4 steps whose names are drawn from six, run as tasks of one TaskGroup, where one drawn step
    makes a blocking call of 0.3 to 0.4 s between two 10 ms sleeps, and awaits `answer(workflow, 0.1)` on a loop whose
    `slow_callback_duration` the check first sets to 5 s. The returned list must name the blocking step and no other
    one, and afterwards the loop's debug flag and `slow_callback_duration`, and the `asyncio` logger's level, handlers
    and propagation, must be as they were before the call."""
    fn = _coroutine_function(answer)
    names = rng.sample(STEP_NAMES, 4)
    culprit, blocks = rng.choice(names), rng.uniform(0.3, 0.4)
    steps = [_step(name, blocks if name == culprit else 0.0) for name in names]

    async def workflow() -> None:
        async with asyncio.TaskGroup() as tg:
            for step in steps:
                tg.create_task(step())

    where = f"{fn.__name__}(workflow, threshold=0.1), steps {names}"
    logger = logging.getLogger("asyncio")
    before = (logger.level, list(logger.handlers), logger.propagate)

    async def scenario() -> tuple[Any, tuple[bool, float], tuple[bool, float]]:
        loop = asyncio.get_running_loop()
        loop.slow_callback_duration = 5.0
        start = (loop.get_debug(), loop.slow_callback_duration)
        found: Any = None
        try:
            found = await fn(workflow, 0.1)
        except AssertionError:
            raise
        except Exception as error:
            translate(error, where)
        return found, start, (loop.get_debug(), loop.slow_callback_duration)

    found, start, end = run_loop(scenario())
    text = " ".join(str(item) for item in found) if isinstance(found, list) else ""
    expect(
        isinstance(found, list) and culprit in text,
        DEBUG_MODE,
        f"{where}: {culprit} blocked the loop for {blocks:.2f} s; your function returned {found!r:.300}.",
        "turn on loop.set_debug(True), set loop.slow_callback_duration = threshold, and collect the 'Executing ... "
        "took' warnings the 'asyncio' logger emits.",
    )
    others = [name for name in names if name != culprit and name in text]
    expect_timing(
        not others,
        DEBUG_MODE,
        f"{where}: only {culprit} blocked, but the answer also names {others}.",
        "return only the callbacks the asyncio logger reported as slow.",
    )
    expect(
        start == end and (logger.level, list(logger.handlers), logger.propagate) == before,
        DEBUG_MODE,
        f"{where}: the loop's debug mode and slow_callback_duration were {start} before and {end} after; the "
        "asyncio logger's level, handlers and propagation "
        + ("were restored." if (logger.level, list(logger.handlers), logger.propagate) == before else "changed."),
        "restore what you changed in a `finally:` block: the loop's debug flag and threshold, and remove your "
        "log handler.",
    )


# -- 12.5 --------------------------------------------------------------------------------------------------
THREADS = "Beyond the rules: a deadline cannot stop a thread"
LATE = "late"


def _expected_report(symbols: list[str], late: set[str], ratings_late: bool) -> dict[str, Any]:
    return {
        "prices": {symbol: LATE if symbol in late else stock_price(symbol) for symbol in symbols},
        "ratings": LATE if ratings_late else {symbol: rating(symbol) for symbol in symbols},
    }


def _marked_late(result: Any, symbols: list[str], late: set[str], ratings_late: bool) -> list[str]:
    """The calls that answered in time yet are marked late, when that is all that is wrong with `result`: a loaded
    machine can delay a fast call past the deadline, so the check measures again before it says so."""
    for count in range(1, len(symbols) + 2):
        for extra in itertools.combinations([*symbols, "ratings"], count):
            if (extra[-1] == "ratings" and ratings_late) or late & set(extra):
                continue
            names = set(extra) - {"ratings"}
            if result == _expected_report(symbols, late | names, ratings_late or "ratings" in extra):
                return [name if name in symbols else "the legacy call" for name in extra]
    return []


def _others() -> list[asyncio.Task[Any]]:
    return [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]


async def _thread_done(legacy: LegacyRatingTool, seconds: float) -> None:
    """Wait (at most `seconds`) for the legacy call to end in its thread."""
    deadline = time.perf_counter() + seconds
    while legacy.running and time.perf_counter() < deadline:  # noqa: ASYNC110 (a thread, which sets no asyncio.Event)
        await asyncio.sleep(0.01)


def _went_on_after(legacy: LegacyRatingTool, moment: float) -> list[str]:
    """The symbols the legacy call started to rate after `moment`."""
    return [symbol for symbol, checked, went_on in legacy.checks if went_on and checked > moment]


def _symbols(names: list[str]) -> str:
    """ "AAPL", "AAPL and IBM", "AAPL, IBM and ORCL" """
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)


class _Run:
    """One call of the answer, with what the check saw: the result, the time it took, the loop's longest stall,
    the tasks left running when it returned, and when it returned."""

    def __init__(self, answer: Any, where: str) -> None:
        self.answer, self.where = answer, where
        self.result: Any = None
        self.elapsed = self.stall = self.returned_at = 0.0
        self.strays = 0

    def __call__(self, tools: Any, legacy: LegacyRatingTool, symbols: list[str], seconds: float) -> None:
        call = run_call(lambda: self.answer(tools, legacy, list(symbols), seconds), settle=True)
        _returned(call, self.where, "the partial report")
        self.result, self.elapsed, self.returned_at = call.outcome, call.seconds, call.returned
        self.strays, self.stall = call.left, call.blocked


@exercise(
    "12.5",
    "A deadline over async calls and a thread",
    points=5,
    rule="Beyond the rules: a deadline cannot stop a thread",
)
def deadline_and_thread(answer: Any) -> None:
    """Runs the rule checker's AGN104, AGN107 and AGN201 on the function, then makes four calls beside a heartbeat task,
    on 4 to 6 symbols drawn from twelve each time. Everything in time (prices 0.3 to 0.4 s, a blocking legacy rating
    call of 0.4 to 0.5 s in per-symbol steps, a 2.5 to 3 s deadline): the full report, the loop never held for half the
    legacy time, and the calls started together, as the spans they record show (the legacy call began before any price
    lookup ended, and the lookups before its first step ended). A 0.25 to 0.35 s deadline that 1 or 2 prices (1.5 to 2
    s) and the legacy call miss: a return before halfway to the slow prices, exactly the missed calls marked `"late"`,
    no task left running, and no symbol started by the legacy thread after the return; a 0.3 to 0.4 s deadline that only
    one price misses: only that price marked late. Last, the call is cancelled from outside while every call is in
    flight: its task must end cancelled, no task may be left running, and the legacy thread may start no symbol after
    the task ended."""
    fn = _coroutine_function(answer)
    expect_clean(fn, CODES, "run the legacy call with asyncio.to_thread and keep every task in the TaskGroup.")
    name = fn.__name__

    # 1. Everything in time: the whole report, the prices and the thread's work overlapping.
    symbols = rng.sample(SYMBOL_POOL, rng.randint(4, 6))
    latencies = {symbol: rng.uniform(0.3, 0.4) for symbol in symbols}
    step = rng.uniform(0.4, 0.5) / len(symbols)
    seconds = round(rng.uniform(2.5, 3.0), 2)
    timeline = Timeline()
    legacy = LegacyRatingTool(latency=step, timeline=timeline)
    where = f"{name}(tools, legacy, {symbols}, seconds={seconds})"
    run = _Run(fn, where)
    run(_PerSymbolLatency(latencies, timeline), legacy, symbols, seconds)
    expect(
        run.result == _expected_report(symbols, set(), ratings_late=False),
        TIMEOUTS,
        f"{where}, every call in time, returned {run.result!r:.300}.",
        "return {'prices': {symbol: price dict}, 'ratings': the dict legacy.ratings() returned}.",
    )
    legacy_time = step * len(symbols)
    expect_timing(
        run.stall < legacy_time / 2,
        "AGN107",
        f"{where}: the event loop was held for {run.stall:.2f} s at a stretch (the legacy call takes "
        f"{legacy_time:.2f} s): the blocking call ran on the loop's thread.",
        "run the legacy call in a worker thread: await asyncio.to_thread(legacy.ratings, symbols, stop).",
    )
    # Overlap is read from when the calls ran, not from the total time, which a busy machine stretches: the
    # legacy call began before any price lookup ended, and the lookups before the legacy call's first step ended.
    prices = [span for span in timeline.spans if span.label.startswith("price(")]
    ratings = [span for span in timeline.spans if span.label.startswith("rating(")]
    price_from, price_to = min(s.start for s in prices), max(s.end for s in prices)
    rating_from, rating_to = min(s.start for s in ratings), max(s.end for s in ratings)
    expect_timing(
        rating_from < min(s.end for s in prices) and price_from < min(s.end for s in ratings),
        TIMEOUTS,
        f"{where}: the price lookups ran from {price_from:.2f} s to {price_to:.2f} s and the legacy call from "
        f"{rating_from:.2f} s to {rating_to:.2f} s: they did not start together.",
        "start the price lookups and the legacy call as tasks of one asyncio.TaskGroup, so that they overlap.",
    )

    # 2. A deadline that the slow prices and the legacy call both miss: a partial report at the deadline, no
    # task left running, and the thread told to stop before its next symbol.
    symbols = rng.sample(SYMBOL_POOL, rng.randint(4, 6))
    seconds = round(rng.uniform(0.25, 0.35), 2)
    late = set(rng.sample(symbols, rng.randint(1, 2)))
    slow = rng.uniform(1.5, 2.0)
    latencies = {symbol: slow if symbol in late else rng.uniform(0.02, 0.08) for symbol in symbols}
    step = seconds * rng.uniform(0.4, 0.6)
    legacy = LegacyRatingTool(latency=step)
    where = f"{name}(tools, legacy, {symbols}, seconds={seconds})"
    run = _Run(fn, where)

    run(_PerSymbolLatency(latencies, Timeline()), legacy, symbols, seconds)
    run_loop(_thread_done(legacy, step * len(symbols) + 1.0))
    expect_timing(
        run.elapsed < (seconds + slow) / 2,
        TIMEOUTS,
        f"{where} returned after {run.elapsed:.2f} s, with {_symbols(sorted(late))} taking {slow:.2f} s and the "
        f"legacy call {step * len(symbols):.2f} s.",
        "put the TaskGroup inside `async with asyncio.timeout(seconds):` so that the late calls are cancelled "
        "at the deadline.",
    )
    in_time = _marked_late(run.result, symbols, late, ratings_late=True)
    expect_timing(
        not in_time,
        TIMEOUTS,
        f"{where}: {_symbols(in_time)} answered within {0.08:.2f} s, well before the deadline, yet the report marks "
        f"{'it' if len(in_time) == 1 else 'them'} late.",
        "mark late only the calls still running when the deadline passed; keep every result that arrived.",
    )
    expect(
        run.result == _expected_report(symbols, late, ratings_late=True),
        TIMEOUTS,
        f"{where}: {_symbols(sorted(late))} missed the deadline, and so did the legacy call; it returned "
        f"{run.result!r:.300}.",
        f"mark each call that missed the deadline {LATE!r} (a price, or the ratings) and keep the prices that arrived.",
    )
    expect(
        run.strays == 0,
        TIMEOUTS,
        f"{where}: {run.strays} tasks were still running when it returned at the deadline.",
        "a deadline must cancel the late work, not just stop waiting for it: let asyncio.timeout() cancel the "
        "TaskGroup.",
    )
    went_on = _went_on_after(legacy, run.returned_at)
    expect(
        not went_on,
        THREADS,
        f"{where}: after it returned at the deadline, the legacy call went on in its thread and started to rate "
        f"{_symbols(went_on)}: cancelling the await of a thread does not stop the thread.",
        "create a threading.Event, pass it as legacy.ratings(symbols, stop) and set it when the deadline passes; "
        "the call checks it before each symbol.",
    )

    # 3. The ratings in time, one price late: only that price is late.
    symbols = rng.sample(SYMBOL_POOL, rng.randint(4, 6))
    seconds = round(rng.uniform(0.3, 0.4), 2)
    late = {rng.choice(symbols)}
    latencies = {symbol: slow if symbol in late else rng.uniform(0.02, 0.08) for symbol in symbols}
    legacy = LegacyRatingTool(latency=seconds * 0.3 / len(symbols))
    where = f"{name}(tools, legacy, {symbols}, seconds={seconds})"
    run = _Run(fn, where)
    run(_PerSymbolLatency(latencies, Timeline()), legacy, symbols, seconds)
    in_time = _marked_late(run.result, symbols, late, ratings_late=False)
    expect_timing(
        not in_time,
        TIMEOUTS,
        f"{where}: {_symbols(in_time)} answered within {seconds * 0.3:.2f} s, well before the deadline, yet the "
        f"report marks {'it' if len(in_time) == 1 else 'them'} late.",
        "mark late only the calls still running when the deadline passed; keep the ratings when the legacy call "
        "finished in time.",
    )
    expect(
        run.result == _expected_report(symbols, late, ratings_late=False),
        TIMEOUTS,
        f"{where}: only {_symbols(sorted(late))} missed the deadline (the legacy call took "
        f"{seconds * 0.3:.2f} s); it returned {run.result!r:.300}.",
        "mark late only what missed the deadline: keep the ratings when the legacy call finished in time.",
    )

    # 4. Cancelled from outside: every child cancelled, the CancelledError out, the thread told to stop.
    symbols = rng.sample(SYMBOL_POOL, rng.randint(4, 6))
    latencies = {symbol: rng.uniform(1.0, 2.0) for symbol in symbols}
    step = rng.uniform(0.15, 0.2)
    legacy = LegacyRatingTool(latency=step)
    tools = _PerSymbolLatency(latencies, Timeline())
    where = f"{name}(tools, legacy, {symbols}, seconds=5.0), cancelled from outside"

    async def cancelled_from_outside() -> tuple[asyncio.Task[Any], float, int]:
        task = asyncio.create_task(fn(tools, legacy, list(symbols), 5.0))
        ended: list[float] = []
        task.add_done_callback(lambda _: ended.append(time.perf_counter()))
        until = time.perf_counter() + 1.0
        in_flight = lambda: len(tools.calls) == len(symbols) and bool(legacy.checks)  # noqa: E731
        while not in_flight() and time.perf_counter() < until:  # noqa: ASYNC110 (calls in a thread set no asyncio.Event)
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.02)
        task.cancel()
        await asyncio.wait([task])
        await asyncio.sleep(0)
        strays = _others()
        for stray in strays:
            stray.cancel()
        if strays:
            await asyncio.wait(strays, timeout=1.0)
        await _thread_done(legacy, step * len(symbols) + 1.0)
        return task, ended[0], len(strays)

    task, ended, strays = run_loop(cancelled_from_outside())
    if not task.cancelled():
        error = task.exception()
        if isinstance(error, AssertionError):
            raise error
        if error is not None:
            translate(error, where)
        fail(
            CANCELLATION,
            f"{where} while its calls were in flight, returned {task.result()!r:.200} instead of ending "
            "cancelled: it swallowed the CancelledError.",
            "let the CancelledError travel on: clean up in a `finally:` block, and catch only TimeoutError.",
        )
    expect(
        strays == 0,
        CANCELLATION,
        f"{where} while its calls were in flight: {strays} tasks were still running after it ended.",
        "start every call in the asyncio.TaskGroup: a group cancelled from outside cancels all its children.",
    )
    went_on = _went_on_after(legacy, ended)
    expect(
        not went_on,
        THREADS,
        f"{where} while its calls were in flight: after it ended, the legacy call went on in its thread and "
        f"started to rate {_symbols(went_on)}: the stop event was not set on cancellation.",
        "set the event in a `finally:` block, which runs on a cancellation as well as at the deadline.",
    )
