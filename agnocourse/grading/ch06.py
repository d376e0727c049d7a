"""Checks for chapter 6, Implementation guidelines: chained agents, subflows, failures reported as items, and tools
on each path."""

from __future__ import annotations

import asyncio
import inspect
import itertools
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, expect_together, model_prompts, run_async_paths, translate
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    expect_annotation,
    expect_loop_free,
    expect_runresponses,
    stream_shape,
)
from agnocourse.offline import OfflineModel, call, offline_agent
from agnocourse.timeline import Timeline
from agnocourse.tools import (
    AsyncFinancialTools,
    SymbolNotFoundError,
    SyncFinancialTools,
    company_financials,
    stock_price,
)

STRUCTURE = "Implementation guidelines 1: Workflow Structure"
SUBFLOWS = "Implementation guidelines 2: Subflow Patterns"
ERRORS = "Implementation guidelines 3: Error Handling"


# -- 6.1 ---------------------------------------------------------------------------------------------------
PIPELINE_LATENCY = 0.3  # seconds per agent call on the async path


class _Chain:
    """Replies drawn for one check: the researcher's notes on a topic, and the writer's article from notes."""

    def __init__(self) -> None:
        self.mood = draws.word()

    def notes(self, topic: str) -> str:
        return f"{self.mood} notes on {topic}"

    def article(self, notes: str) -> str:
        return f"An article from {notes}."


def _pipeline(cls: type, chain: _Chain, latency: float) -> Any:
    wf: Any = cls()
    wf.researcher = offline_agent("researcher", reply=chain.notes, latency=latency)
    wf.writer = offline_agent("writer", reply=chain.article, latency=latency)
    wf.researcher.stream = wf.writer.stream = True  # left on by earlier streaming calls
    return wf


def _expect_pipeline(run: Run, wf: Any, chain: _Chain, topic: str, where: str) -> None:
    expect_runresponses(run.items, where)
    notes = chain.notes(topic)
    expect(
        model_prompts(wf.researcher) == [topic] and model_prompts(wf.writer) == [notes],
        STRUCTURE,
        f"{where} with topic={topic!r} asked the researcher {model_prompts(wf.researcher)} and the writer "
        f"{model_prompts(wf.writer)}.",
        "ask the researcher once with the topic, then the writer once with the researcher's answer.",
    )
    expect(
        stream_shape(run.items) == [("WorkflowCompleted", chain.article(notes))],
        STRUCTURE,
        f"{where} with topic={topic!r} yielded {stream_shape(run.items)}.",
        "yield one completion item whose content is the writer's answer.",
    )


@exercise("6.1", "Two agents chained", points=3, rule="Implementation guidelines 1: Workflow Structure")
def chained(sync_answer: Any, async_answer: Any) -> None:
    """Draws 4 topics and a word for the agents' replies; the researcher and the writer are offline agents left at
    `stream=True`, whose answers are made from their prompts. The sync path (inside a running event loop) and three
    concurrent async runs beside a heartbeat (0.3 s per agent call) must ask the researcher once with the topic and the
    writer once with the researcher's answer, and yield exactly one `RunEvent.workflow_completed` item with the writer's
    answer. The loop may not stall for 0.18 s or more, at one moment each of the three runs must have an agent call in
    flight, as the spans the models record show, each run's last item must carry its own run id with agno's run state
    recorded, and the rule checker's codes for each path run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    chain = _Chain()
    topics = draws.topics(4)

    wf, run = sync_run(sync_cls, lambda cls: _pipeline(cls, chain, latency=0.0), lambda wf: wf.run(topic=topics[0]))
    _expect_pipeline(run, wf, chain, topics[0], f"{sync_cls.__name__}.run()")

    where = f"{async_cls.__name__}.arun()"
    workflows = [_pipeline(async_cls, chain, latency=PIPELINE_LATENCY) for _ in range(3)]
    async_runs(
        workflows,
        lambda i, wf: wf.arun(topic=topics[1 + i]),
        latency=PIPELINE_LATENCY,
        stall_code="AGN104",
        stall_hint="await agent.arun(..., stream=False) for both agents",
        expect_each=lambda i, wf, run: _expect_pipeline(run, wf, chain, topics[1 + i], where),
        waits=lambda wf: [wf.researcher, wf.writer],
        overlap_rule=STRUCTURE,
        overlap_hint="await the agents' async calls so that runs overlap.",
    )
    for wf in workflows:
        expect_run_recorded(wf, where, STRUCTURE)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "sync agent calls with stream=False, in a class of their own.",
        "awaited agent calls with stream=False, in a class of their own.",
    )


# -- 6.2 ---------------------------------------------------------------------------------------------------
def _expect_subflow(cls: type, name: str, kind: Any, origin: type) -> None:
    method = getattr(cls, name, None)
    expect(
        method is not None and kind(method),
        SUBFLOWS,
        f"{cls.__name__} has no {'async ' if origin is AsyncIterator else ''}generator method {name}().",
        f"write the subflow as a method {name}(self, symbol: str) that yields one RunResponse per symbol.",
    )
    expect_annotation(cls, name, origin)


class _Briefs:
    """The symbols and the analyst's outlook drawn for one check."""

    def __init__(self) -> None:
        self.symbols = draws.symbols(3)
        self.outlook = draws.word()

    def brief(self, symbol: str) -> str:
        return f"{symbol}: {self.outlook}"


class _Subflow:
    """The calls of one workflow's subflow, observed through a wrapper set on the instance (so `self.<name>(...)`
    reaches it, whatever the path's loop looks like): the symbol each call was given, and the contents of the
    items the subflow yielded."""

    def __init__(self, wf: Any, name: str) -> None:
        self.name = name
        self.symbols: list[Any] = []
        self.contents: list[Any] = []
        method = getattr(wf, name)
        signature = inspect.signature(method)

        def called(*args: Any, **kwargs: Any) -> Any:
            try:
                self.symbols.append(next(iter(signature.bind(*args, **kwargs).arguments.values()), None))
            except TypeError:
                pass  # the call itself raises, in the learner's frame
            items = method(*args, **kwargs)
            return self._aitems(items) if inspect.isasyncgen(items) else self._items(items)

        setattr(wf, name, called)

    def _items(self, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            self.contents.append(getattr(item, "content", None))
            yield item

    async def _aitems(self, items: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in items:
            self.contents.append(getattr(item, "content", None))
            yield item


def _expect_briefs(run: Run, wf: Any, subflow: _Subflow, briefs: _Briefs, where: str) -> None:
    expect_runresponses(run.items, where)
    expect(
        model_prompts(wf.analyst) == briefs.symbols,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} asked the analyst {model_prompts(wf.analyst)}.",
        "each symbol's subflow asks the analyst once, about that symbol, in the order of the symbols.",
    )
    expect(
        subflow.symbols == briefs.symbols,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} "
        + (
            f"called {subflow.name}() with {subflow.symbols}." if subflow.symbols else f"never called {subflow.name}()."
        ),
        "the path gets each symbol's brief by calling its subflow with that symbol, once per symbol, in order.",
    )
    expected = [("RunResponse", briefs.brief(s)) for s in briefs.symbols]
    expected.append(("WorkflowCompleted", f"{len(briefs.symbols)} briefs"))
    expect(
        stream_shape(run.items) == expected,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} yielded {stream_shape(run.items)}.",
        "one item per symbol from the subflow, with the analyst's answer and the default event, then the "
        "completion item.",
    )
    passed_on = [item.content for item in run.items[:-1]]
    expect(
        passed_on == subflow.contents,
        SUBFLOWS,
        f"{where} yielded the briefs {passed_on}, while its {subflow.name}() calls yielded {subflow.contents}.",
        "pass on the items the subflow yields, rather than items of your own.",
    )
    expect_timing(
        run.times[0] - run.started < 0.5 * run.seconds,
        "AGN103",
        f"{where}'s first item reached the caller {run.times[0] - run.started:.2f} s into a "
        f"{run.seconds:.2f} s run: the subflows' items were held back.",
        "pass each subflow's items on as they come: `yield from` in run(), `async for ... yield` in arun().",
    )


ANALYST_LATENCY = 0.3  # a sync call stalls the loop this long: far above what a loaded machine adds


def _analysts(cls: type, briefs: _Briefs) -> Any:
    wf: Any = cls()
    wf.analyst = offline_agent("analyst", reply=briefs.brief, latency=ANALYST_LATENCY)
    wf.analyst.stream = True
    return wf


@exercise("6.2", "Subflows", points=3, rule="Implementation guidelines 2: Subflows")
def subflows(sync_answer: Any, async_answer: Any) -> None:
    """Requires a generator method `_brief(symbol)` annotated `Iterator[RunResponse]` on the sync class and an async
    generator method `_abrief(symbol)` annotated `AsyncIterator[RunResponse]` on the async class, and wraps each on the
    workflow instance to record the symbol of every call and the contents of the items it yielded. On 3 symbols and an
    outlook word drawn per run, the sync path (inside a running event loop) and one async run beside a heartbeat
    (analyst agent 0.3 s per call) must call the subflow once per symbol in order, ask the analyst once per symbol, pass
    on exactly the subflow's items (default event) followed by a `RunEvent.workflow_completed` item `'<n> briefs'`, and
    deliver the first item within the first half of the run's time. The loop may not stall for 0.18 s or more, the async
    run's last item must carry its own run id with agno's run state recorded, and the rule checker's codes for each path
    run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    _expect_subflow(sync_cls, "_brief", inspect.isgeneratorfunction, Iterator)
    _expect_subflow(async_cls, "_abrief", inspect.isasyncgenfunction, AsyncIterator)
    briefs = _Briefs()

    wf = _analysts(sync_cls, briefs)
    subflow = _Subflow(wf, "_brief")
    wf, run = sync_run(sync_cls, lambda _: wf, lambda wf: wf.run(symbols=briefs.symbols))
    _expect_briefs(run, wf, subflow, briefs, f"{sync_cls.__name__}.run()")

    awf = _analysts(async_cls, briefs)
    asubflow = _Subflow(awf, "_abrief")
    async_runs(
        [awf],
        lambda _, wf: wf.arun(symbols=briefs.symbols),
        latency=ANALYST_LATENCY,
        stall_code="AGN104",
        stall_hint="the async subflow awaits agent.arun(..., stream=False)",
        expect_each=lambda _, wf, run: _expect_briefs(run, wf, asubflow, briefs, f"{async_cls.__name__}.arun()"),
    )
    expect_run_recorded(awf, f"{async_cls.__name__}.arun()", SUBFLOWS)
    hint = "subflow items take the default event; RunEvent.workflow_running does not exist."
    expect_paths_clean(sync_cls, async_cls, hint, hint)


# -- 6.3 ---------------------------------------------------------------------------------------------------
LATENCY = 0.4
ERROR_HINT = "catch the failure of each symbol and yield a RunResponse with event=RunEvent.run_error naming it."


class _Ratings:
    """Four symbols drawn for one check, two of them failing, and the rater's verdict."""

    def __init__(self) -> None:
        self.asked = draws.symbols(4)
        self.failing = draws.failing(self.asked, 2)
        self.verdict = draws.word()

    def rating(self, symbol: str) -> str:
        if symbol in self.failing:
            raise SymbolNotFoundError(f"no data for symbol {symbol!r}")
        return f"{symbol}: {self.verdict}"


def _raters(cls: type, ratings: _Ratings, latency: float) -> Any:
    wf: Any = cls()
    wf.rater = offline_agent("rater")
    wf.rater.model = OfflineModel(reply=ratings.rating, latency=latency)
    # The moments the calls were in flight, on every copy (agno's, deep_copy()'s), whatever the load around them.
    wf.rater.model.record_calls(Timeline(), "rate", with_prompt=True)
    wf.rater.stream = True
    return wf


def _expect_ratings(run: Run, wf: Any, ratings: _Ratings, where: str) -> None:
    expect_runresponses(run.items, where)
    asked, failing = ratings.asked, ratings.failing
    prompts = model_prompts(wf.rater)
    # Symbols asked twice or never drawn fail first; a symbol not asked yet is judged after the failures reported,
    # since a path that gives up at the first failure may return while the rater still answers the others.
    expect(
        len(set(prompts)) == len(prompts) and set(prompts) <= set(asked),
        ERRORS,
        f"for the symbols {asked} {where} asked the rater {prompts}.",
        "ask the rater once about each symbol.",
    )
    errors = [item for item in run.items if item.event == "RunError"]
    reported = sorted(s for s in failing if any(s in str(item.content) for item in errors))
    expect(
        reported == sorted(failing) and len(errors) == len(failing),
        ERRORS,
        f"of the symbols {asked}, {sorted(failing)} failed and {where} reported {len(errors)} run_error item(s), "
        f"naming {reported}: {stream_shape(run.items)}.",
        "report every failure, each with its own RunResponse(event=RunEvent.run_error), not just the first one.",
    )
    expect(
        sorted(prompts) == sorted(asked),
        ERRORS,
        f"for the symbols {asked} {where} asked the rater {prompts}.",
        "ask the rater once about each symbol.",
    )
    good = sorted(c for e, c in stream_shape(run.items) if e == "RunResponse")
    expect(
        good == sorted(ratings.rating(s) for s in asked if s not in failing),
        ERRORS,
        f"{where} yielded the successful ratings {good}.",
        "yield each successful rating with the default event; one failure must not lose the others' results.",
    )
    expect(
        run.items[-1].content == f"{len(asked) - len(failing)} of {len(asked)} rated",
        ERRORS,
        f"the completion content was {run.items[-1].content!r}.",
        "end with '<rated> of <asked> rated'.",
    )


@exercise("6.3", "Report every failure", points=4, rule="AGN109")
def failures(sync_answer: Any, async_answer: Any) -> None:
    """Draws 4 symbols, 2 of them failing (the rater agent raises SymbolNotFoundError for them), and a verdict word for
    the rater's answers. The sync path (inside a running event loop) and one async run beside a heartbeat (0.4 s per
    rater call) must ask the rater once about each symbol, yield one `RunEvent.run_error` item naming each failing
    symbol and each successful rating with the default event, and end with a `RunEvent.workflow_completed` item
    `'<rated> of <asked> rated'`. The async run must have its 4 rater calls all in flight at one moment, as the spans
    the rater's model records show, and keep the loop from stalling for 0.24 s or more; its last item must carry its own
    run id with agno's run state recorded, and the rule checker's codes for each path run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    ratings = _Ratings()

    wf, run = sync_run(
        sync_cls, lambda cls: _raters(cls, ratings, latency=0.0), lambda wf: wf.run(symbols=ratings.asked), ERROR_HINT
    )
    _expect_ratings(run, wf, ratings, f"{sync_cls.__name__}.run()")

    where = f"{async_cls.__name__}.arun()"
    awf = _raters(async_cls, ratings, latency=LATENCY)
    recorded = awf.rater.model.recorded  # shared by every copy of the model, so that calls on copies are seen too
    async_runs(
        [awf],
        lambda _, wf: wf.arun(symbols=ratings.asked),
        latency=LATENCY,
        stall_code="AGN104",
        stall_hint="await rater.arun(..., stream=False)",
        expect_each=lambda _, wf, run: _expect_ratings(run, wf, ratings, where),
        hint=ERROR_HINT,
    )
    expect_together(
        recorded.spans,
        len(ratings.asked),
        ERRORS,
        where,
        "rate the symbols concurrently (asyncio.gather with return_exceptions=True, or a TaskGroup of tasks that "
        "each catch their own failure).",
        "rater calls",
    )
    expect_run_recorded(awf, where, ERRORS)
    hint = "report failures with RunEvent.run_error, a member that exists."
    expect_paths_clean(sync_cls, async_cls, hint, hint)


# -- 6.4 ---------------------------------------------------------------------------------------------------
TOOLS = "Implementation guidelines 4: Tool Integration"
LOOKUP_LATENCY = (0.3, 0.4)  # an async lookup: far above what agno and a loaded machine add to one turn of tools
SYNC_LOOKUP = 0.02
PROMPT = "Quote the symbols"
METHODS = ("price", "financials")


def quote_line(price: dict[str, Any], financials: dict[str, Any]) -> str:
    """The line the notebook's `quote_line` makes of a price and a company's financials."""
    return (
        f"{financials['name']} ({price['symbol']}): {price['price_usd']} USD, "
        f"total assets {financials['total_assets_bn']} bn"
    )


class _Figures:
    """Prices and total assets drawn for one check: the data no answer can know before the client returns it."""

    def __init__(self) -> None:
        self.factor = rng.uniform(0.5, 1.5)

    def adjusted(self, data: Callable[[str], dict[str, Any]]) -> Callable[[str], dict[str, Any]]:
        def figures(symbol: str) -> dict[str, Any]:
            found = data(symbol)
            for key in ("price_usd", "total_assets_bn"):
                if key in found:
                    found[key] = round(found[key] * self.factor, 2)
            return found

        return figures

    def line(self, symbol: str) -> str:
        return quote_line(self.adjusted(stock_price)(symbol), self.adjusted(company_financials)(symbol))


@dataclass
class _Lookup:
    """One call of the client: which lookup, for which symbol, in which thread, on which loop, and when."""

    method: str
    symbol: str
    thread: int
    loop: asyncio.AbstractEventLoop | None
    start: float
    end: float | None = None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class _WatchedSyncData(SyncFinancialTools):
    """The sync client the check gives the sync toolkit: drawn figures, each lookup noted."""

    def __init__(self, figures: _Figures) -> None:
        super().__init__(latency=SYNC_LOOKUP)
        self.figures = figures
        self.lookups: list[_Lookup] = []

    def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        lookup = _Lookup(method, symbol, threading.get_ident(), _running_loop(), time.perf_counter())
        self.lookups.append(lookup)
        try:
            return super()._fetch(method, symbol, self.figures.adjusted(data))
        finally:
            lookup.end = time.perf_counter()


class _WatchedAsyncData(AsyncFinancialTools):
    """The async client the check gives the async toolkit: drawn figures and latencies, each lookup noted."""

    def __init__(self, figures: _Figures, latencies: dict[str, float]) -> None:
        super().__init__(latencies=latencies)
        self.figures = figures
        self.lookups: list[_Lookup] = []

    async def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        lookup = _Lookup(method, symbol, threading.get_ident(), _running_loop(), time.perf_counter())
        self.lookups.append(lookup)
        try:
            return await super()._fetch(method, symbol, self.figures.adjusted(data))
        finally:
            lookup.end = time.perf_counter()


@contextmanager
def _quiet() -> Iterator[None]:
    """agno logs each failed tool call with its traceback; the check reports failures itself."""
    before = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(before)


def _toolkit(cls: Any, data: Any, path: str) -> Any:
    name = getattr(cls, "__name__", repr(cls))
    hint = f"write a class whose __init__ takes the {path} data client, with a method quote(self, symbol: str) -> str."
    expect(inspect.isclass(cls), TOOLS, f"{name} is not a class.", hint)
    try:
        toolkit = cls(data)
    except Exception as error:
        fail(TOOLS, f"{name}(data) raised {type(error).__name__}: {error}", hint)
    expect(callable(getattr(toolkit, "quote", None)), TOOLS, f"{name}(data) has no method quote.", hint)
    return toolkit


def _quoter(toolkit: Any, symbols: list[str]) -> Any:
    """The agent the course builds: the toolkit's quote as its only tool, asked for every symbol in one turn."""
    return offline_agent("quoter", tools=[toolkit.quote], tool_calls=[call("quote", symbol=s) for s in symbols])


def _calls(symbols: list[str]) -> str:
    return ", ".join(f"quote({symbol!r})" for symbol in symbols)


def _expect_tools_ran(response: Any, symbols: list[str], where: str) -> list[Any]:
    """Every scripted quote ran, none failed: agno hands a failed tool's error to the model instead of raising."""
    tools = list(getattr(response, "tools", None) or [])
    ran = [(tool.tool_name, (tool.tool_args or {}).get("symbol")) for tool in tools]
    expect(
        sorted(ran, key=str) == sorted((("quote", s) for s in symbols), key=str),
        TOOLS,
        f"the agent asked for {_calls(symbols)} and {where} ran {ran}.",
        "give the toolkit one method named quote, taking the symbol.",
    )
    for tool in tools:
        text = str(tool.result)
        if not tool.tool_call_error:
            continue
        observed = (
            f"{where}: quote({(tool.tool_args or {}).get('symbol')!r}) failed with {text!r}, which agno passed to the "
        )
        observed += "model as the tool's result (a failed tool does not fail the run)"
        if "running event loop" in text:
            fail(
                "AGN101",
                f"{observed}: asyncio.run() inside a sync tool fails wherever its caller runs a loop (a notebook, "
                "an async web handler).",
                "the sync tool calls the sync client directly; it never starts an event loop.",
            )
        if "coroutine" in text:
            fail(TOOLS, observed, "await each of the async client's calls inside `async def quote`.")
        fail(TOOLS, observed, "call your toolkit's quote yourself in a cell and read the traceback.")
    for tool in tools:
        expect(
            not str(tool.result).startswith("<coroutine object"),
            TOOLS,
            f"{where}: quote({(tool.tool_args or {}).get('symbol')!r}) returned a coroutine object, which agno never "
            "awaits: it awaits a tool only when the tool itself is a coroutine function, and only under agent.arun().",
            "on the sync path write a plain def that calls the sync client; on the async path write `async def quote`.",
        )
    return tools


def _expect_lookups(data: Any, symbols: list[str], where: str) -> None:
    made = [(lookup.method, lookup.symbol) for lookup in data.lookups]
    wanted = [(method, symbol) for symbol in symbols for method in METHODS]
    hint = (
        "for each symbol call data.get_stock_price(symbol) and data.get_company_financials(symbol) once, on the "
        "client the toolkit was built with, and make the line from what they return."
    )
    expect(
        bool(made),
        TOOLS,
        f"for {_calls(symbols)} {where} made no lookup on the data client it was given: the quotes did not come "
        "from it.",
        hint,
    )
    expect(
        sorted(made) == sorted(wanted),
        TOOLS,
        f"for {_calls(symbols)} {where} made the lookups {sorted(made)}.",
        hint,
    )


def _expect_lines(response: Any, tools: list[Any], figures: _Figures, symbols: list[str], where: str) -> None:
    for tool in tools:
        symbol = (tool.tool_args or {}).get("symbol")
        result = str(tool.result)
        hint = "return quote_line(price, financials) with the two dicts the client returned."
        expect(
            result == figures.line(str(symbol)),
            TOOLS,
            f"{where}: quote({symbol!r}) returned {result!r:.200}, while the client's figures make "
            f"{figures.line(str(symbol))!r}.",
            hint,
        )
    wanted = "\n".join(figures.line(symbol) for symbol in symbols)
    expect(
        response.content == wanted,
        TOOLS,
        f"{where} answered {response.content!r:.300}.",
        "return the line as a str from quote; the agent answers with the tools' results.",
    )


def _sync_quotes(sync_cls: Any) -> None:
    where = f"agent.run() with {getattr(sync_cls, '__name__', sync_cls)}(data).quote"
    figures = _Figures()
    symbols = draws.symbols(3)
    data = _WatchedSyncData(figures)
    agent = _quoter(_toolkit(sync_cls, data, "sync"), symbols)

    async def in_a_notebook_cell() -> Any:  # a cell, or any caller that runs an event loop in its thread
        return agent.run(PROMPT, stream=False)  # agno-rules: ignore[AGN104] (the sync path where a loop runs)

    response: Any = None
    with _quiet():
        try:
            response = run_loop(in_a_notebook_cell())
        except AssertionError:
            raise
        except Exception as error:
            if "can't be used with synchronous agent.run()" in str(error):
                fail(
                    TOOLS,
                    f"{where}: agno refused to start the run: {error}",
                    "agno runs no coroutine function under agent.run(): the sync toolkit's quote is a plain def "
                    "that calls the sync client.",
                )
            translate(error, where)
    tools = _expect_tools_ran(response, symbols, where)
    _expect_lookups(data, symbols, where)
    _expect_lines(response, tools, figures, symbols, where)


def _one_after_another(lookups: list[_Lookup]) -> tuple[list[str], bool]:
    """The symbols whose two lookups did not overlap, and whether the quotes of different symbols never did."""

    def overlap(a: _Lookup, b: _Lookup) -> bool:
        return a.start < (b.end or a.start) and b.start < (a.end or b.start)

    by_symbol: dict[str, list[_Lookup]] = {}
    for lookup in lookups:
        by_symbol.setdefault(lookup.symbol, []).append(lookup)
    apart = [symbol for symbol, pair in by_symbol.items() if len(pair) == 2 and not overlap(*pair)]
    spans = sorted(
        (min(x.start for x in pair), max(x.end or x.start for x in pair)) for pair in by_symbol.values() if pair
    )
    serial = all(later[0] >= earlier[1] - 0.01 for earlier, later in itertools.pairwise(spans))
    return apart, serial


def _async_quotes(async_cls: Any) -> None:
    name = getattr(async_cls, "__name__", repr(async_cls))
    where = f"await agent.arun() with {name}(data).quote"
    figures = _Figures()
    symbols = draws.symbols(rng.randint(4, 5))
    latencies = {symbol: rng.uniform(*LOOKUP_LATENCY) for symbol in symbols}
    data = _WatchedAsyncData(figures, latencies)
    toolkit = _toolkit(async_cls, data, "async")
    agent = _quoter(toolkit, symbols)
    loops: list[tuple[asyncio.AbstractEventLoop, int]] = []

    async def answer() -> AsyncIterator[Any]:
        loops.append((asyncio.get_running_loop(), threading.get_ident()))
        yield await agent.arun(PROMPT, stream=False)

    with _quiet():
        [run], _, blocked = run_async_paths([answer], where)
    [response] = run.items
    tools = _expect_tools_ran(response, symbols, where)
    _expect_lookups(data, symbols, where)
    [(loop, thread)] = loops
    elsewhere = [f"{x.method}({x.symbol})" for x in data.lookups if x.loop is not loop or x.thread != thread]
    expect(
        not elsewhere,
        TOOLS,
        f"{where}: {len(elsewhere)} of its {len(data.lookups)} lookups ({', '.join(elsewhere[:2])}, ...) ran on "
        "another event loop in a worker thread, not on the agent's loop: "
        "agno hands a tool that is not a coroutine function to asyncio.to_thread, and asyncio.run() there starts "
        "a new loop for each call.",
        "write `async def quote` and await the async client's calls in it: agno then runs it on the agent's loop.",
    )
    expect(
        inspect.iscoroutinefunction(toolkit.quote),
        TOOLS,
        f"{name}.quote is not a coroutine function, so agno 1.5.10 ran each call in a worker thread "
        "(asyncio.to_thread), one thread per call.",
        "write `async def quote(self, symbol: str) -> str` that awaits the async client's calls.",
    )
    expect_loop_free(
        where,
        blocked,
        "AGN107",
        "await the async client's calls; a tool that must wait, waits with await asyncio.sleep()",
        latency=min(latencies.values()),
        answer=async_cls if inspect.isclass(async_cls) else None,
    )
    _expect_lines(response, tools, figures, symbols, where)
    apart, serial = _one_after_another(data.lookups)
    # Read from the lookups' own start and end: the agent's work around them, which a busy machine slows, is not.
    last_start = max(lookup.start for lookup in data.lookups)
    at_once = all(lookup.end is not None and last_start < lookup.end for lookup in data.lookups)
    observed = f"{where}: the {len(data.lookups)} lookups of {len(symbols)} quotes were not all in flight at one moment"
    if serial:
        observed += ": one quote waited for the other."
        hint = "agno starts every quote of a turn at once: let nothing in quote make one call wait for another."
    elif apart:
        observed += f": the price and the financials of {', '.join(apart)} were looked up one after the other."
        hint = "make the two lookups of one quote at the same time (asyncio.gather or an asyncio.TaskGroup)."
    else:
        observed += "."
        hint = "make the two lookups of one quote at the same time, and let every quote run at once."
    expect_timing(at_once, TOOLS, observed, hint)


@exercise("6.4", "Tools on each path", points=4, rule="AGN107")
def tools_on_each_path(sync_answer: Any, async_answer: Any) -> None:
    """Builds the sync toolkit on a watched sync client (20 ms per lookup) and the async toolkit on a watched async
    client whose lookups take 0.3 to 0.4 s per symbol (drawn), both scaling prices and total assets by a factor drawn
    per run, and gives each toolkit's `quote` to an offline agent that calls it for every symbol (3, then 4 or 5, drawn)
    in one turn. `agent.run()` is called from inside a running event loop and `await agent.arun()` beside a heartbeat;
    on each path every `quote` must run without a tool error, return `quote_line(...)` of the client's figures, and make
    exactly one price and one financials lookup per symbol on the client it was given. On the async path `quote` must be
    a coroutine function whose lookups all ran on the agent's loop and thread, the loop may not stall for 60% of the
    shortest lookup latency, and every lookup of the turn must be in flight at one moment (the last began before the
    first ended), so the two lookups of a quote and all the quotes overlap."""
    _sync_quotes(sync_answer)
    _async_quotes(async_answer)
