"""Checks for chapter 1, Core principles: dual paths, consistent return types, agent call patterns."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading.feedback import expect, expect_timing
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
    ASYNC_CODES,
    SYNC_CODES,
    expect_annotation,
    expect_loop_free,
    expect_own_run_ids,
    expect_runresponses,
    workflow_class,
)
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools

# -- 1.1 ---------------------------------------------------------------------------------------------------
SUMMARY = "Async code waits without blocking the loop."


@exercise("1.1", "Dual paths", points=3, rule="AGN110")
def dual_paths(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect(
        inspect.isasyncgenfunction(async_cls.arun),
        "Dual Method Pattern",
        f"{async_cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )

    wf: Any = sync_cls()
    wf.summarizer = probe_agent("summarizer", SUMMARY, latency=0.05)
    run = run_sync_path(lambda: wf.run(topic="event loops"), f"{sync_cls.__name__}.run()")
    expect_runresponses(run.items, f"{sync_cls.__name__}.run()")
    expect(
        run.items[-1].content == SUMMARY,
        "Dual Method Pattern",
        f"the last item's content was {run.items[-1].content!r}, the summarizer answered {SUMMARY!r}.",
        "yield the summarizer's answer as the content of the final RunResponse.",
    )
    expect(
        model_prompts(wf.summarizer) == [wf.prompt_for("event loops")],
        "Dual Method Pattern",
        f"the summarizer was asked {model_prompts(wf.summarizer)}.",
        "ask it once, with the shared prompt_for(topic).",
    )

    wfs: list[Any] = [async_cls() for _ in range(3)]
    for each in wfs:
        each.summarizer = probe_agent("summarizer", SUMMARY, latency=0.3)
    runs, seconds, blocked = run_async_paths(
        [lambda each=each: each.arun(topic="event loops") for each in wfs], f"{async_cls.__name__}.arun()"
    )
    expect_loop_free(f"{async_cls.__name__}.arun()", blocked, "AGN104", "await agent.arun(...)", latency=0.3)
    for each_run in runs:
        expect_runresponses(each_run.items, f"{async_cls.__name__}.arun()")
        expect(
            each_run.items[-1].content == SUMMARY,
            "Dual Method Pattern",
            f"the async path's last content was {each_run.items[-1].content!r}, the sync path's {SUMMARY!r}.",
            "both paths yield the same results.",
        )
    expect_timing(
        seconds < 0.6,
        "AGN104",
        f"three concurrent runs with 0.3 s of model latency each took {seconds:.2f} s.",
        "await the agent's async call so that runs overlap.",
    )
    expect_own_run_ids(wfs, runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "keep the sync path sync, in a class of its own.")
    expect_clean(async_cls, ASYNC_CODES, "keep the async path async, in a class of its own.")


# -- 1.2 ---------------------------------------------------------------------------------------------------
SYMBOLS = ["AAPL", "BAD", "MSFT"]
ERROR_HINT = "report a failing symbol with a RunResponse whose event is RunEvent.run_error, and go on."


def _expect_quotes(items: list[Any], where: str) -> None:
    expect_runresponses(items, where)
    seen = [(item.content, item.event) for item in items]
    expect(
        len(items) == len(SYMBOLS) + 1,
        "Consistent Return Types",
        f"{where} yielded {len(items)} items for {len(SYMBOLS)} symbols: {seen}.",
        "one RunResponse per symbol, then the final one.",
    )
    good, bad, good2, final = items
    for item, symbol in ((good, "AAPL"), (good2, "MSFT")):
        expect(
            item.event == RunEvent.run_response.value and item.content == f"{symbol}: {_price(symbol)} USD",
            "Consistent Return Types",
            f"for {symbol} {where} yielded content {item.content!r} with event {item.event!r}.",
            "yield RunResponse(content=self.quote(price)) with the default event.",
        )
    expect(
        bad.event == RunEvent.run_error.value and "BAD" in str(bad.content),
        "Consistent Return Types",
        f"for the unknown symbol BAD {where} yielded content {bad.content!r} with event {bad.event!r}.",
        ERROR_HINT,
    )
    expect(
        final.content == "2 of 3 quotes",
        "Consistent Return Types",
        f"the final content was {final.content!r}.",
        "end with '<found> of <asked> quotes'.",
    )


def _price(symbol: str) -> float:
    from agnocourse.tools import stock_price

    return stock_price(symbol)["price_usd"]


@exercise("1.2", "Consistent return types and events", points=3, rule="AGN109")
def return_types(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)

    wf: Any = sync_cls()
    wf.prices = SyncFinancialTools(latency=0.01, fail_for={"BAD"})
    run = run_sync_path(lambda: wf.run(symbols=SYMBOLS), f"{sync_cls.__name__}.run()", ERROR_HINT)
    _expect_quotes(run.items, f"{sync_cls.__name__}.run()")

    awf: Any = async_cls()
    awf.aprices = AsyncFinancialTools(latency=0.2, fail_for={"BAD"})
    awf.prices = SyncFinancialTools(latency=0.2, fail_for={"BAD"})
    runs, _, blocked = run_async_paths([lambda: awf.arun(symbols=SYMBOLS)], f"{async_cls.__name__}.arun()", ERROR_HINT)
    expect_loop_free(
        f"{async_cls.__name__}.arun()", blocked, "AGN107", "await the async price source (aprices)", latency=0.2
    )
    _expect_quotes(runs[0].items, f"{async_cls.__name__}.arun()")
    expect_own_run_ids([awf], runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "yield RunResponse objects with RunEvent members that exist.")
    expect_clean(async_cls, ASYNC_CODES, "yield RunResponse objects with RunEvent members that exist.")


# -- 1.3 ---------------------------------------------------------------------------------------------------
OUTLINE = "Outline: loops, tasks, awaits."
STORY = "Once upon a time an event loop ran many tasks and none of them ever blocked it again."


def _storyteller(cls: type, latency: float) -> Any:
    wf: Any = cls()
    wf.outliner = probe_agent("outliner", OUTLINE, latency=latency)
    wf.outliner.stream = True  # as if it had streamed before: a call without stream= would stream again
    wf.writer = probe_agent("writer", STORY, latency=latency, chunk_delay=0.02)
    return wf


def _expect_story(run: Any, wf: Any, where: str) -> None:
    expect_runresponses(run.items, where)
    chunks = run.items[:-1]
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == STORY,
        "Agent Call Patterns",
        f"{where} yielded {len(chunks)} chunk(s) before the final item.",
        "yield every chunk of the writer's streamed answer as it arrives.",
    )
    expect(
        run.items[-1].content == STORY,
        "Agent Call Patterns",
        f"the final content was {run.items[-1].content!r}.",
        "the final RunResponse carries the writer's whole text.",
    )
    expect(
        model_prompts(wf.writer) == [OUTLINE],
        "Agent Call Patterns",
        f"the writer was asked {model_prompts(wf.writer)}.",
        "give the writer the outliner's answer.",
    )
    last = last_chunk_at(wf.writer)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        f"the first chunk reached the caller {run.times[0] - run.started:.2f} s after the start, after the "
        "writer had produced its last chunk.",
        "yield each chunk inside the loop over the stream; do not gather the chunks first.",
    )


@exercise("1.3", "Agent call patterns", points=4, rule="AGN106")
def call_patterns(sync_answer: Any, async_answer: Any) -> None:
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")

    wf = _storyteller(sync_cls, latency=0.0)
    run = run_sync_path(lambda: wf.run(topic="asyncio"), f"{sync_cls.__name__}.run()")
    _expect_story(run, wf, f"{sync_cls.__name__}.run()")

    awfs = [_storyteller(async_cls, latency=0.3) for _ in range(2)]
    runs, _, blocked = run_async_paths(
        [lambda each=each: each.arun(topic="asyncio") for each in awfs], f"{async_cls.__name__}.arun()"
    )
    expect_loop_free(
        f"{async_cls.__name__}.arun()", blocked, "AGN104", "await agent.arun(...) for every agent call", latency=0.3
    )
    for each, each_run in zip(awfs, runs, strict=True):
        _expect_story(each_run, each, f"{async_cls.__name__}.arun()")
    expect_own_run_ids(awfs, runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "match every agent call to the path and pass stream= explicitly.")
    expect_clean(async_cls, ASYNC_CODES, "match every agent call to the path and pass stream= explicitly.")
