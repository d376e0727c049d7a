"""Checks for the agno 3 track's porting part: a small agno 1.5 workflow ported to a declared agno 3.1 workflow,
and chapter 9's consistency test written for declared workflows."""

from __future__ import annotations

import asyncio
import inspect
import string
from collections.abc import Callable
from typing import Any

from agno.workflow import Step, StepInput, StepOutput, Workflow

from agnocourse.grading.agno3_common import (
    declared,
    entries,
    entry_agent,
    expect_clean,
    expect_loop_free,
    expect_no_error,
    expect_overlap,
    outcome,
    quiet,
    together,
)
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import expect_together, record_waits, run_timelines
from agnocourse.grading.registry import exercise
from agnocourse.timeline import Timeline
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price


def _symbols(count: int) -> list[str]:
    drawn: set[str] = set()
    while len(drawn) < count:
        drawn.add("".join(rng.choices(string.ascii_uppercase, k=4)))
    return sorted(drawn, key=lambda _: rng.random())


def _token() -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=6))


def quote(symbol: str) -> str:
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD"


# -- A3.4 ------------------------------------------------------------------------------------------------------
class _Parts:
    """What the check hands the learner's factory for one workflow, and what it observes of them."""

    def __init__(self, bad: set[str], summary: str, latency: float, timeline: Timeline | None = None) -> None:
        self.prices = SyncFinancialTools(latency=0.01, fail_for=bad)
        self.aprices = AsyncFinancialTools(latency=latency, fail_for=bad, timeline=timeline)
        self.summarizer = entry_agent("summarizer", summary, latency=latency)


def _expect_digest(run: Any, parts: _Parts, symbols: list[str], summary: str, where: str, sync: bool) -> None:
    expect_no_error(run, where)
    content = getattr(run, "content", None)
    expect(
        content == summary,
        "Migration checklist",
        f"{where} ended with content {content!r}; the summarizer answered {summary!r}.",
        "the last step is the summarizer's agent step.",
    )
    asked = parts.summarizer.model.prompts  # type: ignore[union-attr]
    expect(
        asked == ["; ".join(quote(s) for s in symbols)],
        "Migration checklist",
        f"{where} asked the summarizer {asked}.",
        "give it the quotes, in the symbols' order, joined by '; ', as the legacy workflow did.",
    )
    used, unused = (parts.prices, parts.aprices) if sync else (parts.aprices, parts.prices)
    expect(
        sorted(used.calls) == sorted(f"price({s})" for s in symbols) and not unused.calls,
        "Always do 1-2: both paths give the same result",
        f"{where} asked the sync source for {parts.prices.calls} and the async one for {parts.aprices.calls}.",
        "the sync path fetches with `prices`, the async path with `aprices`, once per symbol.",
    )
    entry = "invoke" if sync else "ainvoke"
    expect(
        entries(parts.summarizer) == [entry],
        "Agent Call Patterns",
        f"{where} called the summarizer's model through {entries(parts.summarizer)}; this path calls {entry}.",
        "let an agent step call the summarizer: agno matches the call to the path.",
    )


def _expect_stopped(run: Any, parts: _Parts, bad: set[str], where: str) -> None:
    """Failed prices are named, every one, and nothing is summarized: in a stopped run, or in the error it raised."""
    if isinstance(run, Exception) and not isinstance(run, AssertionError):
        expect(
            all(symbol in str(run) for symbol in bad) and not entries(parts.summarizer),
            "Implementation guidelines 3: Error handling",
            f"for the unknown symbols {sorted(bad)} {where} raised {type(run).__name__}: {run}, after asking the "
            f"summarizer {len(entries(parts.summarizer))} time(s).",
            "a run that raises names every failed symbol in its error (StepOutput(error=...) of a step that fails "
            "on error), and summarizes nothing.",
        )
        return
    content = str(getattr(run, "content", ""))
    steps = [(s.step_name, s.success) for s in getattr(run, "step_results", None) or []]
    expect(
        content.startswith("Error") and all(symbol in content for symbol in bad),
        "Implementation guidelines 3: Error handling",
        f"for the unknown symbols {sorted(bad)} {where} ended with content {content!r}.",
        "the fetch step answers StepOutput(content='Error: ...' naming every failed symbol, success=False, stop=True).",
    )
    expect(
        len(steps) == 1 and steps[0][1] is False and not entries(parts.summarizer),
        "Implementation guidelines 3: Error handling",
        f"for unknown symbols {where} ran the steps {steps} and the summarizer was called "
        f"{len(entries(parts.summarizer))} time(s).",
        "the failed fetch step says success=False and stops the workflow (stop=True): nothing is summarized.",
    )


@exercise("A3.4", "Port a workflow to agno 3.1", points=4, rule="Migration checklist")
def port(build: Callable[..., Any]) -> None:
    """Builds `digest_workflow(path, prices, aprices, summarizer)` with a sync price source of 10 ms, an async one, and
    a summarizer agent whose digest carries a token drawn per run. The sync workflow's `.run()` on 2 to 4 drawn symbols,
    and three async workflows' `.arun()` run concurrently beside a heartbeat on 3 drawn symbols each (async source and
    summarizer 0.25 to 0.35 s, drawn), must end with the summarizer's answer, ask it once with the quotes joined by `';
    '` in symbol order, fetch each price once from the source of their own path only, and reach the summarizer through
    `invoke` and `ainvoke` respectively. The loop may not stall for half the latency, each run's three price calls must
    all be in flight at one moment, and at one moment each of the three runs must have a price or summarizer call in
    flight, as the spans the source and the model record show. With 2 of 3 drawn symbols unknown, each path must name
    every failed symbol and never reach the summarizer, in a stopped run (content starting with `Error`, one failed
    step) or in the error it raises; the rule checker, reading the builder as agno 3.1 code, must find nothing."""
    where = "digest_workflow(path, prices, aprices, summarizer)"
    summary = f"Digest {_token()}: prices are steady."

    symbols = _symbols(rng.choice([2, 3, 4]))
    parts = _Parts(set(), summary, latency=0.0)
    workflow = declared(build, "sync", parts.prices, parts.aprices, parts.summarizer, where=where)
    run, error = outcome(lambda: workflow.run(input=symbols))
    _expect_digest(error or run, parts, symbols, summary, f'{where} for "sync", .run()', sync=True)

    latency = rng.uniform(0.25, 0.35)
    draws = [_symbols(3) for _ in range(3)]
    timelines = run_timelines(len(draws))  # each run's price calls and summarizer call, on one clock
    parts_of = [_Parts(set(), summary, latency, timeline) for timeline in timelines]
    for parts, timeline in zip(parts_of, timelines, strict=True):
        record_waits([parts.summarizer], timeline)
    workflows = [declared(build, "async", p.prices, p.aprices, p.summarizer, where=where) for p in parts_of]
    calls = [lambda wf=wf, s=s: wf.arun(input=s) for wf, s in zip(workflows, draws, strict=True)]
    runs, _, blocked = together(calls)
    where_async = f'{where} for "async", .arun()'
    for run in runs:
        expect_no_error(run, where_async)
    expect_loop_free(blocked, latency, where_async, build, "await the async price source; never a sync call")
    for run, symbols, parts in zip(runs, draws, parts_of, strict=True):
        _expect_digest(run, parts, symbols, summary, where_async, sync=False)
    for timeline in timelines:
        expect_together(
            [span for span in timeline.spans if span.label.startswith("price(")],
            3,
            "Always do 3: Parallel execution patterns",
            where_async,
            "fetch the prices at once, as the legacy async path did with asyncio.gather().",
            "price calls",
        )
    expect_overlap(timelines, where_async, "await every call, so that runs overlap.")

    for sync in (True, False):
        symbols = _symbols(3)
        bad = set(rng.sample(symbols, 2))
        parts = _Parts(bad, summary, latency=0.01)
        path = "sync" if sync else "async"
        workflow = declared(build, path, parts.prices, parts.aprices, parts.summarizer, where=where)
        if sync:
            run, error = outcome(lambda workflow=workflow, symbols=symbols: workflow.run(input=symbols))
            run = error or run
        else:
            (run,), _, _ = together([lambda workflow=workflow, symbols=symbols: workflow.arun(input=symbols)])
        _expect_stopped(run, parts, bad, f'{where} for "{path}"')
    expect_clean([build], "use agno 3.1's names and calls: the checker reads the port at 3.1.")


# -- A3.5 ------------------------------------------------------------------------------------------------------
TESTING = "Testing: both paths give the same result"


class _Probe:
    """A pair of workflows (one per path) built by the check: what each path answers, and where it ran."""

    def __init__(self, contents: dict[str, str], skip: str = "") -> None:
        self.contents, self.skip = contents, skip
        self.built: list[str] = []
        self.ran: list[tuple[str, bool]] = []  # (path, whether an event loop ran in the step's thread)

    def __call__(self, path: str) -> Workflow:
        self.built.append(path)
        content = self.contents[path]

        def loop_running() -> bool:
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return False
            return True

        def answer(step_input: StepInput) -> StepOutput:
            self.ran.append(("sync", loop_running()))
            return StepOutput(content=content)

        async def aanswer(step_input: StepInput) -> StepOutput:
            self.ran.append(("async", True))
            return StepOutput(content=content)

        def flaky(step_input: StepInput) -> StepOutput:
            raise ConnectionError("provider down")

        steps: list[Any] = [Step(name="answer", executor=answer if path == "sync" else aanswer)]
        if self.skip == path:  # a step that fails and is skipped: the run still says COMPLETED, with the same content
            steps.insert(0, Step(name="fetch", executor=flaky, max_retries=0))
        elif self.skip:
            steps.insert(0, Step(name="fetch", executor=lambda step_input: StepOutput(content="fetched")))
        return Workflow(name=f"probe ({path})", steps=steps, telemetry=False)


def _verdict(test: Callable[..., Any], probe: _Probe, given: Any, where: str) -> bool:
    async def run() -> Any:
        return await test(probe, given)

    verdict: Any = None
    with quiet():
        try:
            verdict = run_loop(run())
        except AssertionError:
            raise
        except Exception as error:
            expect_no_error(error, where)
    expect(
        isinstance(verdict, bool),
        TESTING,
        f"{where} returned {verdict!r}, not True or False.",
        "return a bool: whether both paths gave the same content and the same outcome for every step.",
    )
    expect(
        sorted(probe.built) == ["async", "sync"],
        TESTING,
        f"{where} built the workflows {probe.built}.",
        'build one workflow per path: build("sync") for run(), build("async") for arun().',
    )
    on_loop = [path for path, running in probe.ran if path == "sync" and running]
    expect(
        not on_loop,
        TESTING,
        f"{where} ran the sync path on the event loop's thread, where no sync caller runs it (and where a step "
        "that starts a loop of its own would fail on both paths alike).",
        "run the sync path in a worker thread: await asyncio.to_thread(workflow.run, input=given).",
    )
    expect(
        sorted(path for path, _ in probe.ran) == ["async", "sync"],
        TESTING,
        f"{where} ran the paths {[path for path, _ in probe.ran]}.",
        "run each path once: workflow.run() on the sync workflow, await workflow.arun() on the async one.",
    )
    return verdict


@exercise(
    "A3.5", "The consistency test for a declared workflow", points=3, rule="Testing: both paths give the same result"
)
def consistency_test(test: Callable[..., Any]) -> None:
    """Awaits `same_on_both_paths(build, given)` on four pairs of probe workflows in a drawn order, with an input and
    answers drawn per run: the same answer on both paths (it must return True), different answers, and the same answer
    with a step that fails and is skipped on the sync path or on the async path (each must return False). Every call
    must return a bool, build one workflow per path, run each path once, and run the sync path off the event loop's
    thread; the rule checker, reading the test as agno 3.1 code, must find nothing."""
    where = "same_on_both_paths(build, given)"
    expect(
        inspect.iscoroutinefunction(test),
        TESTING,
        f"{getattr(test, '__name__', test)} is not an async function.",
        "write `async def same_on_both_paths(build, given) -> bool`.",
    )
    given, same, other = f"input {_token()}", f"answer {_token()}", f"answer {_token()}"
    cases = [
        ("the same answer on both paths", _Probe({"sync": same, "async": same}), True),
        ("different answers", _Probe({"sync": same, "async": other}), False),
        ("the same answer, a step skipped on the sync path", _Probe({"sync": same, "async": same}, "sync"), False),
        ("the same answer, a step skipped on the async path", _Probe({"sync": same, "async": same}, "async"), False),
    ]
    rng.shuffle(cases)
    for case, probe, expected in cases:
        verdict = _verdict(test, probe, given, where)
        if verdict != expected:
            fail(
                TESTING,
                f"for a workflow with {case}, {where} returned {verdict}.",
                "compare the contents and, step by step, each step's name and success: agno 3.1 reports COMPLETED "
                "for a run whose step failed and was skipped.",
            )
    expect_clean([test], "run the sync path in a thread and await the async one.")
