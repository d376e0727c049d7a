"""Checks for chapter 11, Migration checklist: one legacy digest workflow migrated in four parts, each part
checking one group of checklist items by behaviour and by the rule checker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.probes import (
    expect_clean,
    last_chunk_at,
    model_prompts,
    probe_agent,
    run_async_paths,
    run_sync_path,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    event_name,
    expect_annotation,
    expect_loop_free,
    expect_overlap,
    expect_own_run_id,
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
GOOD = ["AAPL", "MSFT", "NVDA"]
MIXED = ["AAPL", "BAD", "WORSE"]
FAILING = {"BAD", "WORSE"}
STRUCTURE = ("AGN102", "AGN108", "AGN109", "AGN110", "AGN111")
CALLS = ("AGN101", "AGN104", "AGN105", "AGN106", "AGN107", "AGN112")
STREAMING = ("AGN103", "AGN106", "AGN109", "AGN202")
CHECKLIST_TASKGROUP = "Migration checklist: TaskGroup structured concurrency"
CHECKLIST_EXCEPT_STAR = "Migration checklist: exception handling with except*"
CHECKLIST_TESTS = "Migration checklist: test both sync and async functionality"


def _async_items(wf: Any, where: str, **kwargs: Any) -> tuple[list[Any], float, float]:
    runs, seconds, blocked = run_async_paths([lambda: wf.arun(**kwargs)], where)
    return runs[0].items, seconds, blocked


# -- 11.1 Structure and annotations -------------------------------------------------------------------------
HEADLINE = "Tech earnings beat estimates."


def _headline_workflow(cls: type) -> Any:
    wf: Any = cls()
    wf.headline_agent = probe_agent("headline", HEADLINE)
    return wf


@exercise("11.1", "Structure and annotations", points=2, rule="AGN110")
def structure(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_clean(sync_cls, STRUCTURE, "annotate run() -> Iterator[RunResponse] and yield RunResponse objects.")
    expect_clean(async_cls, STRUCTURE, "annotate arun() -> AsyncIterator[RunResponse] and start its own run.")
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)
    wanted = [(COMPLETED, HEADLINE)]
    for cls, items, wf in _both_headline_runs(sync_cls, async_cls):
        expect(
            stream_shape(items) == wanted,
            "Consistent Return Types",
            f"{cls.__name__} yielded {stream_shape(items)}.",
            "yield one RunResponse with the headline agent's answer and event=RunEvent.workflow_completed.",
        )
        prompts = model_prompts(wf.headline_agent)
        expect(
            prompts == ["Headline for AAPL, MSFT"],
            "Agent Call Patterns",
            f"the headline agent was asked {prompts}.",
            "ask it once, with self.headline_prompt(symbols).",
        )


def _both_headline_runs(sync_cls: type, async_cls: type) -> list[tuple[type, list[Any], Any]]:
    wf = _headline_workflow(sync_cls)
    run = run_sync_path(lambda: wf.run(symbols=["AAPL", "MSFT"]), f"{sync_cls.__name__}.run()")
    awf = _headline_workflow(async_cls)
    items, _, _ = _async_items(awf, f"{async_cls.__name__}.arun()", symbols=["AAPL", "MSFT"])
    expect_own_run_id(awf, items, async_cls)
    return [(sync_cls, run.items, wf), (async_cls, items, awf)]


# -- 11.2 No asyncio.run() and matching agent calls ---------------------------------------------------------
SUMMARY = "Revenue is concentrated in two names."


def revenue_prompt(symbols: list[str]) -> str:
    """The prompt DigestSteps.revenue_prompt builds (the exercise gives the learner that helper)."""
    return "Summarise: " + "; ".join(f"{s} {income_statement(s)['revenue_bn']} bn" for s in symbols)


def _revenue_workflow(cls: type) -> Any:
    wf: Any = cls()
    wf.sync_tools = SyncFinancialTools(latency=LATENCY)
    wf.async_tools = AsyncFinancialTools(latency=LATENCY)
    wf.summary_agent = probe_agent("summary", SUMMARY, latency=LATENCY)
    return wf


def _expect_summary(wf: Any, items: list[Any], where: str) -> None:
    expect(
        stream_shape(items) == [(COMPLETED, SUMMARY)],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(items)}.",
        "yield one RunResponse with the summary agent's answer and event=RunEvent.workflow_completed.",
    )
    prompts = model_prompts(wf.summary_agent)
    expect(
        prompts == [revenue_prompt(GOOD)],
        "Agent Call Patterns",
        f"the summary agent was asked {prompts}.",
        "ask it once, with self.revenue_prompt(incomes) over the income statements in the order of the symbols.",
    )


@exercise("11.2", "No asyncio.run() and matching agent calls", points=3, rule="AGN101")
def matching_calls(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_clean(sync_cls, CALLS, "the sync path makes sync calls all the way down: sync_tools and agent.run().")
    expect_clean(async_cls, CALLS, "the async path awaits: async_tools and await agent.arun(..., stream=False).")

    wf = _revenue_workflow(sync_cls)
    where = f"{sync_cls.__name__}.run()"
    run = run_sync_path(lambda: wf.run(symbols=GOOD), where)
    _expect_summary(wf, run.items, where)
    expect(
        not wf.async_tools.calls,
        "AGN105",
        f"{where} called the async client: {wf.async_tools.calls}.",
        "the sync path uses self.sync_tools, the blocking client.",
    )

    awf = _revenue_workflow(async_cls)
    where = f"{async_cls.__name__}.arun()"
    items, _, blocked = _async_items(awf, where, symbols=GOOD)
    expect_loop_free(
        where, blocked, "AGN107", "await the async client and await agent.arun(..., stream=False)", latency=LATENCY
    )
    _expect_summary(awf, items, where)
    expect_own_run_id(awf, items, async_cls)


# -- 11.3 Streaming without collecting, TaskGroup with except* ----------------------------------------------
DIGEST = "Apple leads on revenue while Nvidia grows fastest and Microsoft holds steady."


def _digest_workflow(cls: type) -> Any:
    wf: Any = cls()
    wf.async_tools = AsyncFinancialTools(latency=LATENCY, fail_for=FAILING)
    wf.writer = probe_agent("writer", DIGEST, chunk_delay=0.05)
    return wf


@exercise("11.3", "Streaming without collecting, TaskGroup with except*", points=3, rule="AGN203")
def streaming(async_answer: Any) -> None:
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    expect_clean(cls, STREAMING, "yield each chunk as it arrives; report failures with RunEvent.run_error.")

    wf = _digest_workflow(cls)
    runs, seconds, blocked = run_async_paths([lambda: wf.arun(symbols=GOOD)], where)
    run = runs[0]
    expect_loop_free(where, blocked, "AGN107", "await the async client and the writer's stream", latency=LATENCY)
    chunks = [item for item in run.items if event_name(item) != COMPLETED]
    expect(
        "".join(str(item.content) for item in chunks) == DIGEST
        and stream_shape(run.items[-1:]) == [(COMPLETED, f"digest of {len(GOOD)} symbols")],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(run.items)}.",
        "yield the writer's chunks, then RunResponse(content='digest of N symbols', event=workflow_completed).",
    )
    last = last_chunk_at(wf.writer)
    expect_timing(
        last is not None and bool(run.times) and run.times[0] < last,
        "AGN103",
        f"{where} yielded its first item only after the writer had produced its last chunk.",
        "yield inside the `async for` over the writer's stream, as each chunk arrives.",
    )
    fetched = (run.times[0] - run.started) if run.times else seconds
    expect_overlap(
        fetched,
        len(GOOD),
        LATENCY,
        CHECKLIST_TASKGROUP,
        where,
        "create every income-statement task in one asyncio.TaskGroup.",
    )
    expect_own_run_id(wf, run.items, cls)

    failing = _digest_workflow(cls)
    failing.async_tools = AsyncFinancialTools(latency=0.0, fail_for=FAILING)
    try:
        items, _, _ = _async_items(failing, f"{cls.__name__}.arun({MIXED})", symbols=MIXED)
    except AssertionError as failure:
        if "ExceptionGroup" in str(failure):
            fail(
                CHECKLIST_EXCEPT_STAR,
                f"{where} let an ExceptionGroup escape for {MIXED}: `except SymbolNotFoundError` never matches one.",
                "catch the failures of the TaskGroup with except* and report each one.",
            )
        raise
    errors = [item for item in items if event_name(item) == ERROR]
    named = sorted(s for s in FAILING if any(s in str(item.content) for item in errors))
    expect(
        named == sorted(FAILING) and len(items) == len(errors) == len(FAILING),
        CHECKLIST_EXCEPT_STAR,
        f"for {MIXED} (BAD and WORSE fail) {where} yielded {stream_shape(items)}.",
        "one RunResponse with RunEvent.run_error per distinct failure in group.exceptions, and nothing else.",
    )


# -- 11.4 Blocking tool off the loop, both paths consistent -------------------------------------------------
def _rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]


def _rating_workflow(cls: type, latency: float = LATENCY) -> Any:
    wf: Any = cls()
    wf.sync_tools = SyncFinancialTools(latency=latency, fail_for=FAILING)
    wf.async_tools = AsyncFinancialTools(latency=latency, fail_for=FAILING)
    wf.legacy_tool = LegacyReportTool(latency=latency)
    return wf


@exercise("11.4", "The blocking tool off the loop, both paths consistent", points=4, rule="AGN107")
def consistency(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_clean(async_cls, ("AGN107",), "pass the blocking function and its arguments: asyncio.to_thread(fn, *args).")
    expect_clean(sync_cls, ("AGN101", "AGN105"), "the sync path runs the blocking clients in a ThreadPoolExecutor.")

    awf = _rating_workflow(async_cls)
    where = f"{async_cls.__name__}.arun()"
    items, seconds, blocked = _async_items(awf, where, symbols=GOOD)
    expect_loop_free(
        where, blocked, "AGN107", "run the legacy client with await asyncio.to_thread(fn, *args)", latency=LATENCY
    )
    wanted = [(DEFAULT, f"{s}: {stock_price(s)['price_usd']} USD, rated {_rating(s)}") for s in GOOD]
    wanted.append((COMPLETED, f"{len(GOOD)} ratings"))
    expect(
        stream_shape(items) == wanted,
        "Consistent Return Types",
        f"for {GOOD} {where} yielded {stream_shape(items)}.",
        "one RunResponse per symbol with self.rated(price, rating), then 'N ratings' with workflow_completed.",
    )
    expect_overlap(
        seconds,
        2 * len(GOOD),
        LATENCY,
        CHECKLIST_TASKGROUP,
        where,
        "create every price task and every to_thread task in one TaskGroup.",
    )
    expect_own_run_id(awf, items, async_cls)

    for symbols in (GOOD, MIXED, ["NVDA"]):
        wf = _rating_workflow(sync_cls, latency=0.0)
        sync_run = run_sync_path(lambda wf=wf, symbols=symbols: wf.run(symbols=symbols), f"{sync_cls.__name__}.run()")
        sync_items = sync_run.items
        awf = _rating_workflow(async_cls, latency=0.0)
        async_items, _, _ = _async_items(awf, where, symbols=symbols)
        sync_shape, async_shape = stream_shape(sync_items), stream_shape(async_items)
        expect(
            sync_shape == async_shape and bool(sync_items),
            CHECKLIST_TESTS,
            f"for {symbols} the sync path yielded {sync_shape} and the async path {async_shape}.",
            "both paths yield the same events and contents on every input, failures included "
            "(one run_error item per distinct error message, sorted).",
        )
    mixed = _rating_workflow(async_cls, latency=0.0)
    mixed_items, _, _ = _async_items(mixed, where, symbols=MIXED)
    named = sorted(s for s in FAILING if any(s in str(c) for e, c in stream_shape(mixed_items) if e == ERROR))
    expect(
        named == sorted(FAILING),
        CHECKLIST_EXCEPT_STAR,
        f"for {MIXED} (BAD and WORSE fail) {where} yielded {stream_shape(mixed_items)}.",
        "report every failure of the TaskGroup (except*) with RunEvent.run_error.",
    )
