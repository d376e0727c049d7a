"""Checks for chapter 5, Modern async patterns: TaskGroup, except* and asyncio.to_thread."""

from __future__ import annotations

from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading.feedback import expect, fail
from agnocourse.grading.probes import expect_clean, model_prompts, probe_agent, run_async_paths, run_sync_path
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    ASYNC_CODES,
    SYNC_CODES,
    expect_loop_free,
    expect_overlap,
    expect_own_run_id,
    expected_prompt,
    stream_shape,
    workflow_class,
)
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


# -- 5.1 ---------------------------------------------------------------------------------------------------
REPORT = "Report ready."


def _financial_workflow(cls: type) -> Any:
    wf: Any = cls()
    wf.sync_tools = SyncFinancialTools(latency=LATENCY)
    wf.async_tools = AsyncFinancialTools(latency=LATENCY)
    wf.report_agent = probe_agent("reporter", REPORT)
    return wf


def _expect_report(items: list[Any], wf: Any, where: str) -> None:
    expect(
        stream_shape(items) == [(COMPLETED, REPORT)],
        "Dual Method Pattern",
        f"{where} yielded {stream_shape(items)}.",
        "yield one RunResponse: the report agent's answer, with event=RunEvent.workflow_completed.",
    )
    prompts = model_prompts(wf.report_agent)
    expect(
        prompts == [expected_prompt("MSFT")],
        "Dual Method Pattern",
        f"the report agent was asked {prompts}.",
        "ask it once, with self.report_prompt(data) over the income statement, financials and price.",
    )
    calls = sorted(wf.sync_tools.calls + wf.async_tools.calls)
    expect(
        calls == ["financials(MSFT)", "income(MSFT)", "price(MSFT)"],
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
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")

    wf = _financial_workflow(sync_cls)
    where = f"{sync_cls.__name__}.run()"
    run = run_sync_path(lambda: wf.run(symbol="MSFT"), where)
    _expect_report(run.items, wf, where)
    expect(
        not wf.async_tools.calls,
        "AGN105",
        f"{where} called the async client: {wf.async_tools.calls}.",
        "the sync path uses self.sync_tools; it gets its concurrency from a ThreadPoolExecutor.",
    )
    expect_overlap(
        run.seconds,
        3,
        LATENCY,
        THREADS,
        where,
        "submit the three blocking calls to a ThreadPoolExecutor, then read each result.",
    )

    awf = _financial_workflow(async_cls)
    where = f"{async_cls.__name__}.arun()"
    runs, seconds, blocked = run_async_paths([lambda: awf.arun(symbol="MSFT")], where)
    expect_loop_free(
        where, blocked, "AGN107", "await the async client (self.async_tools), never the blocking one", latency=LATENCY
    )
    _expect_report(runs[0].items, awf, where)
    expect_overlap(
        seconds,
        3,
        LATENCY,
        TASKGROUP,
        where,
        "create the three tasks in one asyncio.TaskGroup, and read results after it.",
    )
    expect_own_run_id(awf, runs[0].items, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "keep the sync path sync: threads, not an event loop of its own.")
    expect_clean(async_cls, ASYNC_CODES, "keep the async path async, in a class of its own.")


# -- 5.2 ---------------------------------------------------------------------------------------------------
GOOD = ["AAPL", "MSFT", "NVDA"]
MIXED = ["AAPL", "BAD", "MSFT", "WORSE"]
FAILING = {"BAD", "WORSE"}


def _revenue_line(symbol: str) -> str:
    return f"{symbol}: revenue {income_statement(symbol)['revenue_bn']} bn USD"


def _run_revenue(cls: type, symbols: list[str], latency: float) -> tuple[list[Any], float, float]:
    wf: Any = cls()
    wf.async_tools = AsyncFinancialTools(latency=latency, fail_for=FAILING)
    where = f"{cls.__name__}.arun({symbols})"
    try:
        runs, seconds, blocked = run_async_paths([lambda: wf.arun(symbols=symbols)], where)
    except AssertionError as failure:
        if "raised ExceptionGroup" in str(failure) or "raised BaseExceptionGroup" in str(failure):
            fail(
                EXCEPT_STAR,
                f"{where} let an ExceptionGroup escape: a TaskGroup wraps the failures of its tasks in one, and "
                "`except SymbolNotFoundError` never matches a group.",
                "catch the failures inside the group with except* and report each one.",
            )
        raise
    expect_loop_free(where, blocked, "AGN107", "await the async client", latency=LATENCY)
    expect_own_run_id(wf, runs[0].items, cls)
    return runs[0].items, seconds, blocked


@exercise("5.2", "Every failure reported with except*", points=3, rule="AGN203")
def every_failure(async_answer: Any) -> None:
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"

    items, seconds, _ = _run_revenue(cls, GOOD, LATENCY)
    total = round(sum(income_statement(symbol)["revenue_bn"] for symbol in GOOD), 1)
    wanted = [(DEFAULT, _revenue_line(symbol)) for symbol in GOOD] + [(COMPLETED, f"total revenue {total} bn USD")]
    expect(
        stream_shape(items) == wanted,
        "Consistent Return Types",
        f"for {GOOD} {where} yielded {stream_shape(items)}.",
        "one RunResponse per symbol with the default event, then the total with RunEvent.workflow_completed.",
    )
    expect_overlap(
        seconds, len(GOOD), LATENCY, TASKGROUP, where, "fetch every income statement in one asyncio.TaskGroup."
    )

    items, _, _ = _run_revenue(cls, MIXED, 0.0)
    errors = [item for item in items if item.event == ERROR]
    named = sorted(symbol for symbol in FAILING if any(symbol in str(item.content) for item in errors))
    expect(
        named == sorted(FAILING) and len(errors) == len(FAILING),
        EXCEPT_STAR,
        f"{len(FAILING)} symbols failed ({', '.join(sorted(FAILING))}) and {where} yielded {len(errors)} run_error "
        f"item(s): {[item.content for item in errors]}.",
        "the ExceptionGroup holds every failure: report each exception in group.exceptions with RunEvent.run_error.",
    )
    expect(
        len(items) == len(errors),
        EXCEPT_STAR,
        f"after the failures {where} also yielded {stream_shape([i for i in items if i.event != ERROR])}.",
        "when any symbol fails, the run yields its run_error items and nothing else.",
    )
    expect_clean(cls, ASYNC_CODES, "report failures with RunEvent members that exist, on the async path only.")


# -- 5.3 ---------------------------------------------------------------------------------------------------
RATED = ["AAPL", "AMZN", "NVDA"]


def _rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]


@exercise("5.3", "Blocking code off the event loop", points=3, rule="AGN107")
def blocking_code(async_answer: Any) -> None:
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    expect_clean(cls, ("AGN107",), "pass the blocking function and its arguments: asyncio.to_thread(fn, *args).")

    wf: Any = cls()
    wf.legacy_tool = LegacyReportTool(latency=LATENCY)
    wf.async_tools = AsyncFinancialTools(latency=LATENCY)
    runs, seconds, blocked = run_async_paths([lambda: wf.arun(symbols=RATED)], where)
    expect_loop_free(
        where, blocked, "AGN107", "run every blocking call with await asyncio.to_thread(fn, *args)", latency=LATENCY
    )
    wanted = [
        (DEFAULT, f"{symbol}: {stock_price(symbol)['price_usd']} USD, rated {_rating(symbol)}") for symbol in RATED
    ] + [(COMPLETED, f"{len(RATED)} ratings")]
    expect(
        stream_shape(runs[0].items) == wanted,
        "Consistent Return Types",
        f"for {RATED} {where} yielded {stream_shape(runs[0].items)}.",
        "one RunResponse per symbol with its price and rating, then the count with RunEvent.workflow_completed.",
    )
    expect_overlap(
        seconds,
        len(RATED),
        LATENCY,
        TASKGROUP,
        where,
        "create every price task and every to_thread rating task in one asyncio.TaskGroup.",
        "blocking ratings",
    )
    expect_own_run_id(wf, runs[0].items, cls)
    expect_clean(cls, ASYNC_CODES, "keep the async path async: to_thread for the legacy client, await the rest.")
