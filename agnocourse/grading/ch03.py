"""Checks for chapter 3, Always do: complete sync and async paths that stream and end with a completion item."""

from __future__ import annotations

import asyncio
import inspect
import string
import time
from collections.abc import Callable
from typing import Any

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail, shown
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Call, Run, expect_clean, last_chunk_at, model_prompts, probe_agent, run_call
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    SYNC_CODES,
    expect_loop_free,
    expect_runresponses,
    stream_shape,
    workflow_class,
)
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price

SYNC_RULE = "ALWAYS DO 1: Proper Sync Implementation"
ASYNC_RULE = "ALWAYS DO 2: Proper Async Implementation"
BOTH_RULE = "ALWAYS DO 1-2: both paths give the same result"
STREAM_HINT = "yield each chunk inside the loop over the agent's stream, and add its content to the text as you go."


def _token() -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=6))


def _news() -> str:
    return f"Markets steadied as {_token()} held and earnings beat the forecasts of most analysts."


def _topic() -> str:
    return f"{rng.choice(['markets', 'rates', 'jobs', 'prices'])} {_token()}"


def _expect_news(run: Run, wf: Any, news: str, where: str, rule: str) -> None:
    """One streamed answer: every chunk passed on as it arrives, then one completion item with the whole text."""
    expect_runresponses(run.items, where)
    chunks, final = run.items[:-1], run.items[-1]
    expect(
        len(model_prompts(wf.reporter)) == 1,
        rule,
        f"{where} asked the reporter {len(model_prompts(wf.reporter))} times for one run.",
        "one streamed call gives both the chunks and, added up, the whole text for the completion item.",
    )
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == news,
        rule,
        f"{where} yielded {len(chunks)} item(s) before the completion item, with contents "
        f"{[c.content for c in chunks][:6]}.",
        "pass on every chunk of the reporter's stream, unchanged.",
    )
    expect(
        final.content == news,
        rule,
        f"the completion item's content was {final.content!r}.",
        "the completion item carries the reporter's whole text (the chunks' contents added up).",
    )
    last = last_chunk_at(wf.reporter)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        f"the first chunk reached the caller {run.times[0] - run.started:.2f} s after the start, after the "
        "reporter had produced its last chunk.",
        STREAM_HINT,
    )


# -- 3.1 ---------------------------------------------------------------------------------------------------
def _newsroom(cls: type, news: str, latency: float, chunk_delay: float) -> Any:
    wf: Any = cls()
    wf.reporter = probe_agent("reporter", news, latency=latency, chunk_delay=chunk_delay)
    wf.reporter.stream = True  # left on by an earlier streaming call, as on agno 1.5.10
    return wf


@exercise("3.1", "The sync path", points=3, rule="Always do 1: Proper Sync Implementation")
def sync_path(answer: Any) -> None:
    """Requires a Workflow subclass that defines only `run()`, a generator function, whose reporter agent (left at
    `stream=True`) streams a news text carrying a token drawn per run in chunks 20 ms apart, for a topic drawn per run.
    It consumes the sync path inside a running event loop and checks that the reporter was asked once, with
    `prompt_for(topic)`, that more than three chunks were passed on unchanged, that only the last item carries
    `RunEvent.workflow_completed` and the whole text, that the first chunk arrived before the reporter produced its last
    one, and that every item carries the workflow's run id. The rule checker's sync-path codes run on the class."""
    cls = workflow_class(answer, "run", "arun")
    expect(
        inspect.isgeneratorfunction(cls.run),
        SYNC_RULE,
        f"{cls.__name__}.run is not a generator function.",
        "write `def run(...)` that yields RunResponse objects.",
    )
    news, topic = _news(), _topic()
    where = f"{cls.__name__}.run()"
    wf, run = sync_run(
        cls, lambda cls: _newsroom(cls, news, latency=0.0, chunk_delay=0.02), lambda wf: wf.run(topic=topic)
    )
    _expect_news(run, wf, news, where, SYNC_RULE)
    expect(
        model_prompts(wf.reporter) == [wf.prompt_for(topic)],
        SYNC_RULE,
        f"the reporter was asked {model_prompts(wf.reporter)}.",
        "ask it with the shared prompt_for(topic).",
    )
    expect(
        {item.run_id for item in run.items} == {wf.run_id} and wf.run_id is not None,
        SYNC_RULE,
        f"the items carry run ids {sorted({str(item.run_id) for item in run.items})}, the workflow's is {wf.run_id}.",
        "let agno wrap run(): define it in a Workflow subclass and use self.run_id in the completion item.",
    )
    expect_clean(cls, SYNC_CODES, "keep the sync path sync and pass stream= on every agent call.")


# -- 3.2 ---------------------------------------------------------------------------------------------------
LOOP_RULE = "Always do 2: a heartbeat shows what a path does to the loop"
BEAT = 0.01  # the heartbeat's sleep the task asks for
SLOW_BEAT = 0.075  # an allowance this long could let a heartbeat that sleeps 0.08 s pass: measure again
FREE_TRIES = 5  # measurements of the free path at most, while a stalled machine leaves the beat ambiguous
POSITIONS = {
    "start": "as soon as it started",
    "middle": "half-way through",
    "end": "just before it returned",
}
POSITION_HINTS = {
    "start": "start the heartbeat before the work, and let it take its first step (await asyncio.sleep(0)) before "
    "you call work(): a block at the very start counts too.",
    "middle": "report the longest beat: how long each of the heartbeat's asyncio.sleep(0.01) calls took to come "
    "back, measured inside the heartbeat's task, the largest of them.",
    "end": "a beat still waiting when the work ends counts until then: note its length when the heartbeat is "
    "cancelled too (a try/finally around its sleep), or count the end of the work as the last beat.",
}


class _PathFailed(Exception):
    """The error a drawn path raises, so that the check can tell it from anything else."""


def _hold_the_loop(seconds: float) -> None:
    """A blocking wait: called from a coroutine, it keeps the event loop from running anything else meanwhile."""
    time.sleep(seconds)


class _Path:
    """A path for the learner's function to measure: a coroutine function of no argument that awaits and blocks
    in drawn steps, returns a fresh object (or raises a fresh error), and notes every call made to it."""

    def __init__(self, steps: list[tuple[str, float]], error: bool = False) -> None:
        self.steps = steps
        self.result = {"report": _token(), "items": rng.randint(3, 9)}
        self.error = _PathFailed(f"the path failed on {_token()}") if error else None
        self.calls = 0
        self.ended = 0.0  # when the last call to work() ended

    @property
    def blocked(self) -> float:
        return sum(seconds for kind, seconds in self.steps if kind == "block")

    @property
    def waits(self) -> float:
        return sum(seconds for _, seconds in self.steps)

    def work(self) -> Any:
        async def work() -> Any:
            self.calls += 1
            try:
                for kind, seconds in self.steps:
                    if kind == "block":
                        _hold_the_loop(seconds)
                    else:
                        await asyncio.sleep(seconds)
                if self.error is not None:
                    raise self.error
                return self.result
            finally:
                self.ended = time.perf_counter()

        return work


def _measure(function: Callable[..., Any], path: _Path) -> Call:
    """Call the learner's function once on `path`, beside the course's loop probe."""
    return run_call(lambda: function(path.work()), timeout=2 * path.waits + 1.0)


def _beat_of(measured: Call, path: _Path, where: str) -> float:
    """The checks every call shares: it returned in time, a pair, the work's own result from one call, and no task
    left running. Gives the beat it reported."""
    outcome = measured.outcome
    expect(
        not measured.timed_out,
        LOOP_RULE,
        f"{where} had not returned {measured.seconds:.1f} s after it was called, on a path that takes "
        f"{path.waits:.2f} s.",
        "return as soon as the work ends: cancel the heartbeat then, do not wait for it to stop by itself.",
    )
    if isinstance(outcome, BaseException):
        fail(LOOP_RULE, f"{where} raised {type(outcome).__name__}: {outcome}.", "try it on a path of your own first.")
    expect(
        path.calls == 1,
        LOOP_RULE,
        f"{where} called work {path.calls} times.",
        "call work() exactly once, and measure the loop while that one call runs.",
    )
    expect(
        measured.left == 0,
        LOOP_RULE,
        f"{where} returned and left {measured.left} task(s) it had started still running.",
        "cancel the heartbeat when the work ends and wait for it to finish (await asyncio.wait([task]), or await it "
        "and catch its CancelledError) before you return.",
    )
    expect(
        isinstance(outcome, tuple | list) and len(outcome) == 2,
        LOOP_RULE,
        f"{where} returned {shown(outcome)}.",
        "return a pair: what work() returned, and the longest beat in seconds.",
    )
    result, beat = outcome
    expect(
        result is path.result,
        LOOP_RULE,
        f"the work returned {shown(path.result)}, and {where} gave back {shown(result)} as its result.",
        "return the very object that `await work()` gave you, first in the pair.",
    )
    expect(
        isinstance(beat, int | float) and not isinstance(beat, bool),
        LOOP_RULE,
        f"{where} returned {shown(beat)} as the longest beat.",
        "return the longest beat as a number of seconds (a float).",
    )
    return float(beat)


def _free_measure(function: Callable[..., Any], where: str) -> tuple[_Path, Call, float, float]:
    """One call on a drawn path that only awaits: the path, the call, the beat reported, and the longest beat allowed
    (0.06 s, or the probe's own longest tick gap and 0.03 s when the machine stalled the loop longer)."""
    path = _Path([("await", rng.uniform(0.04, 0.08)) for _ in range(rng.randint(3, 4))])
    measured = _measure(function, path)
    return path, measured, _beat_of(measured, path, where), max(0.06, measured.stalled + 0.03)


def _free_run(function: Callable[..., Any], where: str) -> None:
    """A path that only awaits: the beat reported is about one sleep, the loop stays free, and the function ends
    with the work."""
    # A loaded machine can hold the whole loop for a moment: the probe's own ticks then wait as long as the beats,
    # and the allowance grows with them. A heartbeat that sleeps 0.08 s instead of 0.01 s reports at least 0.08 s:
    # when the allowance reaches SLOW_BEAT and the beat is over 0.06 s, a run cannot tell the two apart, and the
    # path is measured again, up to FREE_TRIES times; the run the machine stalled least is judged, with its own
    # allowance. A right heartbeat passes every run; a slow one passes only if every run was stalled.
    runs = [_free_measure(function, where)]
    while len(runs) < FREE_TRIES and all(beat >= 0.06 and allowed >= SLOW_BEAT for *_, beat, allowed in runs):
        runs.append(_free_measure(function, where))
    path, measured, beat, allowed = min(runs, key=lambda run: run[3])
    expect(
        beat >= BEAT / 2,
        LOOP_RULE,
        f"on a path that only awaits, {where} reported a longest beat of {beat:.3f} s: shorter than one of the "
        "heartbeat's 0.01 s sleeps.",
        "measure each beat: from just before the heartbeat's asyncio.sleep(0.01) to just after it comes back.",
    )
    expect_timing(
        beat < allowed,
        LOOP_RULE,
        f"on a path that awaited for {path.waits:.2f} s and never blocked the loop, {where} reported a longest beat "
        f"of {beat:.3f} s.",
        "measure the beats, not the work: a path that only awaits lets every beat come back after about 0.01 s.",
    )
    expect_loop_free(
        where, measured.blocked, "AGN107", "await asyncio.sleep(0.01) in the heartbeat", latency=0.15, answer=function
    )
    lag = measured.returned - path.ended  # how long after the work ended it returned
    expect_timing(
        lag < max(0.2, path.waits, measured.stalled),
        LOOP_RULE,
        f"{where} returned {lag:.2f} s after the work had ended, on a path of {path.waits:.2f} s.",
        "stop the heartbeat as soon as the work ends: cancel it rather than let it run a set number of beats.",
    )


def _failing_run(function: Callable[..., Any], where: str) -> None:
    """A path that raises: the error reaches the caller unchanged and the heartbeat is stopped all the same."""
    path = _Path([("await", rng.uniform(0.03, 0.06))], error=True)
    measured = _measure(function, path)
    outcome = measured.outcome
    if isinstance(outcome, BaseExceptionGroup) and path.error in outcome.exceptions:
        fail(
            LOOP_RULE,
            f"the work raised {path.error!r}, and {where} raised it wrapped in an {type(outcome).__name__}.",
            "let the work's exception through unchanged: a TaskGroup wraps it, a try/finally does not.",
        )
    expect(
        outcome is path.error,
        LOOP_RULE,
        f"the work raised {path.error!r}, and {where} "
        + (f"raised {outcome!r} instead." if isinstance(outcome, BaseException) else f"returned {shown(outcome)}."),
        "let the work's exception go on to your caller: do not catch it (stop the heartbeat in a finally).",
    )
    expect(
        measured.left == 0,
        LOOP_RULE,
        f"when the work raised, {where} left {measured.left} task(s) it had started still running.",
        "stop the heartbeat in a `finally:`, so that it is cancelled and awaited whether the work returns or raises.",
    )
    expect(path.calls == 1, LOOP_RULE, f"{where} called work {path.calls} times.", "call work() exactly once.")


def _blocked_run(function: Callable[..., Any], where: str, position: str) -> None:
    """A path that blocks the loop once, for a drawn time, at `position`: the beat reported spans that block."""
    block = ("block", rng.uniform(0.2, 0.3))
    before, after = ("await", rng.uniform(0.03, 0.06)), ("await", rng.uniform(0.03, 0.06))
    steps = {"start": [block, after], "middle": [before, block, after], "end": [before, block]}[position]
    path = _Path(steps)
    measured = _measure(function, path)
    beat = _beat_of(measured, path, where)
    observed = (
        f"the work blocked the loop for {path.blocked:.3f} s {POSITIONS[position]}, and {where} reported a longest "
        f"beat of {beat:.3f} s"
    )
    expect(
        beat >= 0.95 * path.blocked,
        LOOP_RULE,
        f"{observed}: the heartbeat missed the block.",
        f"{POSITION_HINTS[position].rstrip('.')}; and the heartbeat is a task on the loop it measures, not a thread, "
        "which goes on beating while the loop is blocked.",
    )
    expect_timing(
        beat < max(path.blocked, measured.stalled) + max(0.15, 0.5 * path.blocked),
        LOOP_RULE,
        f"{observed}: far longer than the block.",
        "measure each beat, from just before the heartbeat's asyncio.sleep(0.01) to just after it, not the work.",
    )


@exercise("3.2", "Measure what a path does to the loop", points=3, rule="Always do 2: Proper Async Implementation")
def measure_the_loop(answer: Any) -> None:
    """Requires an async function `longest_beat(work)`, runs the rule checker's AGN107 on it, then awaits it beside the
    check's own heartbeat on drawn paths whose `work()` awaits and blocks the loop with `time.sleep` in drawn steps and
    returns a fresh object: a path that only awaits (the reported beat must lie between 5 ms and 60 ms, or more when the
    check's own ticks show the machine stalling the loop, measured again (up to 5 times, the least stalled run judged)
    while that stall could hide a 0.08 s heartbeat; the loop stay free, the call return soon after the work ends), a
    path whose work raises (that very exception, not wrapped in an ExceptionGroup, must reach the caller), and, in a
    drawn order, one block of 0.2 to 0.3 s at the start, in the middle and at the end (the reported beat must be at
    least 95% of the block and not far longer). Every call must call `work()` once, return the pair (the work's own
    result, the longest beat), and leave no task it started unfinished. A call still running at twice the path's waits
    plus 1 s is cancelled and fails."""
    expect(
        inspect.iscoroutinefunction(answer),
        LOOP_RULE,
        f"{getattr(answer, '__name__', repr(answer))} is not an async function.",
        "write `async def longest_beat(work)`: the heartbeat is a task on the loop it measures.",
    )
    where = f"{answer.__name__}(work)"
    expect_clean(answer, ("AGN107",), "the heartbeat waits with `await asyncio.sleep(0.01)`, never time.sleep.")
    _free_run(answer, where)
    _failing_run(answer, where)
    for position in rng.sample(list(POSITIONS), k=len(POSITIONS)):
        _blocked_run(answer, where, position)


# -- 3.3 ---------------------------------------------------------------------------------------------------
class _StampedTools(SyncFinancialTools):
    """Sync prices that note when each call ended."""

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.ended: list[float] = []

    def get_stock_price(self, symbol: str) -> dict[str, Any]:
        try:
            return super().get_stock_price(symbol)
        finally:
            self.ended.append(time.perf_counter())


class _StampedAsyncTools(AsyncFinancialTools):
    """Async prices that note when each call ended."""

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.ended: list[float] = []

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        try:
            return await super().get_stock_price(symbol)
        finally:
            self.ended.append(time.perf_counter())


def _market(cls: type, comment: str, latency: float) -> Any:
    wf: Any = cls()
    wf.prices = _StampedTools(latency)
    wf.aprices = _StampedAsyncTools(latency)
    wf.commentator = probe_agent("commentator", comment)
    wf.commentator.stream = True  # left on by an earlier streaming call
    return wf


def _expect_market(run: Run, wf: Any, tools: Any, symbols: list[str], comment: str, where: str) -> None:
    expect_runresponses(run.items, where)
    lines = [wf.line_for(stock_price(symbol)) for symbol in symbols]
    expected = [("RunResponse", line) for line in lines] + [("WorkflowCompleted", comment)]
    expect(
        stream_shape(run.items) == expected,
        BOTH_RULE,
        f"{where} yielded {stream_shape(run.items)} for {symbols}.",
        "one item per symbol with line_for(price) and the default event, then the commentator's answer as the "
        "completion item.",
    )
    asked = [call.split("(")[1].rstrip(")") for call in tools.calls]
    expect(
        asked == symbols,
        BOTH_RULE,
        f"{where} asked its price source for {asked}, the symbols were {symbols}.",
        "fetch each price from the path's own price source (prices on the sync path, aprices on the async one).",
    )
    expect(
        model_prompts(wf.commentator) == ["\n".join(lines)],
        BOTH_RULE,
        f"the commentator was asked {model_prompts(wf.commentator)}.",
        "ask it once, with the price lines joined by newlines.",
    )
    expect_timing(
        bool(tools.ended) and run.times[0] < tools.ended[-1],
        "AGN103",
        f"{where}'s first item reached the caller after the last price had been fetched.",
        "yield each symbol's item as soon as its price arrives, not after the loop.",
    )


@exercise("3.3", "Same result on both paths", points=4, rule="Always do 1-2: both paths give the same result")
def both_paths(sync_answer: Any, async_answer: Any) -> None:
    """Draws 3 or 4 made-up symbols and a commentator answer with a token, then consumes the sync path inside a running
    event loop (prices 0.05 s per call) and one async run beside a heartbeat (prices 0.2 s per call). Both must yield
    one default-event item per symbol with `line_for(price)` and then a `RunEvent.workflow_completed` item with the
    commentator's answer, the same events and contents item for item on both paths, ask their own price source (`prices`
    or `aprices`) for each symbol in order, ask the commentator once with the lines joined by newlines, deliver the
    first item before the last price call ended, and leave agno's run state behind. The loop may not stall for 0.12 s or
    more, the async run's last item must carry its own run id, and the rule checker's codes for each path run on its
    class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    symbols = ["".join(rng.choices(string.ascii_uppercase, k=4)) for _ in range(rng.randint(3, 4))]
    comment = f"Chips lead, {_token()} follows."

    sync_where = f"{sync_cls.__name__}.run()"
    wf, sync_result = sync_run(
        sync_cls, lambda cls: _market(cls, comment, latency=0.05), lambda wf: wf.run(symbols=symbols)
    )
    _expect_market(sync_result, wf, wf.prices, symbols, comment, sync_where)
    expect_run_recorded(wf, sync_where, BOTH_RULE)

    async_where = f"{async_cls.__name__}.arun()"

    def expect_each(_: int, awf: Any, run: Run) -> None:
        expect(
            stream_shape(run.items) == stream_shape(sync_result.items),
            BOTH_RULE,
            f"the sync path yielded {stream_shape(sync_result.items)}, the async path {stream_shape(run.items)}.",
            "both paths do the same steps in the same order; only the calls differ (run/arun, prices/aprices).",
        )
        _expect_market(run, awf, awf.aprices, symbols, comment, async_where)

    awf = _market(async_cls, comment, latency=0.2)
    async_runs(
        [awf],
        lambda _, awf: awf.arun(symbols=symbols),
        latency=0.2,
        stall_code="AGN107",
        stall_hint="await the async price source (aprices)",
        expect_each=expect_each,
    )
    expect_run_recorded(awf, async_where, BOTH_RULE)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "the sync path uses the sync price source and agent.run(..., stream=False).",
        "the async path awaits aprices and agent.arun(..., stream=False).",
    )
