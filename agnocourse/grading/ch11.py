"""Checks for chapter 11, Migration checklist: one legacy digest workflow migrated in four parts, each part
checking one group of checklist items by behaviour and by the rule checker."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.run.response import RunEvent, RunResponse

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.paths import dual_classes, expect_run_recorded
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
    expect_own_run_id,
    stream_shape,
    workflow_class,
)
from agnocourse.timeline import Timeline, spans_in_words
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
# Drawn per run; AAPL and MSFT, the examples of the texts, are left out so that a hard-coded answer never matches.
SYMBOL_POOL = ["GOOGL", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE"]
STRUCTURE = ("AGN102", "AGN108", "AGN109", "AGN110", "AGN111")
CALLS = ("AGN101", "AGN104", "AGN105", "AGN106", "AGN107", "AGN112")
STREAMING = ("AGN103", "AGN106", "AGN109")  # advice (AGN202) never fails an exercise on its own
CHECKLIST_TASKGROUP = "Migration checklist: TaskGroup structured concurrency"
CHECKLIST_EXCEPT_STAR = "Migration checklist: exception handling with except*"
CHECKLIST_TESTS = "Migration checklist: test both sync and async functionality"


def _good(count: int = 3) -> list[str]:
    """Symbols the provider knows, drawn anew for each run."""
    return rng.sample(SYMBOL_POOL, count)


def _failing() -> list[str]:
    """Two symbols the provider does not know, made-up names drawn anew for each check, so that no answer can
    single them out by name."""
    return draws.symbols(2, avoid=SYMBOL_POOL)


def _mixed(failing: list[str]) -> list[str]:
    """One known symbol and the unknown ones, in a random order."""
    symbols = [*_good(1), *failing]
    rng.shuffle(symbols)
    return symbols


def _async_items(wf: Any, where: str, **kwargs: Any) -> tuple[list[Any], float, float]:
    runs, seconds, blocked = run_async_paths([lambda: wf.arun(**kwargs)], where)
    return runs[0].items, seconds, blocked


# -- 11.1 Structure and annotations -------------------------------------------------------------------------
def _headline_workflow(cls: type, headline: str, latency: float = 0.0) -> Any:
    wf: Any = cls()
    wf.headline_agent = probe_agent("headline", headline, latency=latency)
    return wf


@exercise("11.1", "Structure and annotations", points=2, rule="AGN110")
def structure(sync_answer: Any, async_answer: Any) -> None:
    """Runs the rule checker's AGN102, AGN108, AGN109, AGN110 and AGN111 on both split classes and reads the resolved
    return annotations: `Iterator[RunResponse]` for `run()`, `AsyncIterator[RunResponse]` for `arun()`. On 2 symbols
    drawn from a pool of ten and a headline of 5 words drawn per run, the sync path (inside a running event loop) and
    one async run beside a heartbeat (agent latency 0.3 s) must each yield exactly one `RunEvent.workflow_completed`
    item with the headline agent's answer and ask the agent once with the headline prompt over the symbols. The async
    run may not stall the loop for 0.18 s or more, its item must carry its own run id, and it must leave agno's run
    state behind."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect_clean(sync_cls, STRUCTURE, "annotate run() -> Iterator[RunResponse] and yield RunResponse objects.")
    expect_clean(
        async_cls, STRUCTURE, "annotate arun() -> AsyncIterator[RunResponse] and open its run with self.start_run(...)."
    )
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)
    headline = draws.text(5)  # the headline agent's answer, drawn for this check
    wanted = [(COMPLETED, headline)]
    symbols = _good(2)
    runs = _both_headline_runs(sync_cls, async_cls, symbols, headline)
    for cls, items, wf in runs:
        expect(
            stream_shape(items) == wanted,
            "Consistent Return Types",
            f"{cls.__name__} yielded {stream_shape(items)}.",
            "yield one RunResponse with the headline agent's answer and event=RunEvent.workflow_completed.",
        )
        prompts = model_prompts(wf.headline_agent)
        expect(
            prompts == ["Headline for " + ", ".join(symbols)],
            "Agent Call Patterns",
            f"the headline agent was asked {prompts}.",
            "ask it once, with self.headline_prompt(symbols).",
        )
    async_wf = runs[1][2]
    expect_run_recorded(async_wf, f"{async_cls.__name__}.arun()", "Dual Method Pattern")


def _both_headline_runs(
    sync_cls: type, async_cls: type, symbols: list[str], headline: str
) -> list[tuple[type, list[Any], Any]]:
    wf = _headline_workflow(sync_cls, headline)
    run = run_sync_path(lambda: wf.run(symbols=list(symbols)), f"{sync_cls.__name__}.run()")
    # The model takes LATENCY on the async path, so that a sync agent call there holds the loop for that long.
    awf = _headline_workflow(async_cls, headline, latency=LATENCY)
    where = f"{async_cls.__name__}.arun()"
    items, _, blocked = _async_items(awf, where, symbols=list(symbols))
    expect_loop_free(
        where, blocked, "AGN104", "await the headline agent's async call", latency=LATENCY, answer=async_cls
    )
    expect_own_run_id(awf, items, async_cls)
    return [(sync_cls, run.items, wf), (async_cls, items, awf)]


# -- 11.2 No asyncio.run() and matching agent calls ---------------------------------------------------------
def revenue_prompt(symbols: list[str]) -> str:
    """The prompt DigestSteps.revenue_prompt builds (the exercise gives the learner that helper)."""
    return "Summarise: " + "; ".join(f"{s} {income_statement(s)['revenue_bn']} bn" for s in symbols)


def _revenue_workflow(cls: type, summary: str) -> Any:
    wf: Any = cls()
    wf.sync_tools = SyncFinancialTools(latency=LATENCY)
    wf.async_tools = AsyncFinancialTools(latency=LATENCY)
    wf.summary_agent = probe_agent("summary", summary, latency=LATENCY)
    return wf


def _expect_summary(wf: Any, items: list[Any], where: str, symbols: list[str], client: Any, summary: str) -> None:
    expect(
        sorted(client.calls) == sorted(f"income({s})" for s in symbols),
        "Agent Call Patterns",
        f"for {symbols} {where} made the calls {client.calls} on the client of its path.",
        "fetch every income statement once, from the client that matches the path (sync_tools or async_tools).",
    )
    expect(
        stream_shape(items) == [(COMPLETED, summary)],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(items)}.",
        "yield one RunResponse with the summary agent's answer and event=RunEvent.workflow_completed.",
    )
    prompts = model_prompts(wf.summary_agent)
    expect(
        prompts == [revenue_prompt(symbols)],
        "Agent Call Patterns",
        f"the summary agent was asked {prompts}.",
        "ask it once, with self.revenue_prompt(incomes) over the income statements in the order of the symbols.",
    )


@exercise("11.2", "No asyncio.run() and matching agent calls", points=3, rule="AGN101")
def matching_calls(sync_answer: Any, async_answer: Any) -> None:
    """Runs the rule checker's AGN101, AGN104, AGN105, AGN106, AGN107 and AGN112 on both split classes. On 3 symbols
    drawn per path from a pool of ten, with a blocking and an async client and a summary agent of 0.3 s per call and a
    summary of 7 words drawn per run, the sync path (inside a running event loop) and one async run beside a heartbeat
    must fetch each income statement once from the client of their own path (the sync path never calling the async one),
    ask the agent once with the revenue prompt in symbol order, and yield exactly one `RunEvent.workflow_completed` item
    with its answer. The async run may not stall the loop for 0.18 s or more, its item must carry its own run id, and it
    must leave agno's run state behind."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect_clean(sync_cls, CALLS, "the sync path makes sync calls all the way down: sync_tools and agent.run().")
    expect_clean(async_cls, CALLS, "the async path awaits: async_tools and await agent.arun(..., stream=False).")

    summary = draws.text(7)  # the summary agent's answer, drawn for this check
    wf = _revenue_workflow(sync_cls, summary)
    where = f"{sync_cls.__name__}.run()"
    symbols = _good()
    run = run_sync_path(lambda: wf.run(symbols=list(symbols)), where)
    _expect_summary(wf, run.items, where, symbols, wf.sync_tools, summary)
    expect(
        not wf.async_tools.calls,
        "AGN105",
        f"{where} called the async client: {wf.async_tools.calls}.",
        "the sync path uses self.sync_tools, the blocking client.",
    )

    awf = _revenue_workflow(async_cls, summary)
    where = f"{async_cls.__name__}.arun()"
    symbols = _good()
    items, _, blocked = _async_items(awf, where, symbols=list(symbols))
    expect_loop_free(
        where,
        blocked,
        "AGN107",
        "await the async client and await agent.arun(..., stream=False)",
        latency=LATENCY,
        answer=async_cls,
    )
    _expect_summary(awf, items, where, symbols, awf.async_tools, summary)
    expect_own_run_id(awf, items, async_cls)
    expect_run_recorded(awf, where, "Dual Method Pattern")


# -- 11.3 Streaming without collecting, TaskGroup with except* ----------------------------------------------
def digest_prompt(symbols: list[str]) -> str:
    """The prompt DigestSteps.digest_prompt builds over the income statements of `symbols` (the exercise gives the
    learner that helper)."""
    return "Write a digest of " + ", ".join(income_statement(s)["symbol"] for s in symbols)


def _digest_workflow(cls: type, digest: str, failing: list[str], timeline: Timeline | None = None) -> Any:
    wf: Any = cls()
    wf.async_tools = AsyncFinancialTools(latency=LATENCY, fail_for=failing, timeline=timeline)
    wf.writer = probe_agent("writer", digest, chunk_delay=0.05)
    return wf


@exercise("11.3", "Streaming without collecting, TaskGroup with except*", points=3, rule="AGN203")
def streaming(async_answer: Any) -> None:
    """Runs the rule checker's AGN103, AGN106 and AGN109 on the class, then one run beside a heartbeat on 3 symbols
    drawn from a pool of ten, with an async client of 0.3 s per call whose call spans are recorded and a writer
    streaming 12 words drawn per run in chunks 50 ms apart. The run must keep the loop from stalling for 0.18 s or more,
    fetch each income statement once, ask the writer once with the digest prompt in symbol order, relay chunks that join
    to the text before a final `RunEvent.workflow_completed` item `'digest of <n> symbols'`, pass on the first text
    before the writer produced its last chunk, have every income-statement call in flight at one moment (their recorded
    spans: the last began before the first ended), and end with its own run id. A second run puts two failing symbols,
    made-up names of four letters drawn per run, with one drawn symbol in a drawn order, on a client without latency so
    that both fail in one ExceptionGroup: it must yield one `RunEvent.run_error` item per failing symbol and nothing
    else."""
    cls = workflow_class(async_answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    expect_clean(cls, STREAMING, "yield each chunk as it arrives; report failures with RunEvent.run_error.")

    digest = draws.text(12)  # the writer's answer, drawn for this check
    fetches = Timeline()  # when each income-statement call started and ended
    failing = _failing()
    wf = _digest_workflow(cls, digest, failing, fetches)
    good, mixed = _good(), _mixed(failing)
    runs, _, blocked = run_async_paths([lambda: wf.arun(symbols=list(good))], where)
    run = runs[0]
    expect_loop_free(
        where, blocked, "AGN107", "await the async client and the writer's stream", latency=LATENCY, answer=cls
    )
    chunks = [item for item in run.items if event_name(item) != COMPLETED]
    expect(
        "".join(str(item.content) for item in chunks) == digest
        and stream_shape(run.items[-1:]) == [(COMPLETED, f"digest of {len(good)} symbols")],
        "Consistent Return Types",
        f"{where} yielded {stream_shape(run.items)}.",
        "yield the writer's chunks, then RunResponse(content='digest of N symbols', event=workflow_completed).",
    )
    expect(
        sorted(wf.async_tools.calls) == sorted(f"income({s})" for s in good),
        CHECKLIST_TASKGROUP,
        f"for {good} {where} made the calls {wf.async_tools.calls}.",
        "fetch the income statement of every symbol once, from self.async_tools.",
    )
    prompts = model_prompts(wf.writer)
    expect(
        prompts == [digest_prompt(good)],
        "Agent Call Patterns",
        f"for {good} the writer was asked {prompts}.",
        "ask the writer once, with self.digest_prompt(...) over the income statements you fetched, in the order of "
        "the symbols.",
    )
    # The first item that carries some of the writer's text, not merely the first item: an empty item yielded early
    # says nothing about when the writer's chunks are passed on.
    first_text = next(
        (t for item, t in zip(run.items, run.times, strict=True) if event_name(item) != COMPLETED and item.content),
        None,
    )
    last = last_chunk_at(wf.writer)
    expect_timing(
        last is not None and first_text is not None and first_text < last,
        "AGN103",
        f"{where} yielded the writer's first text only after the writer had produced its last chunk.",
        "yield inside the `async for` over the writer's stream, as each chunk arrives.",
    )
    # What the task says is concurrent: the income-statement calls themselves, all in flight at one moment. Their
    # spans say so however slowly a busy machine runs the code around them.
    expect_timing(
        len(fetches.spans) == len(good) and fetches.peak_concurrency == len(good),
        CHECKLIST_TASKGROUP,
        f"{where} made {len(good)} income-statement calls of {LATENCY} s each, which did not all overlap: "
        f"{spans_in_words(fetches.spans)}.",
        "create every income-statement task in one asyncio.TaskGroup.",
    )
    expect_own_run_id(wf, run.items, cls)

    failing_wf = _digest_workflow(cls, digest, failing)
    failing_wf.async_tools = AsyncFinancialTools(latency=0.0, fail_for=failing)  # both fail at the same moment
    try:
        items, _, _ = _async_items(failing_wf, f"{cls.__name__}.arun({mixed})", symbols=mixed)
    except AssertionError as failure:
        if "ExceptionGroup" in str(failure):
            fail(
                CHECKLIST_EXCEPT_STAR,
                f"{where} let an ExceptionGroup escape for {mixed}: `except SymbolNotFoundError` never matches one.",
                "catch the failures of the TaskGroup with except* and report each one.",
            )
        if "raised SymbolNotFoundError" in str(failure):
            fail(
                CHECKLIST_EXCEPT_STAR,
                f"{where} let SymbolNotFoundError escape for {mixed} instead of reporting it.",
                "fetch in an asyncio.TaskGroup and catch its failures with except*, reporting each with run_error.",
            )
        raise
    errors = [item for item in items if event_name(item) == ERROR]
    named = sorted(s for s in failing if any(s in str(item.content) for item in errors))
    expect(
        named == sorted(failing) and len(items) == len(errors) == len(failing),
        CHECKLIST_EXCEPT_STAR,
        f"for {mixed} ({' and '.join(sorted(failing))} fail at the same moment) {where} yielded {stream_shape(items)}.",
        "one RunResponse with RunEvent.run_error per distinct failure in group.exceptions, and nothing else.",
    )
    expect_run_recorded(wf, where, "Dual Method Pattern")


# -- 11.4 Blocking tool off the loop, both paths consistent -------------------------------------------------
def _rating(symbol: str) -> str:
    return LegacyReportTool(latency=0).blocking_method(symbol)["rating"]


def _rating_workflow(
    cls: type, failing: list[str], latency: float = LATENCY, *, staggered: bool = False, calls: Timeline | None = None
) -> Any:
    """A rating workflow on fresh clients that fail for the symbols `failing`, recording their calls' spans on
    `calls` if given. Staggered: the first one's price fails after `latency`, the second only in the legacy rating
    client, after LATENCY, so that a TaskGroup has cancelled the rest before the second can fail."""
    wf: Any = cls()
    early, late = failing
    fail_for = {early} if staggered else set(failing)
    wf.sync_tools = SyncFinancialTools(latency=latency, fail_for=fail_for, timeline=calls)
    wf.async_tools = AsyncFinancialTools(latency=latency, fail_for=fail_for, timeline=calls)
    wf.legacy_tool = (
        LegacyReportTool(latency=LATENCY, fail_for={late})
        if staggered
        else LegacyReportTool(latency=latency, timeline=calls)
    )
    return wf


def _rated_items(symbols: list[str]) -> list[Any]:
    """The items a right answer yields for `symbols` that all succeed."""
    lines = [f"{s}: {stock_price(s)['price_usd']} USD, rated {_rating(s)}" for s in symbols]
    return [RunResponse(content=line) for line in lines] + [
        RunResponse(content=f"{len(symbols)} ratings", event=RunEvent.workflow_completed)
    ]


def _errors_only(shape: list[tuple[str, Any]]) -> set[str] | None:
    """The error messages of a run that yielded run_error items and nothing else; None for any other run."""
    return {str(content) for _, content in shape} if shape and {e for e, _ in shape} == {ERROR} else None


def _expect_consistent(symbols: list[str], sync_shape: list[Any], async_shape: list[Any], first: str | None) -> None:
    """What both paths promise: the same items on success; on failure only run_error items, the first failure on
    both, and none on the async path that the sync path did not report (its TaskGroup may have cancelled the calls
    that would have failed later; the sync path cannot cancel its threads and waits for them)."""
    sync_errors, async_errors = _errors_only(sync_shape), _errors_only(async_shape)
    if sync_errors is None or async_errors is None:
        agree = sync_shape == async_shape and bool(sync_shape)
    else:
        agree = bool(async_errors) and async_errors <= sync_errors
        reported_first = first is None or all(any(first in m for m in errors) for errors in (sync_errors, async_errors))
        agree = agree and reported_first
        agree = agree and sync_shape == sorted(sync_shape) and async_shape == sorted(async_shape)
    expect(
        agree,
        CHECKLIST_TESTS,
        f"for {symbols} the sync path yielded {sync_shape} and the async path {async_shape}.",
        "on success both paths yield the same items; on failure both yield only run_error items (one per distinct "
        "message, sorted), the first failure among them, and the async path none that the sync path lacks.",
    )


def _failing_items(awf: Any, where: str, symbols: list[str]) -> list[Any]:
    """What the async path yielded for `symbols`, some of which may fail; an ExceptionGroup that escapes is told as
    the except* item it breaks."""
    try:
        items, _, _ = _async_items(awf, where, symbols=symbols)
    except AssertionError as failure:
        if "ExceptionGroup" in str(failure):
            fail(
                CHECKLIST_EXCEPT_STAR,
                f"{where} let an ExceptionGroup escape for {symbols}: `except SymbolNotFoundError` never matches one.",
                "catch the failures of the TaskGroup with except* and report each one with RunEvent.run_error.",
            )
        raise
    return items


def _expect_one_round(calls: Timeline, symbols: list[str], where: str, hint: str) -> None:
    """Every call of the run in flight at one moment, read from the spans the clients recorded: the last began
    before the first ended. Two rounds (every price, then every rating) start the second round's calls after the
    first round's ended; a busy machine slows the code around the calls, never turning calls that overlap into calls
    that do not."""
    made = 2 * len(symbols)
    expect_timing(
        len(calls.spans) == made and calls.peak_concurrency == made,
        CHECKLIST_TASKGROUP,
        f"for {len(symbols)} symbols {where} made {made} calls of {LATENCY} s each (a price and a rating per symbol), "
        f"which did not all overlap: {spans_in_words(calls.spans)}. Made all at once they take about {LATENCY} s, in "
        f"two rounds about {2 * LATENCY:.1f} s.",
        hint,
    )


@exercise("11.4", "The blocking tool off the loop, both paths consistent", points=4, rule="AGN107")
def consistency(sync_answer: Any, async_answer: Any) -> None:
    """Runs the rule checker's AGN107 on the async class and AGN101 and AGN105 on the sync class. One async run beside a
    heartbeat and one sync run inside a running event loop, each on 3 symbols drawn from a pool of ten with price and
    legacy rating clients of 0.3 s per call, must yield one item per symbol with its price and rating, then `'<n>
    ratings'` as a `RunEvent.workflow_completed` item, with all six calls in flight at one moment as their recorded
    spans show, and call each client of its path once per symbol (the async run `async_tools` and `legacy_tool`, the
    sync run `sync_tools` and `legacy_tool`, never the async client); the async run must also keep the loop from
    stalling for 0.18 s or more, end with its own run id and leave agno's run state behind. Both paths then run on four
    more inputs with 20 ms calls (3 good symbols; 1 good symbol; two failing symbols, made-up names of four letters
    drawn per run, among one good symbol, failing at the same moment; the same, staggered so that the first one's price
    fails before the second one's rating): on success they must yield the same items, on failure only sorted
    `RunEvent.run_error` items, the first failure on both and none on the async path that the sync path lacks. A last
    async run with both failures at the same moment must report both."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect_clean(async_cls, ("AGN107",), "pass the blocking function and its arguments: asyncio.to_thread(fn, *args).")
    expect_clean(sync_cls, ("AGN101", "AGN105"), "the sync path runs the blocking clients in a ThreadPoolExecutor.")
    failing = _failing()

    calls = Timeline()
    awf = _rating_workflow(async_cls, failing, calls=calls)
    where = f"{async_cls.__name__}.arun()"
    good = _good()
    items, _, blocked = _async_items(awf, where, symbols=list(good))
    expect_loop_free(
        where,
        blocked,
        "AGN107",
        "run the legacy client with await asyncio.to_thread(fn, *args)",
        latency=LATENCY,
        answer=async_cls,
    )
    wanted = stream_shape(_rated_items(good))
    expect(
        stream_shape(items) == wanted,
        "Consistent Return Types",
        f"for {good} {where} yielded {stream_shape(items)}.",
        "one RunResponse per symbol with self.rated(price, rating), then 'N ratings' with workflow_completed.",
    )
    for client, method in ((awf.async_tools, "price"), (awf.legacy_tool, "legacy")):
        expect(
            sorted(client.calls) == sorted(f"{method}({s})" for s in good),
            CHECKLIST_TASKGROUP,
            f"for {good} {where} made the {method} calls {client.calls}.",
            "fetch every symbol's price from self.async_tools and its rating from self.legacy_tool, once each.",
        )
    _expect_one_round(calls, good, where, "create every price task and every to_thread task in one TaskGroup.")
    expect_own_run_id(awf, items, async_cls)
    recorded = awf

    calls = Timeline()
    wf = _rating_workflow(sync_cls, failing, calls=calls)
    sync_where = f"{sync_cls.__name__}.run()"
    good = _good()
    sync_run = run_sync_path(lambda: wf.run(symbols=list(good)), sync_where)
    expect(
        stream_shape(sync_run.items) == stream_shape(_rated_items(good)),
        "Consistent Return Types",
        f"for {good} {sync_where} yielded {stream_shape(sync_run.items)}.",
        "one RunResponse per symbol with self.rated(price, rating), then 'N ratings' with workflow_completed.",
    )
    for client, method in ((wf.sync_tools, "price"), (wf.legacy_tool, "legacy")):
        expect(
            sorted(client.calls) == sorted(f"{method}({s})" for s in good),
            "Always do 3: ThreadPoolExecutor on the sync path",
            f"for {good} {sync_where} made the {method} calls {client.calls}.",
            "fetch every symbol's price from self.sync_tools and its rating from self.legacy_tool, once each, in the "
            "ThreadPoolExecutor: the items come from those calls, not from anywhere else.",
        )
    expect(
        not wf.async_tools.calls,
        "AGN105",
        f"{sync_where} called the async client: {wf.async_tools.calls}.",
        "the sync path uses self.sync_tools, the blocking client.",
    )
    _expect_one_round(
        calls,
        good,
        sync_where,
        "submit every price call and every rating call to one ThreadPoolExecutor with a worker per call "
        "(max_workers=2 * len(symbols): the default pool has only the number of cores plus four) before reading any "
        "result.",
    )

    # Failures at the same moment (every call takes 0.02 s) and at different moments (staggered).
    mixed = _mixed(failing)
    cases = [(_good(), False, None), (mixed, False, None), (_good(1), False, None), (mixed, True, repr(failing[0]))]
    for symbols, staggered, first in cases:
        wf = _rating_workflow(sync_cls, failing, latency=0.02, staggered=staggered)
        sync_run = run_sync_path(lambda wf=wf, symbols=symbols: wf.run(symbols=symbols), f"{sync_cls.__name__}.run()")
        awf = _rating_workflow(async_cls, failing, latency=0.02, staggered=staggered)
        async_items = _failing_items(awf, where, symbols)
        _expect_consistent(symbols, stream_shape(sync_run.items), stream_shape(async_items), first)
    same_moment = _rating_workflow(async_cls, failing, latency=0.0)
    mixed_items = _failing_items(same_moment, where, mixed)
    named = sorted(s for s in failing if any(s in str(c) for e, c in stream_shape(mixed_items) if e == ERROR))
    expect(
        named == sorted(failing),
        CHECKLIST_EXCEPT_STAR,
        f"for {mixed} ({' and '.join(sorted(failing))} fail at the same moment) {where} yielded "
        f"{stream_shape(mixed_items)}.",
        "report every failure in the TaskGroup's ExceptionGroup (except*) with RunEvent.run_error.",
    )
    expect_run_recorded(recorded, where, "Dual Method Pattern")
