"""Checks for chapter 7, Performance best practices: streaming, memory, and parallel processing with failures."""

from __future__ import annotations

import inspect
import tracemalloc
from typing import Any

from agno.agent import Agent
from agno.run.response import RunEvent
from agno.workflow import Workflow

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import (
    expect_clean,
    last_chunk_at,
    model_prompts,
    probe_agent,
    run_async_paths,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import ASYNC_CODES as SHARED_ASYNC_CODES
from agnocourse.grading.workflows import (
    expect_loop_free,
    expect_overlap,
    expect_own_run_ids,
    expected_prompt,
    stream_shape,
)
from agnocourse.tools import AsyncFinancialTools, stock_price

COMPLETED = RunEvent.workflow_completed.value
ERROR = RunEvent.run_error.value
DEFAULT = RunEvent.run_response.value
ASYNC_CODES = (*SHARED_ASYNC_CODES, "AGN202")  # and gather must keep every result
LATENCY = 0.3
GATHER = "Performance 3: gather(..., return_exceptions=True) keeps every result"
TASKGROUP = "Performance 3: TaskGroup, all or nothing"


def _async_class(answer: Any) -> type[Workflow]:
    """The answer is a Workflow subclass that defines arun() as an async generator, and not run()."""
    name = getattr(answer, "__name__", repr(answer))
    if not (inspect.isclass(answer) and issubclass(answer, Workflow)):
        fail("Dual Method Pattern", f"{name} is not a Workflow subclass.", "pass the class itself to check().")
    if answer.arun is Workflow.arun:
        fail("Dual Method Pattern", f"{name} does not define arun().", "the class for this path defines arun().")
    if answer.run is not Workflow.run:
        fail(
            "AGN110",
            f"{name} defines both run() and arun(); on agno 1.5.10 its run() then returns None.",
            "keep the async path in a class of its own, which defines arun() only.",
        )
    if not inspect.isasyncgenfunction(answer.arun):
        fail(
            "Dual Method Pattern",
            f"{name}.arun is not an async generator function.",
            "write `async def arun(...)` that yields RunResponse objects.",
        )
    return answer


# -- 7.1 ---------------------------------------------------------------------------------------------------
DIGEST = " ".join(f"point{i}" for i in range(30))
LONG_WORDS = 3000
BYTES_PER_CHUNK = 150  # holding every RunResponse costs about 330 bytes a chunk; relaying costs about nothing


def _digest(cls: type, reply: str, latency: float, chunk_delay: float) -> Any:
    wf: Any = cls()
    wf.writer = probe_agent("writer", reply, latency=latency, chunk_delay=chunk_delay)
    return wf


def _expect_digest(run: Any, wf: Any, where: str) -> None:
    items = run.items
    expect(bool(items), "Streaming Optimization", f"{where} yielded nothing.", "relay the writer's chunks.")
    shape = stream_shape(items)
    chunks = items[:-1]
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == DIGEST and shape[-1][0] == COMPLETED,
        "Streaming Optimization",
        f"{where} yielded {len(chunks)} item(s) before its last, and the last had event {shape[-1][0]!r}.",
        "yield every chunk of the writer's stream as it arrives, then one item with RunEvent.workflow_completed.",
    )
    expect(
        shape[-1][1] == DIGEST,
        "Streaming Optimization",
        f"the final item's content was {str(shape[-1][1])[:60]!r}.",
        "the final item carries the whole text: add each chunk's content to a string as it passes.",
    )
    expect(
        model_prompts(wf.writer) == [wf.prompt_for("event loops")],
        "Streaming Optimization",
        f"the writer was asked {model_prompts(wf.writer)}.",
        "ask the writer once, with the shared prompt_for(topic).",
    )
    last = last_chunk_at(wf.writer)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        f"the first item reached the caller {run.times[0] - run.started:.2f} s after the start, after the writer "
        "had produced its last chunk: the reader waited for the whole answer.",
        "yield each chunk inside the loop over the stream; do not hold the chunks back.",
    )


def _peak(produce: Any) -> int:
    """The peak traced memory, in bytes, of reading one async stream to its end (after a warm-up read)."""

    async def read() -> int:
        async for _ in produce():
            pass
        tracemalloc.start()
        try:
            async for _ in produce():
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    return run_loop(read())


def _expect_flat_memory(cls: type, where: str) -> None:
    reply = " ".join(f"w{i}" for i in range(LONG_WORDS))
    agent: Agent = probe_agent("writer", reply)
    wf: Any = cls()
    wf.writer = agent

    async def agent_alone() -> Any:
        async for chunk in await agent.arun("Digest", stream=True):
            yield chunk

    if tracemalloc.is_tracing():  # someone else is measuring: the figures would not be ours
        return
    extra = _peak(lambda: wf.arun(topic="event loops")) - _peak(agent_alone)
    expect(
        extra < BYTES_PER_CHUNK * LONG_WORDS,
        "AGN103",
        f"reading {where} over a {LONG_WORDS}-chunk answer needed {extra / LONG_WORDS:.0f} bytes per chunk more "
        "than reading the agent's stream itself: the path keeps every chunk until the end.",
        "keep only what you need of each chunk (its text), not the RunResponse objects.",
    )


@exercise("7.1", "Stream, don't collect", points=3, rule="AGN103")
def stream_digest(answer: Any) -> None:
    cls = _async_class(answer)
    where = f"{cls.__name__}.arun()"
    wfs = [_digest(cls, DIGEST, latency=LATENCY, chunk_delay=0.01) for _ in range(2)]
    runs, _, blocked = run_async_paths([lambda wf=wf: wf.arun(topic="event loops") for wf in wfs], where)
    expect_loop_free(
        where, blocked, "AGN107", "await agent.arun(..., stream=True) and iterate what it returns", latency=LATENCY
    )
    for wf, run in zip(wfs, runs, strict=True):
        _expect_digest(run, wf, where)
    expect_own_run_ids(wfs, runs, cls)
    _expect_flat_memory(cls, where)
    expect_clean(cls, ASYNC_CODES, "relay the stream item by item, in an async path of its own.")


# -- 7.2 ---------------------------------------------------------------------------------------------------
BOARD = ["AAPL", "BAD", "MSFT", "WORSE", "NVDA"]
FAILING = {"BAD", "WORSE"}


def _quote(symbol: str) -> str:
    return f"{symbol}: {stock_price(symbol)['price_usd']} USD"


@exercise("7.2", "Every result and every error: a price board", points=4, rule="AGN202")
def price_board(answer: Any) -> None:
    cls = _async_class(answer)
    where = f"{cls.__name__}.arun({BOARD})"
    wf: Any = cls()
    wf.async_tools = AsyncFinancialTools(latency=LATENCY, fail_for=FAILING)
    runs, seconds, blocked = run_async_paths([lambda: wf.arun(symbols=BOARD)], where)
    expect_loop_free(where, blocked, "AGN107", "await the async price client", latency=LATENCY)
    items = runs[0].items
    shape = stream_shape(items)
    expect(
        bool(items) and shape[-1][0] == COMPLETED,
        "Consistent Return Types",
        f"{where} yielded {shape}.",
        "end the run with one RunResponse whose event is RunEvent.workflow_completed.",
    )
    body = shape[:-1]
    errors = [content for event, content in body if event == ERROR]
    kept = [content for event, content in body if event == DEFAULT]
    good = [s for s in BOARD if s not in FAILING]
    expect(
        kept == [_quote(s) for s in good],
        GATHER,
        f"{len(good)} symbols had prices, and {where} reported {len(kept)} of them: {kept}. A failure must not "
        "cost the other results.",
        "let every call finish and keep each result in its place: gather with return_exceptions=True.",
    )
    expect(
        len(errors) == len(FAILING) and all(any(s in str(c) for c in errors) for s in FAILING),
        "Performance 3: every failure reported",
        f"{len(FAILING)} symbols failed and {where} reported {len(errors)} error item(s): {errors}.",
        "each failing call gets its own RunResponse with event=RunEvent.run_error that names its error.",
    )
    named = [next((s for s in BOARD if s in str(content)), None) for _, content in body]
    order = [s for s in named if s is not None]
    expect(
        order == BOARD,
        "Performance 3: every failure reported",
        f"{where} reported the symbols in the order {order}.",
        "one item per symbol, in the order of the symbols asked for.",
    )
    expect(
        shape[-1][1] == f"{len(good)} of {len(BOARD)} quotes",
        "Consistent Return Types",
        f"the final content was {shape[-1][1]!r}.",
        "end with '<found> of <asked> quotes'.",
    )
    expect_overlap(
        seconds,
        len(BOARD),
        LATENCY,
        "Performance 3: parallel processing",
        where,
        "start every call before awaiting any of them.",
    )
    expect_own_run_ids([wf], runs, cls)
    expect_clean(cls, ASYNC_CODES, "gather the calls with return_exceptions=True and handle each result.")


# -- 7.3 ---------------------------------------------------------------------------------------------------
REPORT = "Report ready."
SLOW = 0.6
FAST = 0.1


def _report_workflow(cls: type) -> Any:
    wf: Any = cls()
    wf.income_tool = AsyncFinancialTools(latency=SLOW)
    wf.financials_tool = AsyncFinancialTools(latency=SLOW)
    wf.price_tool = AsyncFinancialTools(latency=FAST, fail_for={"NEWCO"})
    wf.report_agent = probe_agent("reporter", REPORT)
    return wf


def _run_report(cls: type, symbol: str) -> tuple[Any, Any, float]:
    wf = _report_workflow(cls)
    where = f"{cls.__name__}.arun(symbol={symbol!r})"
    try:
        runs, seconds, blocked = run_async_paths([lambda: wf.arun(symbol=symbol)], where)
    except AssertionError as failure:
        if "ExceptionGroup" in str(failure):
            fail(
                "Modern Async Patterns 2: except*",
                f"{where} let an ExceptionGroup escape: a TaskGroup wraps the failures of its tasks in one.",
                "catch the failures inside the group with except* and report each one.",
            )
        raise
    expect_loop_free(where, blocked, "AGN107", "await the async data sources", latency=LATENCY)
    expect_own_run_ids([wf], runs, cls)
    return wf, runs[0].items, seconds


@exercise("7.3", "All or nothing: a company report", points=3, rule="Performance: all or nothing with a TaskGroup")
def company_report(answer: Any) -> None:
    cls = _async_class(answer)

    wf, items, seconds = _run_report(cls, "MSFT")
    where = f"{cls.__name__}.arun(symbol='MSFT')"
    expect(
        stream_shape(items) == [(COMPLETED, REPORT)],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(items)}.",
        "when all three calls succeed, yield one RunResponse: the report agent's answer, with workflow_completed.",
    )
    prompts = model_prompts(wf.report_agent)
    expect(
        prompts == [expected_prompt("MSFT")],
        "Consistent Return Types",
        f"the report agent was asked {prompts}.",
        "ask it once, with self.report_prompt(data) over the income statement, financials and price.",
    )
    expect_timing(
        seconds < SLOW + FAST + 0.3,
        "Performance 3: parallel processing",
        f"{where} took {seconds:.2f} s for calls of {SLOW}, {SLOW} and {FAST} s.",
        "start the three calls together in one asyncio.TaskGroup.",
    )

    wf, items, seconds = _run_report(cls, "NEWCO")
    where = f"{cls.__name__}.arun(symbol='NEWCO')"
    shape = stream_shape(items)
    expect(
        len(shape) == 1 and shape[0][0] == ERROR and "no data for symbol 'NEWCO'" in str(shape[0][1]),
        "Performance 3: every failure reported",
        f"the price call failed with \"no data for symbol 'NEWCO'\" and {where} yielded {shape}.",
        "report each failure of the group on its own, as a RunResponse with event=RunEvent.run_error, and "
        "nothing else: a report without its data is no report.",
    )
    expect(
        not model_prompts(wf.report_agent),
        TASKGROUP,
        f"{where} asked the report agent {model_prompts(wf.report_agent)} although its data was incomplete.",
        "ask the report agent only when all three calls succeeded.",
    )
    expect_timing(
        seconds < SLOW - 0.15,
        TASKGROUP,
        f"the price call failed after {FAST} s, and {where} still took {seconds:.2f} s: the other calls ran to "
        f"their end ({SLOW} s) although their results could no longer be used.",
        "run the calls in an asyncio.TaskGroup, which cancels the others as soon as one fails.",
    )
    expect_clean(cls, ASYNC_CODES, "fetch with a TaskGroup, report failures with except*, in an async path.")
