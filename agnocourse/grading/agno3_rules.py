"""Checks for the agno 3 track's rules part: one declared workflow on both paths that fails loudly, a workflow's
stream read without awaiting it, and blocking work moved off the loop by an async executor."""

from __future__ import annotations

import string
import time
from collections.abc import Callable
from typing import Any

from agno.run.base import RunStatus
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
    together,
)
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.probes import Run, last_chunk_at, record_waits, run_timelines
from agnocourse.grading.registry import exercise
from agnocourse.tools import LegacyReportTool


def _symbol() -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=4))


def _token() -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=6))


# -- A3.1 ------------------------------------------------------------------------------------------------------
LOUD_HINT = (
    "a step skips on error unless told to fail: give it human_review=HumanReview(on_error=OnError.fail), "
    "and max_retries=0"
)


class _Validator:
    """The check's own validating step: it counts its calls and rejects the symbols it was told to reject."""

    def __init__(self, bad: str) -> None:
        self.bad, self.seen, self.token = bad, [], _token()

    def __call__(self, step_input: StepInput) -> StepOutput:
        symbol = str(step_input.input)
        self.seen.append(symbol)
        if symbol == self.bad:
            raise ValueError(f"{symbol!r} is not a symbol we cover ({self.token})")
        return StepOutput(content=f"Write a one-line brief on {symbol} ({self.token}).")


def _expect_brief(run: Any, where: str, symbol: str, brief: str, validate: _Validator, writer: Any, entry: str) -> None:
    expect_no_error(run, where)
    content = getattr(run, "content", None)
    expect(
        content == brief,
        "Dual Method Pattern",
        f"{where} ended with content {content!r}; the writer answered {brief!r}.",
        "the workflow's steps are the validating step, then the writer's agent step, in that order.",
    )
    expect(
        validate.seen == [symbol],
        "Dual Method Pattern",
        f"for the input {symbol!r} {where} called the validating step with {validate.seen}.",
        "make the function you were given the workflow's first step, and give it the workflow's input.",
    )
    expect(
        entries(writer) == [entry],
        "Agent Call Patterns",
        f"{where} called the writer's model through {entries(writer)}; this path calls {entry}.",
        "let an agent step call the agent: agno calls agent.run() on the sync path and agent.arun() on the async one.",
    )


def _expect_loud(result: Any, error: BaseException | None, where: str, bad: str, validate: _Validator, writer: Any):
    if error is None:
        status = getattr(getattr(result, "status", None), "value", getattr(result, "status", None))
        fail(
            "Implementation guidelines 3: Error handling",
            f"for the input {bad!r}, which the validating step rejects, {where} did not raise: it returned status "
            f"{status} with content {getattr(result, 'content', None)!r}.",
            LOUD_HINT,
        )
    expect(
        isinstance(error, ValueError) and validate.token in str(error),
        "Implementation guidelines 3: Error handling",
        f"for the input {bad!r} {where} raised {type(error).__name__}: {error}, not the validating step's error.",
        "let the step's own error reach the caller.",
    )
    expect(
        len(validate.seen) == 1,
        "Implementation guidelines 3: Error handling",
        f"{where} ran the validating step {len(validate.seen)} times for one input it rejects.",
        "a rejected input does not get better on a retry: give the step max_retries=0.",
    )
    expect(
        not entries(writer),
        "Implementation guidelines 3: Error handling",
        f"{where} asked the writer after the validating step failed.",
        "a step that fails must stop the workflow.",
    )


@exercise("A3.1", "One declared workflow that fails loudly", points=3, rule="Dual Method Pattern")
def loud_workflow(build: Callable[..., Any]) -> None:
    """Builds the declared agno 3.1 workflow with `brief_workflow(validate, writer)` from the check's own validating
    step (it counts its calls and rejects one drawn five-letter input) and a writer agent whose brief carries a token
    drawn per run, noting which model entry each call went through. `.run()` on a drawn symbol, and three concurrent
    `.arun()` calls beside a heartbeat (writer latency 0.25 to 0.35 s, drawn), must end with the writer's brief, call
    the validating step once with the input, and reach the writer through `invoke` and `ainvoke` respectively; the loop
    may not stall for half the latency and the three writer calls must all be in flight at one moment, as the spans the
    model records show. On the rejected input both paths must raise the validating step's own ValueError, run the step
    once (no retry) and never ask the writer, and the rule checker, reading the builder as agno 3.1 code, must find
    nothing."""
    where = "brief_workflow(validate, writer)"
    latency = rng.uniform(0.25, 0.35)
    brief = f"Brief {_token()}: steady revenue, a calm quarter."

    symbol, bad = _symbol(), f"{_symbol()}X"  # five letters: never one of the four-letter symbols drawn
    validate, writer = _Validator(bad), entry_agent("writer", brief)
    run, error = outcome(lambda: declared(build, validate, writer, where=where).run(input=symbol))
    _expect_brief(error or run, f"{where}.run()", symbol, brief, validate, writer, "invoke")

    symbols = [_symbol() for _ in range(3)]
    parts = [(_Validator(bad), entry_agent("writer", brief, latency=latency)) for _ in symbols]
    timelines = run_timelines(len(parts))
    for (_, writer), timeline in zip(parts, timelines, strict=True):
        record_waits([writer], timeline)
    workflows = [declared(build, *pair, where=where) for pair in parts]
    calls = [lambda wf=wf, s=s: wf.arun(input=s) for wf, s in zip(workflows, symbols, strict=True)]
    runs, _, blocked = together(calls)
    for run in runs:
        expect_no_error(run, f"{where}.arun()")
    expect_loop_free(blocked, latency, f"{where}.arun()", build, "let agent steps call the agents: never agent.run()")
    for run, symbol, (validate, writer) in zip(runs, symbols, parts, strict=True):
        _expect_brief(run, f"{where}.arun()", symbol, brief, validate, writer, "ainvoke")
    expect_overlap(timelines, f"{where}.arun()", "let agent steps call the agents on each path.")

    validate, writer = _Validator(bad), entry_agent("writer", brief)
    result, error = outcome(lambda: declared(build, validate, writer, where=where).run(input=bad))
    _expect_loud(result, error, f"{where}.run()", bad, validate, writer)
    validate, writer = _Validator(bad), entry_agent("writer", brief)
    workflow = declared(build, validate, writer, where=where)
    (result,), _, _ = together([lambda: workflow.arun(input=bad)])
    failed = isinstance(result, BaseException)
    _expect_loud(None if failed else result, result if failed else None, f"{where}.arun()", bad, validate, writer)
    expect_clean([build], "declare the workflow with agno 3.1's names.")


# -- A3.2 ------------------------------------------------------------------------------------------------------
def _storyteller(outline: str, story: str, latency: float) -> tuple[Any, Any, Any]:
    outliner = entry_agent("outliner", outline, latency=latency)
    writer = entry_agent("writer", story, latency=latency, chunk_delay=0.02)
    workflow = Workflow(
        name="story", steps=[Step(name="outline", agent=outliner), Step(name="write", agent=writer)], telemetry=False
    )
    return workflow, outliner, writer


def _expect_story(run: Run, writer: Any, outline: str, story: str, where: str, entry: str) -> None:
    texts = run.items
    expect(
        all(isinstance(text, str) for text in texts),
        "Consistent Return Types",
        f"{where} yielded {sorted({type(t).__name__ for t in texts})}, not the text of each chunk.",
        "yield each content event's .content, a str.",
    )
    joined = "".join(texts)
    expect(
        outline not in joined and not joined.startswith(outline.split()[0]),
        "Agent Call Patterns",
        f"{where} yielded the outliner's text too: {joined[:80]!r}...",
        "keep only the writer's content events: their agent_name is the writer's name.",
    )
    expect(
        len(texts) > 3 and joined == story,
        "Agent Call Patterns",
        f"{where} yielded {len(texts)} text(s) joining to {joined[:80]!r}; the writer wrote {story[:80]!r}.",
        "yield the text of every content event of the writer, once, in order, and nothing else.",
    )
    expect(
        entries(writer)[-1:] == [entry],
        "Agent Call Patterns",
        f"{where} had the writer called through {entries(writer)}; this path streams through {entry}.",
        "stream the workflow on the path you are on: workflow.run(..., stream=True) on the sync one, "
        "workflow.arun(..., stream=True) on the async one.",
    )
    last = last_chunk_at(writer)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        f"the first text reached the caller {run.times[0] - run.started:.2f} s after the start, after the writer had "
        "produced its last chunk.",
        "yield each text inside the loop over the stream; do not collect the events first.",
    )


@exercise("A3.2", "A workflow's stream, not awaited", points=3, rule="AGN106")
def stream_without_await(sync_answer: Callable[..., Any], async_answer: Callable[..., Any]) -> None:
    """Builds two-step workflows (an outliner agent, then a writer agent streaming in 20 ms chunks) whose outline, story
    and topic carry tokens drawn per run. `writer_text(workflow, topic)` is read to its end and two `awriter_text(...)`
    reads run concurrently beside a heartbeat (agent latency 0.25 to 0.35 s, drawn): each must yield only strings, more
    than three, joining to exactly the writer's story and none of the outliner's text, stream through the model's
    `invoke_stream` and `ainvoke_stream` respectively, and deliver its first text before the writer produced its last
    chunk. The loop may not stall for half the latency, at one moment both async reads must have an agent call in
    flight, as the spans the models record show, and the rule checker, reading both functions as agno 3.1 code, must
    find nothing."""
    outline = f"Outline {_token()}: loops, tasks, awaits."
    story = f"Once upon a time an event loop named {_token()} ran many tasks and none of them ever blocked it."
    topic = f"topic {_token()}"

    workflow, _, writer = _storyteller(outline, story, latency=0.0)
    where = "writer_text(workflow, topic)"

    def read() -> Run:
        started, items, times = time.perf_counter(), [], []
        for text in sync_answer(workflow, topic):
            items.append(text)
            times.append(time.perf_counter())
        return Run(items, times, started, time.perf_counter())

    run, error = outcome(read)
    expect_no_error(error, where)
    assert run is not None
    _expect_story(run, writer, outline, story, where, "invoke_stream")

    latency = rng.uniform(0.25, 0.35)
    stories = [_storyteller(outline, story, latency) for _ in range(2)]
    timelines = run_timelines(len(stories))
    for (_, outliner, writer), timeline in zip(stories, timelines, strict=True):
        record_waits([outliner, writer], timeline)
    where = "awriter_text(workflow, topic)"

    async def aread(workflow: Any) -> Run:
        started, items, times = time.perf_counter(), [], []
        async for text in async_answer(workflow, topic):
            items.append(text)
            times.append(time.perf_counter())
        return Run(items, times, started, time.perf_counter())

    runs, _, blocked = together([lambda wf=wf: aread(wf) for wf, _, _ in stories])
    for run in runs:
        expect_no_error(run, where)
    expect_loop_free(blocked, latency, where, async_answer, "stream the workflow with workflow.arun(..., stream=True)")
    for run, (_, _, writer) in zip(runs, stories, strict=True):
        _expect_story(run, writer, outline, story, where, "ainvoke_stream")
    expect_overlap(timelines, where, "await nothing that blocks: stream with arun().")
    expect_clean([sync_answer, async_answer], "match each call to its path, and do not await arun(..., stream=True).")


# -- A3.3 ------------------------------------------------------------------------------------------------------
def _rating(symbol: str) -> str:
    return f"{symbol}: {LegacyReportTool(latency=0).blocking_method(symbol)['rating']}"


@exercise("A3.3", "Blocking work off the loop", points=3, rule="AGN107")
def blocking_off_the_loop(build: Callable[..., Any]) -> None:
    """Builds `rating_workflow(tool, "sync")` with a blocking legacy tool of 50 ms: `.run()` on a drawn symbol must
    answer `'<symbol>: <rating>'` after exactly one tool call. Then three `rating_workflow(tool, "async")` workflows run
    `.arun()` concurrently beside a heartbeat, each with its own blocking tool of 0.25 to 0.35 s (drawn) and a drawn
    symbol: each must complete with the rating after exactly one call of the tool it was built with, the loop may not
    stall for half the latency, and the three tool calls must all be in flight at one moment, as the spans the tools
    record show. The rule checker, reading the builder as agno 3.1 code, must find nothing."""
    where = "rating_workflow(tool, path)"
    symbol = _symbol()
    tool = LegacyReportTool(latency=0.05)
    workflow = declared(build, tool, "sync", where=where)
    run, error = outcome(lambda: workflow.run(input=symbol))
    expect_no_error(error, f'{where} for "sync", .run()')
    content = getattr(run, "content", None)
    expect(
        content == _rating(symbol) and tool.calls == [f"legacy({symbol})"],
        "Always do 1: Proper Sync Implementation",
        f'the "sync" workflow\'s run() gave {content!r} after the tool calls {tool.calls}.',
        "call tool.blocking_method(symbol) once in a sync executor and answer '<symbol>: <rating>'.",
    )

    latency = rng.uniform(0.25, 0.35)
    symbols = [_symbol() for _ in range(3)]
    timelines = run_timelines(len(symbols))
    tools = [LegacyReportTool(latency=latency, timeline=timeline) for timeline in timelines]
    workflows = [declared(build, t, "async", where=where) for t in tools]
    calls = [lambda wf=wf, s=s: wf.arun(input=s) for wf, s in zip(workflows, symbols, strict=True)]
    runs, _, blocked = together(calls)
    for run in runs:
        expect_no_error(run, f'{where} for "async", .arun()')
    for run, symbol, tool in zip(runs, symbols, tools, strict=True):
        content = getattr(run, "content", None)
        expect(
            getattr(run, "status", None) == RunStatus.completed and content == _rating(symbol),
            "Always do 2: Proper Async Implementation",
            f'the "async" workflow\'s arun() gave {content!r} after the tool calls {tool.calls}.',
            "an async executor that calls tool.blocking_method(symbol) once and answers '<symbol>: <rating>' (an "
            "async def executor is the one agno 3.1 runs under arun(); a sync one runs on the loop's thread).",
        )
        # The tool given to the builder, and no other: a tool of the answer's own would make the timing checks
        # below measure nothing.
        expect(
            tool.calls == [f"legacy({symbol})"],
            "Always do 2: Proper Async Implementation",
            f'for the input {symbol!r} the "async" workflow\'s arun() gave the right answer, but the tool passed to '
            + (
                "rating_workflow() was never called"
                if not tool.calls
                else f"rating_workflow() was called {len(tool.calls)} times: {tool.calls}"
            )
            + ".",
            "the executor of each path calls the tool it was built with, once per input: that tool is the slow, "
            "blocking one the async path must keep off the loop.",
        )
    expect_loop_free(blocked, latency, f'{where} for "async", .arun()', build, "await asyncio.to_thread(...) for it")
    expect_overlap(
        timelines, f'{where} for "async", .arun()', "run the blocking call in a thread, and let no lock make runs wait."
    )
    expect_clean([build], "on the async path, run the blocking call with asyncio.to_thread().")
