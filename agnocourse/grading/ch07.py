"""Checks for chapter 7, Performance best practices: streaming, memory, and parallel processing with failures."""

from __future__ import annotations

import inspect
import random
import tracemalloc
from typing import Any

from agno.agent import Agent
from agno.run.response import RunEvent
from agno.workflow import Workflow

from agnocourse.grading import draws
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.paths import async_runs, expect_paths_clean, expect_run_recorded
from agnocourse.grading.probes import Run, last_chunk_at, model_prompts, probe_agent
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    event_name,
    expect_overlap,
    expected_prompt,
    sentence,
    stream_shape,
    workflow_class,
)
from agnocourse.tools import AsyncFinancialTools

COMPLETED = RunEvent.workflow_completed.value
ERROR = RunEvent.run_error.value
DEFAULT = RunEvent.run_response.value
# AGN202 (gather without return_exceptions) is advice, not among the codes checked: a gather over coroutines that
# each catch their own failure is right, and one whose failure escapes fails on what it does (it costs the results).
LATENCY = 0.3
GATHER = "Performance 3: gather(..., return_exceptions=True) keeps every result"
TASKGROUP = "Performance 3: TaskGroup, all or nothing"


def _async_class(answer: Any) -> type[Workflow]:
    """The answer is a Workflow subclass that defines arun() only, as an async generator."""
    cls = workflow_class(answer, "arun", "run")
    expect(
        inspect.isasyncgenfunction(cls.arun),
        "Dual Method Pattern",
        f"{cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )
    return cls


# -- 7.1 ---------------------------------------------------------------------------------------------------
LONG_WORDS = 3000
# Words of 12 letters: keeping the text costs about 13 bytes a chunk, every RunResponse about 340; running
# statistics cost about nothing.
BYTES_PER_CHUNK = 4


def digest_summary(text: str) -> str:
    """The final content 7.1 asks for: the word count and the first of the longest words."""
    words = text.split()
    return f"{len(words)} words, longest: {max(words, key=len)}"


def _digest(cls: type, reply: str, latency: float, chunk_delay: float) -> Any:
    wf: Any = cls()
    wf.writer = probe_agent("writer", reply, latency=latency, chunk_delay=chunk_delay)
    return wf


def _expect_digest(run: Any, wf: Any, digest: str, topic: str, where: str) -> None:
    items = run.items
    expect(bool(items), "Streaming Optimization", f"{where} yielded nothing.", "relay the writer's chunks.")
    shape = stream_shape(items)
    chunks = items[:-1]
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == digest and shape[-1][0] == COMPLETED,
        "Streaming Optimization",
        f"{where} yielded {len(chunks)} item(s) before its last, and the last had event {shape[-1][0]!r}.",
        "yield every chunk of the writer's stream as it arrives, then one item with RunEvent.workflow_completed.",
    )
    expect(
        shape[-1][1] == digest_summary(digest),
        "Streaming Optimization",
        f"the final item's content was {str(shape[-1][1])[:60]!r}; the writer's answer gives "
        f"{digest_summary(digest)!r}.",
        "count the words and keep the first longest one as each chunk passes, then yield self.summary(count, longest).",
    )
    expect(
        model_prompts(wf.writer) == [wf.prompt_for(topic)],
        "Streaming Optimization",
        f"for topic={topic!r} the writer was asked {model_prompts(wf.writer)}.",
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
    reply = " ".join(f"word{i:08d}" for i in range(LONG_WORDS))
    agent: Agent = probe_agent("writer", reply)
    wf: Any = cls()
    wf.writer = agent

    async def agent_alone() -> Any:
        async for chunk in await agent.arun("Digest", stream=True):
            yield chunk

    if tracemalloc.is_tracing():  # someone else is measuring: the figures would not be ours
        return
    extra = _peak(lambda: wf.arun(topic=draws.topic())) - _peak(agent_alone)
    expect(
        extra < BYTES_PER_CHUNK * LONG_WORDS,
        "AGN103",
        f"reading {where} over a {LONG_WORDS}-chunk answer needed {extra / LONG_WORDS:.0f} bytes per chunk more "
        "than reading the agent's stream itself: the path keeps every chunk until the end.",
        "keep running statistics (a count and the longest word so far), not the chunks or the text.",
    )


@exercise("7.1", "Running statistics in constant memory", points=3, rule="AGN103")
def stream_digest(answer: Any) -> None:
    cls = _async_class(answer)
    where = f"{cls.__name__}.arun()"
    digests, topics = [draws.text(30) for _ in range(2)], draws.topics(2)
    workflows = [_digest(cls, digest, latency=LATENCY, chunk_delay=0.01) for digest in digests]
    async_runs(
        workflows,
        lambda i, wf: wf.arun(topic=topics[i]),
        latency=LATENCY,
        stall_code="AGN107",
        stall_hint="await agent.arun(..., stream=True) and iterate what it returns",
        expect_each=lambda i, wf, run: _expect_digest(run, wf, digests[i], topics[i], where),
    )
    for wf in workflows:
        expect_run_recorded(wf, where, "Dual Method Pattern")
    _expect_flat_memory(cls, where)
    expect_paths_clean(None, cls, "", "relay the stream item by item, in an async path of its own.")


# -- 7.2 ---------------------------------------------------------------------------------------------------
class DrawnPrices(AsyncFinancialTools):
    """The price client of one check: prices drawn for that check, so only a call can know them."""

    def __init__(self, symbols: list[str], latency: float, fail_for: set[str]) -> None:
        super().__init__(latency=latency, fail_for=fail_for)
        self.prices = {symbol: round(random.uniform(10, 900), 2) for symbol in symbols}

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        return await self._fetch("price", symbol, lambda s: {"symbol": s, "price_usd": self.prices[s]})


BOARD_HINT = (
    "an unknown symbol must not end the board: let every call finish and keep each failure as a result "
    "(gather with return_exceptions=True, or a coroutine per symbol that catches its own failure)."
)


def errors_said(items: list[Any]) -> str:
    """What the run_error items said, for a message: a hidden TypeError shows up here."""
    said = [str(item.content) for item in items if event_name(item) == ERROR]
    return f" Its run_error items said {said}." if said else ""


def _expect_board(run: Run, wf: Any, tools: DrawnPrices, board: list[str], failing: set[str], where: str) -> None:
    items = run.items
    shape = stream_shape(items)
    expect(
        bool(items) and shape[-1][0] == COMPLETED,
        "Consistent Return Types",
        f"{where} yielded {shape}.",
        "end the run with one RunResponse whose event is RunEvent.workflow_completed.",
    )
    expect(
        sorted(tools.calls) == sorted(f"price({s})" for s in board),
        "Performance 3: parallel processing",
        f"{where} called the price client {sorted(tools.calls)}.{errors_said(items)}",
        "ask self.async_tools.get_stock_price(symbol) once for each symbol: the prices are only known by asking.",
    )
    body = shape[:-1]
    errors = [content for event, content in body if event == ERROR]
    kept = [content for event, content in body if event == DEFAULT]
    good = [s for s in board if s not in failing]
    expect(
        kept == [wf.quote({"symbol": s, "price_usd": tools.prices[s]}) for s in good],
        GATHER,
        f"{len(good)} symbols had prices, and {where} reported {len(kept)} of them: {kept}. A failure must not "
        f"cost the other results.{errors_said(items)}",
        "let every call finish and keep each result in its place: gather with return_exceptions=True.",
    )
    expect(
        len(errors) == len(failing) and all(any(s in str(c) for c in errors) for s in failing),
        "Performance 3: every failure reported",
        f"{sorted(failing)} failed and {where} reported {len(errors)} error item(s): {errors}.",
        "each failing call gets its own RunResponse with event=RunEvent.run_error that names its error.",
    )
    named = [next((s for s in board if s in str(content)), None) for _, content in body]
    order = [s for s in named if s is not None]
    expect(
        order == board,
        "Performance 3: every failure reported",
        f"{where} reported the symbols in the order {order}.",
        "one item per symbol, in the order of the symbols asked for.",
    )
    expect(
        shape[-1][1] == f"{len(good)} of {len(board)} quotes",
        "Consistent Return Types",
        f"the final content was {shape[-1][1]!r}.",
        "end with '<found> of <asked> quotes'.",
    )


@exercise("7.2", "Every result and every error: a price board", points=4, rule="AGN202")
def price_board(answer: Any) -> None:
    cls = _async_class(answer)
    board = draws.symbols(5)
    failing = draws.failing(board, 2)
    where = f"{cls.__name__}.arun({board})"
    wf: Any = cls()
    wf.async_tools = tools = DrawnPrices(board, latency=LATENCY, fail_for=failing)
    [run] = async_runs(
        [wf],
        lambda _, wf: wf.arun(symbols=board),
        latency=LATENCY,
        stall_code="AGN107",
        stall_hint="await the async price client",
        expect_each=lambda _, wf, run: _expect_board(run, wf, tools, board, failing, where),
        hint=BOARD_HINT,
    )
    expect_overlap(
        run.seconds,
        len(board),
        LATENCY,
        "Performance 3: parallel processing",
        where,
        "start every call before awaiting any of them.",
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    expect_paths_clean(None, cls, "", "gather the calls with return_exceptions=True and handle each result.")


# -- 7.3 ---------------------------------------------------------------------------------------------------
REPORT = "Report ready."
SLOW = 0.6
FAST = 0.1
SOURCES = {"income_tool": "income", "financials_tool": "financials", "price_tool": "price"}


def _report_workflow(cls: type, symbol: str, failing: str | None) -> Any:
    """A report workflow whose statement sources take SLOW; the `failing` source (if any) fails after FAST."""
    wf: Any = cls()
    for attribute in SOURCES:
        fails = attribute == failing
        tools = AsyncFinancialTools(latency=FAST if fails or attribute == "price_tool" else SLOW)
        tools.fail_for = {symbol} if fails else set()
        setattr(wf, attribute, tools)
    wf.report_agent = probe_agent("reporter", REPORT)
    return wf


def _run_report(cls: type, symbol: str, failing: str | None) -> tuple[Any, Any, float]:
    wf = _report_workflow(cls, symbol, failing)
    where = f"{cls.__name__}.arun(symbol={symbol!r})"
    try:
        [run] = async_runs(
            [wf],
            lambda _, wf: wf.arun(symbol=symbol),
            latency=LATENCY,
            stall_code="AGN107",
            stall_hint="await the async data sources",
            expect_each=lambda *_: None,
        )
    except AssertionError as failure:
        if "ExceptionGroup" in str(failure):
            fail(
                "Modern Async Patterns 2: except*",
                f"{where} let an ExceptionGroup escape: a TaskGroup wraps the failures of its tasks in one.",
                "catch the failures inside the group with except* and report each one.",
            )
        raise
    return wf, run.items, run.seconds


def _expect_sources_asked(wf: Any, symbol: str, where: str) -> None:
    asked = {attribute: getattr(wf, attribute).calls for attribute in SOURCES}
    expect(
        all(calls == [f"{method}({symbol})"] for calls, method in zip(asked.values(), SOURCES.values(), strict=True)),
        "Performance 3: parallel processing",
        f"{where} called the data sources {asked}.",
        "ask each of the three sources once for the symbol: the report's data comes from them.",
    )


@exercise("7.3", "All or nothing: a company report", points=3, rule="Performance: all or nothing with a TaskGroup")
def company_report(answer: Any) -> None:
    cls = _async_class(answer)
    known, unknown = draws.symbols(2)

    wf, items, seconds = _run_report(cls, known, failing=None)
    where = f"{cls.__name__}.arun(symbol={known!r})"
    _expect_sources_asked(wf, known, where)
    expect(
        stream_shape(items) == [(COMPLETED, REPORT)],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(items)}.{errors_said(items)}",
        "when all three calls succeed, yield one RunResponse: the report agent's answer, with workflow_completed.",
    )
    prompts = model_prompts(wf.report_agent)
    expect(
        prompts == [expected_prompt(known)],
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

    expect_run_recorded(wf, where, "Dual Method Pattern")

    failing = random.choice(list(SOURCES))
    wf, items, seconds = _run_report(cls, unknown, failing=failing)
    where = f"{cls.__name__}.arun(symbol={unknown!r})"
    shape = stream_shape(items)
    message = f"no data for symbol {unknown!r}"
    expect(
        len(shape) == 1 and shape[0][0] == ERROR and message in str(shape[0][1]),
        "Performance 3: every failure reported",
        sentence(f"the {failing} call failed with {message!r} and {where} yielded {shape}"),
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
        f"the {failing} call failed after {FAST} s, and {where} still took {seconds:.2f} s: the other calls ran to "
        f"their end ({SLOW} s) although their results could no longer be used.",
        "run the calls in an asyncio.TaskGroup, which cancels the others as soon as one fails.",
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    expect_paths_clean(None, cls, "", "fetch with a TaskGroup, report failures with except*, in an async path.")
