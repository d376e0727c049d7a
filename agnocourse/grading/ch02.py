"""Checks for chapter 2, Never do: no event loop in a sync path, stream without collecting, keep the loop free."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.paths import async_runs, expect_run_recorded, sync_run
from agnocourse.grading.probes import (
    Run,
    expect_clean,
    expect_together,
    last_chunk_at,
    model_prompts,
    probe_agent,
    run_async_paths,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    expect_loop_free,
    expect_returns,
    expect_runresponses,
    workflow_class,
)
from agnocourse.offline import offline_agent
from agnocourse.timeline import Timeline
from agnocourse.tools import AsyncFinancialTools, LegacyReportTool, SyncFinancialTools, stock_price

# -- shared observations -------------------------------------------------------------------------------------
# Inputs are drawn per run, so that no answer hard-coded for one set of them passes.
SYMBOL_POOL = ["AAPL", "GOOGL", "MSFT", "AMZN", "NVDA", "META", "TSLA", "ORCL", "IBM", "INTC", "NFLX", "ADBE"]


def _expect_final(items: list[Any], content: str, where: str, what: str) -> None:
    expect_runresponses(items, where)
    expect(
        items[-1].content == content,
        "Result",
        f"the final item's content was {items[-1].content!r}, expected {content!r}.",
        f"the final RunResponse carries {what}.",
    )


# -- 2.1 ---------------------------------------------------------------------------------------------------
TOOL_LATENCY = 0.2


def _price_report(cls: type) -> Any:
    wf: Any = cls()
    wf.prices = SyncFinancialTools(latency=TOOL_LATENCY, timeline=Timeline())  # each call's span: were they together?
    wf.aprices = AsyncFinancialTools(latency=TOOL_LATENCY)
    wf.writer = offline_agent("writer")
    return wf


@exercise("2.1", "A sync path that runs anywhere", points=3, rule="AGN101")
def sync_anywhere(answer: Any) -> None:
    """Requires a Workflow subclass that defines only `run()`, annotated `Iterator[RunResponse]`, and consumes it inside
    a running event loop (so an `asyncio.run()` or `run_until_complete()` in it fails) on 4 symbols drawn from 12
    tickers, with a sync and an async price source of 0.2 s per call and an echoing writer agent. It checks that the
    final (`RunEvent.workflow_completed`) item and the writer's only prompt are `prompt_for(prices)` with the prices in
    symbol order, and that the sync price source was called once per symbol. The 4 price calls must all be in flight at
    one moment, as their recorded spans show (a thread pool, not an event loop), and the rule checker's codes AGN101,
    AGN105 and AGN112 run on the class."""
    cls = workflow_class(answer, "run", "arun")
    where = f"{cls.__name__}.run()"
    expect_returns(cls.run, Iterator, where)
    report_symbols = rng.sample(SYMBOL_POOL, 4)
    wf, run = sync_run(cls, _price_report, lambda wf: wf.run(symbols=list(report_symbols)))
    expected = wf.prompt_for([stock_price(symbol) for symbol in report_symbols])
    _expect_final(run.items, expected, where, "the writer's answer to prompt_for(prices), prices in symbol order")
    expect(
        model_prompts(wf.writer) == [expected],
        "Result",
        f"the writer was asked {model_prompts(wf.writer)}.",
        "ask the writer once, with prompt_for(prices), without streaming.",
    )
    expect(
        sorted(wf.prices.calls) == sorted(f"price({symbol})" for symbol in report_symbols),
        "Never do 1",
        f"the sync price source saw the calls {wf.prices.calls}.",
        "the sync path fetches every price once, with the sync source self.prices.",
    )
    expect_together(
        wf.prices.timeline.spans,
        len(report_symbols),
        "Never do 1",
        where,
        "a sync path can be concurrent without an event loop: run the blocking calls in a thread pool.",
        "price calls",
    )
    expect_clean(cls, ("AGN101", "AGN105", "AGN112"), "keep the sync path sync all the way down.")


# -- 2.2 ---------------------------------------------------------------------------------------------------
STORIES = (
    "Streams hand over each word as soon as it exists, so nobody waits for the whole answer to be written.",
    "A relay passes every chunk on the moment it arrives and keeps a copy to build the final answer from.",
    "The reader sees the first words while the writer is still working on the last ones of the same reply.",
)
WRITER_LATENCY = 0.2


@exercise("2.2", "Stream, don't collect", points=3, rule="AGN103")
def stream_not_collect(answer: Any) -> None:
    """Requires an async generator function annotated `AsyncIterator[...]` and runs it twice concurrently beside a
    heartbeat, each on its own probe agent (0.2 s latency, then chunks 20 ms apart) with a message drawn per run. The
    loop may not stall for 0.12 s or more; each run must ask its agent once with the message it was given, yield more
    than three chunks that join to the story, end with a `RunEvent.workflow_completed` item holding the whole story, and
    deliver its first chunk before the agent produced its last one. The rule checker's codes AGN102, AGN103, AGN104,
    AGN106 and AGN112 run on the function."""
    name = getattr(answer, "__name__", repr(answer))
    expect(
        inspect.isasyncgenfunction(answer),
        "AGN103",
        f"{name} is not an async generator function, so its caller gets nothing until everything has arrived.",
        "write `async def` that uses `yield` inside the loop over the agent's stream.",
    )
    expect_returns(answer, AsyncIterator, f"{name}()")
    stories = rng.sample(STORIES, 2)
    # A message drawn per relay, so that only a relay that asks with the message it was given passes.
    messages = [f"Tell a {draws.word()} story about {draws.topic()}, {draws.token()}" for _ in stories]
    agents = [probe_agent("writer", story, latency=WRITER_LATENCY, chunk_delay=0.02) for story in stories]
    runs, _, blocked = run_async_paths(
        [lambda a=agent, m=message: answer(a, m) for agent, message in zip(agents, messages, strict=True)], f"{name}()"
    )
    expect_loop_free(
        f"{name}()",
        blocked,
        "AGN107",
        "await the async form of every call; hand code that only has a sync form to asyncio.to_thread()",
        latency=WRITER_LATENCY,
        answer=answer,
    )
    for agent, run, story, message in zip(agents, runs, stories, messages, strict=True):
        _expect_final(run.items, story, f"{name}()", "the whole text of the agent's answer")
        chunks = run.items[:-1]
        expect(
            len(chunks) > 3 and "".join(str(chunk.content) for chunk in chunks) == story,
            "Agent Call Patterns",
            f"{name}() yielded {len(chunks)} item(s) before the final one.",
            "yield every chunk of the agent's streamed answer.",
        )
        expect(
            model_prompts(agent) == [message],
            "Result",
            f"given the message {message!r}, {name}() asked the agent {model_prompts(agent)}.",
            "ask the agent once, streaming, with the message argument itself.",
        )
        last = last_chunk_at(agent)
        expect_timing(
            last is not None and run.times[0] < last,
            "AGN103",
            f"the first item reached the caller {run.times[0] - run.started:.2f} s after the start, after the agent "
            "had produced its last chunk: every chunk was held back until the stream ended.",
            "yield each chunk inside the `async for`, as it arrives.",
        )
    expect_clean(answer, ("AGN102", "AGN103", "AGN104", "AGN106", "AGN112"), "stream each chunk as it arrives.")


# -- 2.3 ---------------------------------------------------------------------------------------------------
STEP_LATENCY = 0.2


def _briefing(cls: type) -> Any:
    wf: Any = cls()
    wf.legacy = LegacyReportTool(latency=STEP_LATENCY)
    wf.analyst = offline_agent("analyst", latency=STEP_LATENCY)
    return wf


def _expect_briefing(wf: Any, symbol: str, run: Run, where: str) -> None:
    expected = wf.prompt_for(LegacyReportTool(latency=0).blocking_method(symbol))
    _expect_final(run.items, expected, where, "the analyst's answer to prompt_for(rating)")
    expect(
        wf.legacy.calls == [f"legacy({symbol})"] and model_prompts(wf.analyst) == [expected],
        "Result",
        f"for {symbol} the legacy tool saw {wf.legacy.calls} and the analyst was asked {model_prompts(wf.analyst)}.",
        "call the legacy tool once for the symbol, then ask the analyst once with prompt_for(rating).",
    )


@exercise("2.3", "Keep the event loop responsive", points=4, rule="AGN104")
def responsive(answer: Any) -> None:
    """Requires a Workflow subclass that defines only `arun()`, an async generator function annotated
    `AsyncIterator[RunResponse]`, and runs three workflows concurrently beside a heartbeat on 3 drawn symbols, each with
    a blocking legacy tool and an analyst agent of 0.2 s each. Each run must call the legacy tool once for its symbol,
    ask the analyst once with `prompt_for(rating)`, end with a `RunEvent.workflow_completed` item holding the analyst's
    answer, carry its own run id on its last item, and leave agno's run state behind (session, `run_response`, the run
    in memory). The loop may not stall for 0.12 s or more and at one moment each of the three runs must have its legacy
    call or its analyst call in flight, as the spans they record show; the rule checker's codes AGN104, AGN106, AGN107,
    AGN110, AGN111 and AGN112 run on the class."""
    cls = workflow_class(answer, "arun", "run")
    where = f"{cls.__name__}.arun()"
    expect(
        inspect.isasyncgenfunction(cls.arun),
        "Dual Method Pattern",
        f"{cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )
    expect_returns(cls.arun, AsyncIterator, where)
    brief_symbols = rng.sample(SYMBOL_POOL, 3)
    wfs = [_briefing(cls) for _ in brief_symbols]
    async_runs(
        wfs,
        lambda i, wf: wf.arun(symbol=brief_symbols[i]),
        latency=STEP_LATENCY,
        stall_code="AGN107",
        stall_hint="await the agent's async call, and hand the legacy call to asyncio.to_thread()",
        expect_each=lambda i, wf, run: _expect_briefing(wf, brief_symbols[i], run, where),
        waits=lambda wf: [wf.legacy, wf.analyst],
        overlap_rule="AGN107",
        overlap_hint="while one briefing waits, the others must be able to run: nothing in arun() may hold the thread.",
    )
    for wf in wfs:
        expect_run_recorded(wf, where, "Dual Method Pattern")
    expect_clean(cls, ("AGN104", "AGN106", "AGN107", "AGN110", "AGN111", "AGN112"), "keep every call non-blocking.")
