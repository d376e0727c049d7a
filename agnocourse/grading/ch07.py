"""Checks for chapter 7, Performance best practices: running statistics over a stream in constant memory, a TaskGroup
for each company of a watchlist that keeps every company, and parallel results yielded as they finish."""

from __future__ import annotations

import asyncio
import inspect
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from agno.agent import Agent
from agno.run.response import RunEvent
from agno.workflow import Workflow

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.paths import async_runs, expect_paths_clean, expect_run_recorded
from agnocourse.grading.probes import Run, last_chunk_at, model_prompts, probe_agent, translate
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    event_name,
    expected_prompt,
    stream_shape,
    workflow_class,
)
from agnocourse.timeline import Timeline, spans_in_words
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
    """Runs two workflows concurrently beside a heartbeat, each with a writer agent that answers 30 words drawn per run
    (0.3 s latency, then chunks 10 ms apart) for a topic drawn per run: each must ask the writer once with
    `prompt_for(topic)`, relay more than three chunks that join to the answer, end with a `RunEvent.workflow_completed`
    item holding the word count and the first longest word, and deliver the first chunk before the writer produced its
    last. The loop may not stall for 0.18 s or more, each run's last item must carry its own run id with agno's run
    state recorded, and the rule checker's async-path codes run on the class. Memory is measured with `tracemalloc` over
    a 3000-chunk answer: the peak while reading `arun()` may exceed the peak while reading the agent's own stream by
    less than 4 bytes a chunk."""
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
    after SLOW s; each call that ends is noted as finished or cancelled, and its span recorded on `timeline`."""

    def __init__(self, failing: set[str], timeline: Timeline) -> None:
        super().__init__(latency=SLOW, fail_for=failing, timeline=timeline)
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


def _symbol_of(label: str) -> str:
    """The symbol a recorded call was about: `price(NVDA)` -> `NVDA`."""
    return label.partition("(")[2].rstrip(")")


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
    """Draws 4 to 6 symbols, 1 or 2 of them failing in one of their three async sources (drawn per company), where a
    failing call fails after 0.05 s and every other call answers after 0.4 s; one run goes beside a heartbeat. It must
    call each source once per company, yield the line of every complete company with the default event and one
    `RunEvent.run_error` item per failing company whose content holds the error's message, one item per company in the
    symbols' order, then a `RunEvent.workflow_completed` item `'<complete> of <asked> companies'`. Every call must have
    started before the first call that answered ended, as the calls' recorded spans show (company after company, or
    call after call, starts some only after an answer), and for each failing company its other two calls must have been
    cancelled; the loop may not stall for 0.24 s or more, the last item must carry the run's own run id, and the rule
    checker's async-path codes run on the class."""
    cls = _async_class(answer)
    symbols = draws.symbols(rng.randint(4, 6))
    failing = {s: rng.choice(list(SOURCES)) for s in rng.sample(symbols, rng.randint(1, 2))}
    where = f"{cls.__name__}.arun({symbols})"
    wf: Any = cls()
    calls = Timeline()  # every source's calls on one timeline, so that their spans show which waited for which
    for attribute in SOURCES:
        setattr(wf, attribute, _Source({s for s, a in failing.items() if a == attribute}, calls))
    async_runs(
        [wf],
        lambda _, wf: wf.arun(symbols=symbols),
        latency=SLOW,
        stall_code="AGN107",
        stall_hint="await the async data sources",
        expect_each=lambda _, wf, run: _expect_watchlist(run, wf, symbols, failing, where),
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    # Read from the calls' spans, not from the run's wall time, which a busy machine stretches: started together,
    # every call begins before the first answer (SLOW s) comes back; one company after another, or one call after
    # another within each company, starts some calls only after an answer. A failing call ends after FAIL_AFTER s,
    # too soon to be the mark.
    answers = [span.end for span in calls.spans if _symbol_of(span.label) not in failing]
    last_start = max((span.start for span in calls.spans), default=0.0)
    first_answer = min(answers, default=0.0)
    expect_timing(
        bool(answers) and last_start < first_answer,
        "Performance 3: parallel processing",
        f"{where} asked for {len(symbols)} companies' figures, calls of {SLOW} s each, and started its last call "
        f"{last_start - first_answer:.2f} s after the first answer had come back "
        f"({spans_in_words(calls.spans)}): started together, every call begins before any answer; one company after "
        "another, or one call after another within each company, waits for answers before starting the rest.",
        "start every company's calls before awaiting any of them.",
    )
    for symbol, attribute in failing.items():
        others = [a for a in SOURCES if a != attribute]
        states = _call_states(wf, symbol, others)
        # Measured: a machine that stalls the loop for the 0.35 s between the failure and the other calls' ends lets
        # them end before a right answer can cancel them, so the check runs once more before it fails.
        expect_timing(
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
# Calls that ended closer together than this came due in one pass of a loop the machine had stalled: the answer
# sees them done at once (one `asyncio.wait` set), and either order of their items is right.
TOGETHER = 0.05


class _LivePrices(AsyncFinancialTools):
    """The price feed of one 7.3 check: a latency and a price drawn for each symbol on every run, and when each
    call ended."""

    def __init__(self, symbols: list[str], failing: set[str]) -> None:
        latencies = dict(zip(symbols, rng.sample(LIVE_LATENCIES, len(symbols)), strict=True))
        super().__init__(latencies=latencies, fail_for=failing, timeline=Timeline())
        self.prices = {symbol: round(rng.uniform(10, 900), 2) for symbol in symbols}
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
        symbols = draws.symbols(rng.randint(4, len(LIVE_LATENCIES)))
        feed = _LivePrices(symbols, draws.failing(symbols, rng.randint(1, 2)))
        ending = feed.in_order_of_latency()
        if ending[0] != symbols[0] and set(ending[-len(feed.fail_for) :]) != feed.fail_for:
            return symbols, feed


def reported_late(order: list[str], ended: dict[str, float]) -> list[tuple[str, str]]:
    """The pairs (a, b) of symbols reported in `order` with a before b, although b's call ended more than TOGETHER
    before a's (`ended`: when each call ended)."""
    return [(a, b) for i, a in enumerate(order) for b in order[i + 1 :] if ended[a] > ended[b] + TOGETHER]


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
    order = [s for s in named if s is not None]
    reported = len(order) == len(named) and sorted(order) == sorted(ending)
    late = reported_late(order, feed.ended) if reported else []
    (expect_timing if reported else expect)(
        reported and not late,
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
    """Draws 4 or 5 symbols with a price and a latency each (a drawn order of 0.05, 0.15, 0.25, 0.35 and 0.45 s, the
    first symbol never the fastest) and 1 or 2 failing symbols that are never the slowest ones, and runs the answer once
    beside a heartbeat. It must call the price client once per symbol, yield a quote for every price and one
    `RunEvent.run_error` item for every failure, all in the order the calls ended (calls that ended within 0.05 s of
    each other, in one pass of a stalled loop, in either order), each item reaching the caller before
    the next call ended, then a `RunEvent.workflow_completed` item `'<found> of <asked> quotes'`. Every call must be in
    flight at one moment, as their recorded spans show (the last began before the first ended), the loop may not stall
    for 0.1 s or more, the last item must carry the run's own run id, and the rule checker's async-path codes run on
    the class."""
    cls = _async_class(answer)
    symbols, feed = _live_draw()
    where = f"{cls.__name__}.arun({symbols})"
    wf: Any = cls()
    wf.async_tools = feed
    async_runs(
        [wf],
        lambda _, wf: wf.arun(symbols=symbols),
        latency=min(LIVE_LATENCIES) * 2,
        stall_code="AGN107",
        stall_hint="await the async price client",
        expect_each=lambda _, wf, run: _expect_live(run, wf, feed, symbols, where),
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")
    # Read from the calls' spans, not from the run's wall time, which a busy machine stretches.
    timeline = feed.timeline
    assert timeline is not None
    slowest, serial = max(feed.latencies.values()), sum(feed.latencies.values())
    expect_timing(
        len(timeline.spans) == len(symbols) and timeline.peak_concurrency == len(symbols),
        "Performance 3: parallel processing",
        f"{where} made {len(symbols)} calls of {min(feed.latencies.values())} to {slowest} s, which were not all in "
        f"flight at once ({spans_in_words(timeline.spans)}): started together they take about the slowest one, "
        f"{slowest} s; one after another, {serial:.2f} s.",
        "start every call before awaiting any of them.",
    )
    expect_paths_clean(None, cls, "", "start every call, then yield each result as its call ends, in an async path.")


# -- 7.4 ---------------------------------------------------------------------------------------------------
FIRST_ITEM = "Streaming Optimization: time to the first item, from the request"
CLOSING = "Python asyncio: closing async generators"
CLOCK_HINT = (
    "read time.perf_counter() once, before calling open_stream(), and measure both figures from that moment: the "
    "caller waits from the request, and opening the stream is part of the wait."
)
# A right answer's figures are our own plus what runs between two lines of the same task: a little, never a
# fraction. Below LOW the clock started late; above HIGH (and SLACK seconds) the figure was taken too late.
LOW, HIGH, SLACK = 0.9, 1.25, 0.02
SHIP_BELOW = 0.5  # the ratio of first items under which a relay streams, as the exercise words it


class _Stream:
    """What awaiting open_stream() gives: an async iterator over the feed's items, with aclose(). Reaching its
    end does not close it (an HTTP response's body holds its connection until it is closed, too)."""

    def __init__(self, feed: _Feed) -> None:
        self.feed = feed

    def __aiter__(self) -> _Stream:
        return self

    async def __anext__(self) -> str:
        feed = self.feed
        if feed.closed:
            raise RuntimeError("the stream was read after it was closed")
        k = len(feed.handed)
        if k == feed.fail_after:
            raise feed.error
        if k == len(feed.items):
            feed.ended_at = feed.ended_at or time.perf_counter()
            raise StopAsyncIteration
        await asyncio.sleep(feed.delays[k])
        feed.handed.append(time.perf_counter())
        return feed.items[k]

    async def aclose(self) -> None:
        self.feed.closed = True
        self.feed.closed_at = time.perf_counter()


class _Feed:
    """A stream the check opens for the answer: opening it takes `open_s`, then item k comes after `delays[k]` s.
    It notes when open_stream() was called, when the stream was open, when each item was handed out, when the
    end was reached and whether aclose() was awaited. With `fail_after`, reading fails after that many items."""

    def __init__(self, open_s: float, delays: list[float], fail_after: int | None = None) -> None:
        self.open_s, self.delays, self.fail_after = open_s, delays, fail_after
        self.items = [draws.token() for _ in delays]
        self.error = ConnectionResetError(f"feed {draws.token()} dropped after {fail_after} items")
        self.calls = 0
        self.called_at = self.opened_at = 0.0
        self.handed: list[float] = []
        self.ended_at = self.closed_at = 0.0
        self.closed = False

    def open_stream(self) -> Any:
        self.calls += 1
        self.called_at = time.perf_counter()
        return self._open()

    async def _open(self) -> _Stream:
        await asyncio.sleep(self.open_s)
        self.opened_at = time.perf_counter()
        return _Stream(self)

    @property
    def first(self) -> float:
        """Seconds from the request to the first item, by the check's clock."""
        return self.handed[0] - self.called_at

    @property
    def total(self) -> float:
        return self.ended_at - self.called_at

    def described(self) -> str:
        return (
            f"a stream that took {self.open_s:.2f} s to open, then {len(self.items)} items "
            f"{min(self.delays):.2f} to {max(self.delays):.2f} s apart"
        )


def _draw_feed(count: int, fail_after: int | None = None) -> _Feed:
    """Opening takes most of the wait for the first item, and the rest of the stream as long again or more."""
    return _Feed(rng.uniform(0.12, 0.2), [rng.uniform(0.03, 0.06) for _ in range(count)], fail_after)


def _name(fn: Any) -> str:
    return getattr(fn, "__name__", repr(fn))


@dataclass(frozen=True)
class _Timing:
    """Measurements as the exercise's StreamTiming holds them, for the decisions the check asks about."""

    first_item_s: float
    total_s: float
    items: int


def _shown(result: Any) -> str:
    """A StreamTiming as a message shows it: its seconds rounded."""
    try:
        return f"first_item_s={result.first_item_s:.3f}, total_s={result.total_s:.3f}, items={result.items}"
    except (AttributeError, TypeError, ValueError):
        return f"{result!r:.100}"


def _figures(result: Any, where: str) -> _Timing:
    try:
        first, total, items = result.first_item_s, result.total_s, result.items
        return _Timing(float(first), float(total), int(items))
    except (AttributeError, TypeError, ValueError):
        fail(
            "Result",
            f"{where} returned {result!r:.120}.",
            "return StreamTiming(first_item_s=..., total_s=..., items=...), with seconds as floats.",
        )


async def _measured(measure: Any, open_stream: Callable[[], Any]) -> tuple[Any, Exception | None]:
    try:
        return await measure(open_stream), None
    except Exception as error:  # the check reads the failure itself
        return None, error


def _run_measure(measure: Any, open_stream: Callable[[], Any], where: str) -> Any:
    result, error = run_loop(_measured(measure, open_stream))
    if isinstance(error, TypeError) and "__aiter__" in str(error) and "coroutine" in str(error):
        fail(
            "AGN106",
            f"{where} raised TypeError: {error}.",
            "open_stream() returns an awaitable, as agent.arun(..., stream=True) does on agno 1.x: await it, "
            "then iterate the stream it gives.",
        )
    if error is not None:
        translate(error, where, "read the stream to its end with `async for item in await open_stream():`.")
    return result


def _expect_measured(measure: Any, feed: _Feed, where: str) -> _Timing:
    result = _run_measure(measure, feed.open_stream, where)
    expect(
        feed.calls == 1,
        FIRST_ITEM,
        f"{where} called open_stream() {feed.calls} times.",
        "call open_stream() once and measure that stream: its figures can only be known by reading it.",
    )
    timing = _figures(result, where)
    expect(
        len(feed.handed) == len(feed.items) and feed.ended_at > 0,
        FIRST_ITEM,
        f"{where} read {len(feed.handed)} of the {len(feed.items)} items of {feed.described()}"
        + (", and never asked past the last one to see the stream end" if len(feed.handed) == len(feed.items) else "")
        + ".",
        "read every item, to the end of the stream: the total time is the time to the last item.",
    )
    expect(
        timing.items == len(feed.items),
        FIRST_ITEM,
        f"{where} returned items={timing.items}; it read {len(feed.items)} items.",
        "count every item as it arrives.",
    )
    expect(
        feed.closed,
        CLOSING,
        f"{where} read {feed.described()} to its end and returned with the stream still open.",
        "close the stream when you are done with it: `async with contextlib.aclosing(await open_stream()) as "
        "stream:`, or `await stream.aclose()` in a `finally:` block.",
    )
    to_open = feed.opened_at - feed.called_at
    if timing.first_item_s < LOW * feed.first:
        since_open = feed.handed[0] - feed.opened_at
        started = (
            "after `await open_stream()`: the opening was left out"
            if abs(timing.first_item_s - since_open) < 0.25 * since_open + SLACK
            else "late, after the stream was requested"
        )
        fail(
            FIRST_ITEM,
            f"on {feed.described()}, {where} returned first_item_s={timing.first_item_s:.3f}, "
            f"{timing.first_item_s / feed.first:.0%} of the {feed.first:.3f} s from the call of open_stream() to "
            f"the first item (opening took {to_open:.3f} s of it): the clock started {started}.",
            CLOCK_HINT,
        )
    expect(
        timing.total_s >= LOW * feed.total,
        FIRST_ITEM,
        f"on {feed.described()}, {where} returned total_s={timing.total_s:.3f}, "
        f"{timing.total_s / feed.total:.0%} of the {feed.total:.3f} s from the call of open_stream() to the end.",
        CLOCK_HINT,
    )
    last = feed.handed[-1] - feed.called_at
    if timing.first_item_s > HIGH * feed.first + SLACK:
        late = abs(timing.first_item_s - last) < abs(timing.first_item_s - feed.first)
        fail(
            "AGN103" if late else FIRST_ITEM,
            f"on {feed.described()}, {where} returned first_item_s={timing.first_item_s:.3f}, "
            f"{timing.first_item_s / feed.first:.1f} times the {feed.first:.3f} s from the request to the first "
            f"item; the last item came at {last:.3f} s"
            + (": the figure was taken after the whole stream had been read." if late else "."),
            "read the clock as soon as the first item arrives, inside the loop over the stream, not after "
            "collecting the items.",
            timing=True,
        )
    expect_timing(
        timing.total_s <= HIGH * feed.total + SLACK,
        FIRST_ITEM,
        f"on {feed.described()}, {where} returned total_s={timing.total_s:.3f}, "
        f"{timing.total_s / feed.total:.1f} times the {feed.total:.3f} s from the request to the end of the stream.",
        "read the clock once more when the stream has ended.",
    )
    return timing


def _expect_closed_on_error(measure: Any, where: str) -> None:
    count = rng.randint(5, 9)
    feed = _draw_feed(count, fail_after=rng.randint(1, count - 2))
    result, error = run_loop(_measured(measure, feed.open_stream))
    expect(
        error is feed.error,
        CLOSING,
        f"{feed.described()} failed after {feed.fail_after} items with ConnectionResetError({str(feed.error)!r}); "
        + (f"{where} returned {_shown(result)}." if error is None else f"{where} raised {error!r:.100}."),
        "let the stream's own error reach the caller: do not catch it, or raise it again.",
    )
    expect(
        feed.closed,
        CLOSING,
        f"{feed.described()} failed after {feed.fail_after} items, and {where} let the error through with the stream "
        "still open.",
        "close the stream whatever happens: in a `finally:` block, or with `async with contextlib.aclosing(...)`.",
    )


def _decide(ship: Any, relayed: _Timing, collected: _Timing, where: str) -> Any:
    said: Any = None
    try:
        said = ship(relayed, collected)
    except Exception as error:  # the check reads the failure itself
        translate(error, where, "compare the fields of the two StreamTiming objects.")
    return said


def _expect_decisions(ship: Any, where: str) -> None:
    """Measurements drawn at scales from milliseconds to minutes: streaming relays, collecting relays, relays
    that drop items. Only the ratio of the first items (and the count) decides."""
    for scale in rng.sample([0.004, 0.05, 0.8, 12.0, 90.0], 5):
        collected_first = scale * rng.uniform(0.8, 1.2)
        total = collected_first * rng.uniform(1.0, 1.05)
        count = rng.randint(5, 40)
        collected = _Timing(collected_first, total, count)
        cases = [
            (_Timing(collected_first * rng.uniform(0.05, 0.35), total * rng.uniform(0.95, 1.05), count), True),
            (_Timing(collected_first * rng.uniform(0.7, 1.1), total * rng.uniform(0.95, 1.05), count), False),
            (_Timing(collected_first * rng.uniform(0.05, 0.35), total, count - rng.randint(1, 4)), False),
        ]
        rng.shuffle(cases)
        for relayed, expected in cases:
            said = _decide(ship, relayed, collected, where)
            expect(
                bool(said) is expected,
                FIRST_ITEM,
                f"{where} returned {said!r} for a relay whose first item came after {relayed.first_item_s:.4g} s "
                f"({relayed.first_item_s / collected_first:.0%} of the collected run's {collected_first:.4g} s), "
                f"whole runs of {relayed.total_s:.4g} s and {total:.4g} s, {relayed.items} of {collected.items} "
                "items.",
                "ship only a relay that delivered every item and whose first item came in under half the "
                "collected run's time to its first item: compare the ratio of the two first-item times, which "
                "holds at any scale, and not the totals, which streaming does not change.",
            )


async def _relayed(relay: Any, feed: _Feed) -> Any:
    return relay(feed)


async def _streaming_relay(feed: _Feed) -> AsyncIterator[str]:
    async for item in await feed.open_stream():
        yield item


async def _collecting_relay(feed: _Feed) -> AsyncIterator[str]:
    """The relay the exercise measures against: it collects on purpose."""
    items = [item async for item in await feed.open_stream()]
    for item in items:  # agno-rules: ignore[AGN103]
        yield item


def _expect_end_to_end(measure: Any, ship: Any, measure_where: str, ship_where: str) -> None:
    """The learner's own measurements of a relay that streams and of one that collects, over the same feed, and
    the learner's decision on them."""
    delays = [rng.uniform(0.04, 0.07) for _ in range(rng.randint(6, 8))]
    open_s = rng.uniform(0.03, 0.05)
    timings = {}
    for name, relay in (("streams", _streaming_relay), ("collects", _collecting_relay)):
        feed = _Feed(open_s, delays)
        result = _run_measure(measure, lambda relay=relay, feed=feed: _relayed(relay, feed), measure_where)
        timings[name] = _figures(result, measure_where)
    streams, collects = timings["streams"], timings["collects"]
    for relayed, expected in ((streams, True), (collects, False)):
        said = _decide(ship, relayed, collects, ship_where)
        kind = "streams" if expected else "collects, as the collected run does"
        expect_timing(
            bool(said) is expected,
            FIRST_ITEM,
            f"your measure_stream timed a relay that {kind} at first_item_s={relayed.first_item_s:.3f}, "
            f"total_s={relayed.total_s:.3f}, and a collecting one at first_item_s={collects.first_item_s:.3f}; "
            f"{ship_where} returned {said!r} for it.",
            "ship a relay whose first item arrived in under half the collected run's time to its first item, "
            "with every item.",
        )


@exercise("7.4", "Time to the first item, measured", points=3, rule="AGN103")
def first_item_measured(measure_stream: Any, ship_relayed: Any) -> None:
    """Gives `measure_stream(open_stream)` a feed whose opening takes 0.12 to 0.2 s and whose 5 to 9 items (tokens drawn
    per run) come 30 to 60 ms apart, and notes when `open_stream()` was called, each item handed out, the end reached
    and `aclose()` awaited: it must open the stream once, read it to its end, count the items, close it, and report
    first-item and total times between 90% and 125% (plus 20 ms) of the check's own, measured from the call of
    `open_stream()`. A second feed fails with a ConnectionResetError after a drawn number of items: that very error must
    reach the caller and the stream must be closed. `ship_relayed(relayed, collected)` is asked about relays drawn at
    five scales from milliseconds to minutes (ship only when every item came and the first item came in under half the
    collected run's time), and then about `measure_stream`'s own figures for a streaming relay and a collecting relay
    over the same feed."""
    expect(
        inspect.iscoroutinefunction(measure_stream),
        "Agent Call Patterns",
        f"{_name(measure_stream)} is not an `async def` function.",
        "write `async def measure_stream(open_stream) -> StreamTiming`: it awaits the stream.",
    )
    expect(
        callable(ship_relayed) and not inspect.iscoroutinefunction(ship_relayed),
        "Result",
        f"{_name(ship_relayed)} is not a plain function.",
        "write `def ship_relayed(relayed, collected) -> bool`: it only compares figures.",
    )
    measure_where = f"{_name(measure_stream)}(open_stream)"
    ship_where = f"{_name(ship_relayed)}(relayed, collected)"
    _expect_measured(measure_stream, _draw_feed(rng.randint(5, 9)), measure_where)
    _expect_closed_on_error(measure_stream, measure_where)
    _expect_decisions(ship_relayed, ship_where)
    _expect_end_to_end(measure_stream, ship_relayed, measure_where, ship_where)
