"""Checks for chapter 7, Performance best practices: running statistics over a stream in constant memory, a TaskGroup
for each company of a watchlist that keeps every company, and parallel results yielded as they finish."""

from __future__ import annotations

import asyncio
import inspect
import random
import time
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
    expected_prompt,
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
LIVE = "Performance 1 and 3: parallel results streamed as they finish"


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
    """The peak traced memory, in bytes above what was traced before, of reading one async stream to its end (after
    a warm-up read); tracing that was already on (a learner's own measurement) is used and left on."""

    async def read() -> int:
        async for _ in produce():
            pass
        already = tracemalloc.is_tracing()
        if not already:
            tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            async for _ in produce():
                pass
            return tracemalloc.get_traced_memory()[1] - before
        finally:
            if not already:
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
SOURCES = {"income_tool": "income", "financials_tool": "financials", "price_tool": "price"}
SLOW = 0.4  # seconds per call that succeeds
FAIL_AFTER = 0.05  # seconds before a failing call fails, while its company's other calls have most of SLOW to go
ALL_OR_NOTHING = "Performance 3: TaskGroup, all or nothing"


class _Source(AsyncFinancialTools):
    """One data source of a 7.2 check. Calls for the `failing` symbols fail after FAIL_AFTER s, the others answer
    after SLOW s; each call that ends is noted as finished or cancelled."""

    def __init__(self, failing: set[str]) -> None:
        super().__init__(latency=SLOW, fail_for=failing)
        self.finished: list[str] = []
        self.cancelled: list[str] = []

    async def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        with self._call(method, symbol):
            try:
                await asyncio.sleep(FAIL_AFTER if symbol in self.fail_for else self.latency)
            except asyncio.CancelledError:
                self.cancelled.append(symbol)
                raise
            self._check(symbol)
            self.finished.append(symbol)
            return data(symbol)


def errors_said(items: list[Any]) -> str:
    """What the run_error items said, for a message: a hidden TypeError shows up here."""
    said = [str(item.content) for item in items if event_name(item) == ERROR]
    return f" Its run_error items said {said}." if said else ""


def _no_data(symbol: str) -> str:
    return f"no data for symbol {symbol!r}"


def _company_of(content: Any, symbols: list[str], lines: dict[str, str]) -> str | None:
    """The company an item is about: the one whose line it is, or whose symbol its text names."""
    text = str(content)
    return next((s for s in symbols if text == lines[s]), None) or next((s for s in symbols if s in text), None)


def _expect_watchlist(run: Run, wf: Any, symbols: list[str], failing: dict[str, str], where: str) -> None:
    items = run.items
    shape = stream_shape(items)
    expect(
        bool(items) and shape[-1][0] == COMPLETED,
        "Consistent Return Types",
        f"{where} yielded {shape}.{errors_said(items)}",
        "end the run with one RunResponse whose event is RunEvent.workflow_completed.",
    )
    asked = {attribute: sorted(getattr(wf, attribute).calls) for attribute in SOURCES}
    expect(
        all(asked[a] == sorted(f"{method}({s})" for s in symbols) for a, method in SOURCES.items()),
        "Performance 3: parallel processing",
        f"{where} called the data sources {asked}.{errors_said(items)}",
        "ask each of the three sources once for every company: a company's figures are only known by asking.",
    )
    body = shape[:-1]
    lines = {s: expected_prompt(s) for s in symbols}
    complete = [s for s in symbols if s not in failing]
    kept = [content for event, content in body if event == DEFAULT]
    expect(
        kept == [lines[s] for s in complete],
        GATHER,
        f"{len(complete)} of the {len(symbols)} companies had all their data, and {where} reported {len(kept)} "
        f"line(s): {kept}. One company's failure must not cost the others their line.{errors_said(items)}",
        "keep each company's failure to that company's own calls, and yield self.line(data) for every company "
        "whose three calls succeeded.",
    )
    errors = [str(content) for event, content in body if event == ERROR]
    failed = " and ".join(
        f"the {SOURCES[failing[s]]} call for {s} failed with {_no_data(s)!r}" for s in sorted(failing)
    )
    expect(
        len(errors) == len(failing) and all(any(_no_data(s) in e for e in errors) for s in failing),
        "Performance 3: every failure reported",
        f"{failed}, and {where} reported {len(errors)} error item(s): {errors}.",
        "one RunResponse with event=RunEvent.run_error for each company whose call failed, whose content includes "
        "the error's message (an ExceptionGroup's own text does not: take the group apart).",
    )
    order = [_company_of(content, symbols, lines) for _, content in body]
    expect(
        order == symbols,
        "Performance 3: every failure reported",
        f"{where} reported the companies in the order {order}.",
        "one item per company, in the order of the symbols asked for.",
    )
    expect(
        shape[-1][1] == f"{len(complete)} of {len(symbols)} companies",
        "Consistent Return Types",
        f"the final content was {shape[-1][1]!r}.",
        "end with '<complete> of <asked> companies'.",
    )


def _call_states(wf: Any, symbol: str, attributes: list[str]) -> dict[str, str]:
    """How the calls for `symbol` to each of `attributes` ended."""
    states = {}
    for attribute in attributes:
        source = getattr(wf, attribute)
        states[SOURCES[attribute]] = (
            "cancelled"
            if symbol in source.cancelled
            else "ran to its end"
            if symbol in source.finished
            else "was still running"
        )
    return states


@exercise(
    "7.2",
    "A watchlist: all or nothing per company, every company kept",
    points=4,
    rule="Performance 3: TaskGroup, all or nothing",
)
def watchlist(answer: Any) -> None:
    cls = _async_class(answer)
    symbols = draws.symbols(random.randint(4, 6))
    failing = {s: random.choice(list(SOURCES)) for s in random.sample(symbols, random.randint(1, 2))}
    where = f"{cls.__name__}.arun({symbols})"
    wf: Any = cls()
    for attribute in SOURCES:
        setattr(wf, attribute, _Source({s for s, a in failing.items() if a == attribute}))
    [run] = async_runs(
        [wf],
        lambda _, wf: wf.arun(symbols=symbols),
        latency=SLOW,
        stall_code="AGN107",
        stall_hint="await the async data sources",
        expect_each=lambda _, wf, run: _expect_watchlist(run, wf, symbols, failing, where),
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    # Every call at once takes about SLOW; the quickest wrong order, one company after another or one call after
    # another within each company, takes `serial`. The line sits half-way between the two.
    serial = min(3 * SLOW, (len(symbols) - len(failing)) * SLOW + len(failing) * FAIL_AFTER)
    expect_timing(
        run.seconds < (SLOW + serial) / 2,
        "Performance 3: parallel processing",
        f"{where} asked for {len(symbols)} companies' figures, calls of {SLOW} s each, and took {run.seconds:.2f} s: "
        f"all at once take about {SLOW} s; one company after another, or one call after another within each "
        f"company, {serial:.2f} s or more.",
        "start every company's calls before awaiting any of them.",
    )
    for symbol, attribute in failing.items():
        others = [a for a in SOURCES if a != attribute]
        states = _call_states(wf, symbol, others)
        expect(
            all(state == "cancelled" for state in states.values()),
            ALL_OR_NOTHING,
            f"the {SOURCES[attribute]} call for {symbol} failed after {FAIL_AFTER} s; then its "
            + " and its ".join(f"{name} call {state}" for name, state in states.items())
            + f" (calls of {SLOW} s), although {symbol}'s line could no longer be made.",
            "a company's line needs all three of its calls: run them so that the others are cancelled as soon as "
            "one fails (a TaskGroup per company), and keep each company's failure to that company.",
        )
    expect_paths_clean(
        None, cls, "", "a TaskGroup for each company, every company kept, failures reported in an async path."
    )


# -- 7.3 ---------------------------------------------------------------------------------------------------
LIVE_LATENCIES = (0.05, 0.15, 0.25, 0.35, 0.45)  # seconds, one per symbol: 0.1 s between one call's end and the next


class _LivePrices(AsyncFinancialTools):
    """The price feed of one 7.3 check: a latency and a price drawn for each symbol on every run, and when each
    call ended."""

    def __init__(self, symbols: list[str], failing: set[str]) -> None:
        latencies = dict(zip(symbols, random.sample(LIVE_LATENCIES, len(symbols)), strict=True))
        super().__init__(latencies=latencies, fail_for=failing)
        self.prices = {symbol: round(random.uniform(10, 900), 2) for symbol in symbols}
        self.ended: dict[str, float] = {}

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        try:
            return await self._fetch("price", symbol, lambda s: {"symbol": s, "price_usd": self.prices[s]})
        finally:
            self.ended.setdefault(symbol, time.perf_counter())

    def in_order_of_latency(self) -> list[str]:
        return sorted(self.latencies, key=self.latencies.__getitem__)

    def in_order_of_ending(self) -> list[str]:
        """The symbols in the order their calls ended (as they were made: at once, or one after another)."""
        return sorted(self.ended, key=self.ended.__getitem__)


def _live_draw() -> tuple[list[str], _LivePrices]:
    """Four or five symbols and their feed, one or two of them failing. The first symbol is never the fastest, so
    the order of the symbols is never the order the calls end in; and the failing symbols are never the slowest
    ones, so failures reported after the prices are out of order too."""
    while True:
        symbols = draws.symbols(random.randint(4, len(LIVE_LATENCIES)))
        feed = _LivePrices(symbols, draws.failing(symbols, random.randint(1, 2)))
        ending = feed.in_order_of_latency()
        if ending[0] != symbols[0] and set(ending[-len(feed.fail_for) :]) != feed.fail_for:
            return symbols, feed


def _expect_live(run: Run, wf: Any, feed: _LivePrices, symbols: list[str], where: str) -> None:
    items = run.items
    shape = stream_shape(items)
    expect(
        bool(items) and shape[-1][0] == COMPLETED,
        "Consistent Return Types",
        f"{where} yielded {shape}.{errors_said(items)}",
        "end the run with one RunResponse whose event is RunEvent.workflow_completed.",
    )
    expect(
        sorted(feed.calls) == sorted(f"price({s})" for s in symbols),
        "Performance 3: parallel processing",
        f"{where} called the price client {sorted(feed.calls)}.{errors_said(items)}",
        "ask self.async_tools.get_stock_price(symbol) once for each symbol: the prices are only known by asking.",
    )
    body = shape[:-1]
    good = [s for s in symbols if s not in feed.fail_for]
    quotes = {s: wf.quote({"symbol": s, "price_usd": feed.prices[s]}) for s in good}
    kept = [content for event, content in body if event == DEFAULT]
    expect(
        sorted(map(str, kept)) == sorted(quotes.values()),
        "Performance 3: every result reported",
        f"{len(good)} symbols had prices, and {where} reported {len(kept)} quote(s): {kept}.{errors_said(items)}",
        "one RunResponse with content=self.quote(price) for every price that arrived.",
    )
    errors = [str(content) for event, content in body if event == ERROR]
    failing = sorted(feed.fail_for)
    expect(
        len(errors) == len(failing) and all(any(_no_data(s) in e for e in errors) for s in failing),
        "Performance 3: every failure reported",
        f"{failing} failed and {where} reported {len(errors)} error item(s): {errors}.",
        "each failing call gets its own RunResponse with event=RunEvent.run_error whose content includes its error.",
    )
    named = [next((s for s in symbols if s in str(content)), None) for _, content in body]
    ending = feed.in_order_of_ending()
    expect(
        named == ending,
        LIVE,
        f"{where} reported the symbols in the order {named}; their calls ended in the order {ending}.",
        "yield each symbol's item when its call ends, in the order the calls finish, not the order of the symbols.",
    )
    ended = sorted(feed.ended.values())
    for k, arrived in enumerate(run.times[: len(ended) - 1]):
        if arrived >= ended[k + 1]:
            first = "the first item" if k == 0 else f"item {k + 1}"
            fail(
                LIVE,
                f"{first} ({named[k]}) reached the caller {arrived - run.started:.2f} s after the start, although "
                f"its call had ended at {feed.ended[str(named[k])] - run.started:.2f} s and the next one at "
                f"{ended[k + 1] - run.started:.2f} s: the board held back prices that had already arrived.",
                "yield each price as soon as its call ends: take the calls in the order they finish "
                "(asyncio.as_completed) instead of waiting for all of them.",
                timing=True,
            )
    expect(
        shape[-1][1] == f"{len(good)} of {len(symbols)} quotes",
        "Consistent Return Types",
        f"the final content was {shape[-1][1]!r}.",
        "end with '<found> of <asked> quotes'.",
    )


@exercise(
    "7.3", "Each price as it arrives", points=3, rule="Performance 1 and 3: parallel results streamed as they finish"
)
def live_board(answer: Any) -> None:
    cls = _async_class(answer)
    symbols, feed = _live_draw()
    where = f"{cls.__name__}.arun({symbols})"
    wf: Any = cls()
    wf.async_tools = feed
    [run] = async_runs(
        [wf],
        lambda _, wf: wf.arun(symbols=symbols),
        latency=min(LIVE_LATENCIES) * 2,
        stall_code="AGN107",
        stall_hint="await the async price client",
        expect_each=lambda _, wf, run: _expect_live(run, wf, feed, symbols, where),
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    slowest, serial = max(feed.latencies.values()), sum(feed.latencies.values())
    expect_timing(
        run.seconds < (slowest + serial) / 2,
        "Performance 3: parallel processing",
        f"{where} made {len(symbols)} calls of {min(feed.latencies.values())} to {slowest} s and took "
        f"{run.seconds:.2f} s: concurrent calls take about the slowest one, {slowest} s; one after another, "
        f"{serial:.2f} s.",
        "start every call before awaiting any of them.",
    )
    expect_paths_clean(None, cls, "", "start every call, then yield each result as its call ends, in an async path.")
