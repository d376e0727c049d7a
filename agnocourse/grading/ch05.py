"""Checks for chapter 5, Modern async patterns: TaskGroup, except* and asyncio.to_thread."""

from __future__ import annotations

from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, fail
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, expect_clean, expect_together, model_prompts, probe_agent
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    ASYNC_CODES,
    expected_prompt,
    stream_shape,
    workflow_class,
)
from agnocourse.timeline import Timeline
from agnocourse.tools import (
    AsyncFinancialTools,
    LegacyReportTool,
    SyncFinancialTools,
    income_statement,
    stock_price,
)

COMPLETED = RunEvent.workflow_completed.value
ERROR = RunEvent.run_error.value
DEFAULT = RunEvent.run_response.value
LATENCY = 0.3
TASKGROUP = "Modern Async Patterns 1: TaskGroup"
THREADS = "Always do 3: ThreadPoolExecutor on the sync path"
EXCEPT_STAR = "Modern Async Patterns 2: except*"
# Drawn per run; AAPL and MSFT, the examples in the exercise texts, are left out so that an answer hard-coded
# for an example never matches by chance.
SYMBOL_POOL = ["GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE"]


def _draw(count: int) -> list[str]:
    """Symbols for one run, drawn anew each time so that no hard-coded answer can match them."""
    return rng.sample(SYMBOL_POOL, count)


# -- 5.1 ---------------------------------------------------------------------------------------------------
def _financial_workflow(cls: type) -> Any:
    wf: Any = cls()
    # Each client records its calls' spans: calls that overlap are in flight together, however busy the machine.
    wf.sync_tools = SyncFinancialTools(latency=LATENCY, timeline=Timeline())
    wf.async_tools = AsyncFinancialTools(latency=LATENCY, timeline=Timeline())
    # A reply drawn per workflow, so that only the agent's own answer passes as the report.
    wf.report_agent = probe_agent("reporter", f"Report {draws.token()} ready.")
    return wf


def _expect_report(items: list[Any], wf: Any, where: str, symbol: str) -> None:
    reply = wf.report_agent.model.reply
    expect(
        stream_shape(items) == [(COMPLETED, reply)],
        "Dual Method Pattern",
        f"{where} yielded {stream_shape(items)}; the report agent answered {reply!r}.",
        "yield one RunResponse: the report agent's answer, with event=RunEvent.workflow_completed.",
    )
    prompts = model_prompts(wf.report_agent)
    expect(
        prompts == [expected_prompt(symbol)],
        "Dual Method Pattern",
        f"the report agent was asked {prompts}.",
        "ask it once, with self.report_prompt(data) over the income statement, financials and price.",
    )


def _expect_client(wf: Any, where: str, symbol: str, asynchronous: bool) -> None:
    """The path fetched each piece of data once, from its own client, and never from the other."""
    own, other = (wf.async_tools, wf.sync_tools) if asynchronous else (wf.sync_tools, wf.async_tools)
    if asynchronous:
        expect(
            not other.calls,
            TASKGROUP,
            f"{where} called the blocking client (self.sync_tools): {other.calls}.",
            "the async path awaits the async client's coroutines in its TaskGroup; threads are for code that has no "
            "async version.",
        )
    else:
        expect(
            not other.calls,
            "AGN105",
            f"{where} called the async client (self.async_tools): {other.calls}.",
            "the sync path uses self.sync_tools; it gets its concurrency from a ThreadPoolExecutor.",
        )
    calls = sorted(own.calls)
    expect(
        calls == [f"financials({symbol})", f"income({symbol})", f"price({symbol})"],
        "Dual Method Pattern",
        f"{where} made the data calls {calls}.",
        "fetch each of the three pieces of data once, from the client that matches the path.",
    )


@exercise(
    "5.1",
    "TaskGroup on the async path, a thread pool on the sync path",
    points=4,
    rule="Modern async patterns 1: TaskGroup",
)
def financial_data(sync_answer: Any, async_answer: Any) -> None:
    """Draws 3 symbols from a pool of ten; every workflow gets a blocking and an async client of 0.3 s per call and a
    report agent whose answer carries a token drawn per workflow. The sync path (consumed inside a running event loop)
    on the first symbol and two concurrent async runs beside a heartbeat on the others must each yield exactly one
    `RunEvent.workflow_completed` item with the agent's answer, ask the agent once with the report prompt over the
    income statement, financials and price, and fetch each of the three once from the client of their own path only.
    Each path's three calls must all be in flight at one moment, as their recorded spans show (threads on the sync
    path, a TaskGroup on the async one); the loop may not stall for 0.18 s or more, each async run's last item must
    carry its own run id with agno's run state recorded, and the rule checker's codes for each path run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    symbol, *async_symbols = _draw(3)

    where = f"{sync_cls.__name__}.run()"
    wf, run = sync_run(sync_cls, _financial_workflow, lambda wf: wf.run(symbol=symbol))
    _expect_report(run.items, wf, where, symbol)
    _expect_client(wf, where, symbol, asynchronous=False)
    expect_together(
        wf.sync_tools.timeline.spans,
        3,
        THREADS,
        where,
        "submit the three blocking calls to a ThreadPoolExecutor, then read each result.",
    )

    where = f"{async_cls.__name__}.arun()"

    def expect_each(i: int, awf: Any, run: Run) -> None:
        _expect_report(run.items, awf, where, async_symbols[i])
        _expect_client(awf, where, async_symbols[i], asynchronous=True)
        expect_together(
            awf.async_tools.timeline.spans,
            3,
            TASKGROUP,
            where,
            "create the three tasks in one asyncio.TaskGroup, and read results after it.",
        )

    workflows = [_financial_workflow(async_cls) for _ in async_symbols]
    async_runs(
        workflows,
        lambda i, awf: awf.arun(symbol=async_symbols[i]),
        latency=LATENCY,
        stall_code="AGN107",
        stall_hint="await the async client (self.async_tools), never the blocking one",
        expect_each=expect_each,
    )
    for awf in workflows:
        expect_run_recorded(awf, where, TASKGROUP)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "keep the sync path sync: threads, not an event loop of its own.",
        "keep the async path async, in a class of its own.",
    )


# -- 5.2 ---------------------------------------------------------------------------------------------------


def _revenue_line(symbol: str) -> str:
    return f"{symbol}: revenue {income_statement(symbol)['revenue_bn']} bn USD"


def _run_revenue(cls: type, symbols: list[str], latency: float, failing: set[str]) -> tuple[Any, Run]:
    """One run of the answer on `symbols`, with a client that fails for `failing`: its workflow and what it
    yielded, the calls it made checked."""
    wf: Any = cls()
    wf.async_tools = AsyncFinancialTools(latency=latency, fail_for=failing, timeline=Timeline())
    where = f"{cls.__name__}.arun({symbols})"

    def expect_calls(_: int, wf: Any, run: Run) -> None:
        expect(
            sorted(wf.async_tools.calls) == sorted(f"income({symbol})" for symbol in symbols),
            TASKGROUP,
            f"{where} made the calls {wf.async_tools.calls}.",
            "fetch the income statement of every symbol once, from self.async_tools.",
        )

    try:
        runs = async_runs(
            [wf],
            lambda _, wf: wf.arun(symbols=symbols),
            latency=LATENCY,
            stall_code="AGN107",
            stall_hint="await the async client",
            expect_each=expect_calls,
        )
    except AssertionError as failure:
        if "raised ExceptionGroup" in str(failure) or "raised BaseExceptionGroup" in str(failure):
            fail(
                EXCEPT_STAR,
                f"{where} let an ExceptionGroup escape: a TaskGroup wraps the failures of its tasks in one, and "
                "`except SymbolNotFoundError` never matches a group.",
                "catch the failures inside the group with except* and report each one.",
            )
        raise
    return wf, runs[0]


@exercise("5.2", "Failures reported with except*", points=3, rule="AGN203")
def every_failure(async_answer: Any) -> None:
    """Runs the answer beside a heartbeat on 3 symbols drawn from a pool of ten, with an async client of 0.3 s per call:
    it must yield each symbol's revenue line with the default event and then the total as a
    `RunEvent.workflow_completed` item, fetch each income statement once, and have every fetch in flight at one moment.
    A second run puts two failing symbols, made-up names of four letters drawn per run, at drawn places among 2 drawn
    symbols, on a client without latency so that both failures land in one ExceptionGroup: it must yield exactly one
    `RunEvent.run_error` item naming each failing symbol and nothing else, and an ExceptionGroup that escapes fails
    with a message about except*. Both runs keep the loop from stalling for 0.18 s or more and end with their own run
    id, and the rule checker's async-path codes run on the class."""
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    good = _draw(3)
    mixed = _draw(2)
    failing = set(draws.symbols(2, avoid=SYMBOL_POOL))  # unknown to the client: names no answer can know
    for bad in sorted(failing):
        mixed.insert(rng.randrange(len(mixed) + 1), bad)

    wf, run = _run_revenue(cls, good, LATENCY, failing)
    total = round(sum(income_statement(symbol)["revenue_bn"] for symbol in good), 1)
    wanted = [(DEFAULT, _revenue_line(symbol)) for symbol in good] + [(COMPLETED, f"total revenue {total} bn USD")]
    expect(
        stream_shape(run.items) == wanted,
        "Consistent Return Types",
        f"for {good} {where} yielded {stream_shape(run.items)}.",
        "one RunResponse per symbol with the default event, then the total with RunEvent.workflow_completed.",
    )
    expect_together(
        wf.async_tools.timeline.spans,
        len(good),
        TASKGROUP,
        where,
        "fetch every income statement in one asyncio.TaskGroup.",
    )

    _, run = _run_revenue(cls, mixed, 0.0, failing)  # both failures at the same moment: both reach the group
    items = run.items
    errors = [item for item in items if item.event == ERROR]
    named = sorted(symbol for symbol in failing if any(symbol in str(item.content) for item in errors))
    expect(
        named == sorted(failing) and len(errors) == len(failing),
        EXCEPT_STAR,
        f"{len(failing)} symbols failed ({', '.join(sorted(failing))}) and {where} yielded {len(errors)} run_error "
        f"item(s): {[item.content for item in errors]}.",
        "these two failed at the same moment, so the ExceptionGroup holds both: report each exception in "
        "group.exceptions with RunEvent.run_error.",
    )
    expect(
        len(items) == len(errors),
        EXCEPT_STAR,
        f"after the failures {where} also yielded {stream_shape([i for i in items if i.event != ERROR])}.",
        "when any symbol fails, the run yields its run_error items and nothing else.",
    )
    expect_run_recorded(wf, f"{where} on {good}", TASKGROUP)
    expect_clean(cls, ASYNC_CODES, "report failures with RunEvent members that exist, on the async path only.")


# -- 5.3 ---------------------------------------------------------------------------------------------------


def _rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]


@exercise("5.3", "Blocking code off the event loop", points=3, rule="AGN107")
def blocking_code(async_answer: Any) -> None:
    """Runs the rule checker's AGN107 on the class first, then two workflows concurrently beside a heartbeat on 3
    symbols each (6 drawn from a pool of ten), each with a blocking legacy tool and an async price client of 0.3 s per
    call. Each run must yield one default-event item per symbol with its price and rating, then `'<n> ratings'` as a
    `RunEvent.workflow_completed` item, call each client once per symbol, and have every price and rating call in flight
    at one moment. The loop may not stall for 0.18 s or more, each run's last item must carry its own
    run id with agno's run state recorded, and the rule checker's async-path codes run on the class."""
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    expect_clean(cls, ("AGN107",), "pass the blocking function and its arguments: asyncio.to_thread(fn, *args).")

    pool = _draw(6)
    symbol_sets = [pool[:3], pool[3:]]

    def build() -> Any:
        wf: Any = cls()
        calls = Timeline()  # prices and ratings alike, so that one span shows them all in flight
        wf.legacy_tool = LegacyReportTool(latency=LATENCY, timeline=calls)
        wf.async_tools = AsyncFinancialTools(latency=LATENCY, timeline=calls)
        return wf

    def expect_each(i: int, wf: Any, run: Run) -> None:
        rated = symbol_sets[i]
        wanted = [
            (DEFAULT, f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {_rating(symbol)}") for symbol in rated
        ] + [(COMPLETED, f"{len(rated)} ratings")]
        expect(
            stream_shape(run.items) == wanted,
            "Consistent Return Types",
            f"for {rated} {where} yielded {stream_shape(run.items)}.",
            "one RunResponse per symbol with its price and rating, then the count with RunEvent.workflow_completed.",
        )
        for client, method in ((wf.async_tools, "price"), (wf.legacy_tool, "legacy")):
            expect(
                sorted(client.calls) == sorted(f"{method}({symbol})" for symbol in rated),
                TASKGROUP,
                f"for {rated} {where} made the {method} calls {client.calls}.",
                "fetch every symbol's price from self.async_tools and its rating from self.legacy_tool, once each.",
            )
        expect_together(
            wf.async_tools.timeline.spans,
            2 * len(rated),
            TASKGROUP,
            where,
            "create every price task and every to_thread rating task in one asyncio.TaskGroup.",
            "price and rating calls",
        )

    workflows = [build() for _ in symbol_sets]
    async_runs(
        workflows,
        lambda i, wf: wf.arun(symbols=symbol_sets[i]),
        latency=LATENCY,
        stall_code="AGN107",
        stall_hint="run every blocking call with await asyncio.to_thread(fn, *args)",
        expect_each=expect_each,
    )
    for wf in workflows:
        expect_run_recorded(wf, where, TASKGROUP)
    expect_clean(cls, ASYNC_CODES, "keep the async path async: to_thread for the legacy client, await the rest.")
