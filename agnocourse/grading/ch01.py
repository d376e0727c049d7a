"""Checks for chapter 1, Core principles: dual paths, consistent return types, agent call patterns."""

from __future__ import annotations

import inspect
import string
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import (
    Run,
    last_chunk_at,
    model_prompts,
    probe_agent,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    expect_annotation,
    expect_runresponses,
)
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price


def _token() -> str:
    return "".join(rng.choices(string.ascii_lowercase, k=6))


def _topic() -> str:
    return f"{rng.choice(['event loops', 'coroutines', 'task groups', 'cancellation'])} {_token()}"


def _ticker() -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=4))


# -- 1.1 ---------------------------------------------------------------------------------------------------
@exercise("1.1", "Dual paths", points=3, rule="AGN110")
def dual_paths(sync_answer: Any, async_answer: Any) -> None:
    """Requires a Workflow subclass that defines only `run()` and another that defines only `arun()`, an async generator
    function; the summarizer is a probe agent whose answer, like the topic, carries a token drawn per run. The sync path
    is consumed inside a running event loop (so an `asyncio.run()` in it fails) and three async runs (agent latency 0.25
    to 0.35 s, drawn) run concurrently beside a heartbeat: each must yield only RunResponse objects, the last (and only
    the last) a `RunEvent.workflow_completed` item with the summarizer's answer, ask the summarizer exactly once with
    `prompt_for(topic)`, and leave agno's run state behind (a session id, this run's `run_response`, this run in the
    workflow's memory). The loop may not stall for 60% of the latency, the three summarizer calls must all be in flight
    at one moment, as the spans the model records show, and each run's last item must carry its own workflow's run id.
    The rule checker's sync-path codes run on the sync class and its async-path codes on the async class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect(
        inspect.isasyncgenfunction(async_cls.arun),
        "Dual Method Pattern",
        f"{async_cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )
    summary, topic = f"Summary {_token()}: async code waits without blocking the loop.", _topic()

    def summarizing(latency: float) -> Callable[[type], Any]:
        def build(cls: type) -> Any:
            wf: Any = cls()
            wf.summarizer = probe_agent("summarizer", summary, latency=latency)
            return wf

        return build

    def expect_summary(wf: Any, run: Run, where: str) -> None:
        expect_runresponses(run.items, where)
        expect(
            run.items[-1].content == summary,
            "Dual Method Pattern",
            f"{where}'s last item's content was {run.items[-1].content!r}, the summarizer answered {summary!r}.",
            "yield the summarizer's answer as the content of the final RunResponse; both paths yield the same.",
        )
        expect(
            model_prompts(wf.summarizer) == [wf.prompt_for(topic)],
            "Dual Method Pattern",
            f"{where} asked the summarizer {model_prompts(wf.summarizer)}.",
            "ask it once, with the shared prompt_for(topic).",
        )

    wf, run = sync_run(sync_cls, summarizing(0.05), lambda wf: wf.run(topic=topic))
    expect_summary(wf, run, f"{sync_cls.__name__}.run()")
    expect_run_recorded(wf, f"{sync_cls.__name__}.run()", "Dual Method Pattern")

    latency = rng.uniform(0.25, 0.35)
    workflows = [summarizing(latency)(async_cls) for _ in range(3)]
    async_runs(
        workflows,
        lambda _, wf: wf.arun(topic=topic),
        latency=latency,
        stall_code="AGN104",
        stall_hint="await agent.arun(...)",
        expect_each=lambda _, wf, run: expect_summary(wf, run, f"{async_cls.__name__}.arun()"),
        waits=lambda wf: [wf.summarizer],
        overlap_rule="AGN104",
        overlap_hint="await the agent's async call so that runs overlap.",
    )
    for wf in workflows:
        expect_run_recorded(wf, f"{async_cls.__name__}.arun()", "Dual Method Pattern")
    expect_paths_clean(
        sync_cls,
        async_cls,
        "keep the sync path sync, in a class of its own.",
        "keep the async path async, in a class of its own.",
    )


# -- 1.2 ---------------------------------------------------------------------------------------------------
ERROR_HINT = "report a failing symbol with a RunResponse whose event is RunEvent.run_error, and go on."


def _symbols(count: int) -> tuple[list[str], str]:
    """`count` made-up tickers, one of which fails, at a random place."""
    symbols = [_ticker() for _ in range(count)]
    return symbols, rng.choice(symbols)


def _expect_quotes(items: list[Any], symbols: list[str], bad: str, tools: Any, where: str) -> None:
    expect_runresponses(items, where)
    seen = [(item.content, item.event) for item in items]
    expect(
        len(items) == len(symbols) + 1,
        "Consistent Return Types",
        f"{where} yielded {len(items)} items for {len(symbols)} symbols: {seen}.",
        "one RunResponse per symbol, then the final one.",
    )
    for item, symbol in zip(items, symbols, strict=False):
        if symbol == bad:
            expect(
                item.event == RunEvent.run_error.value and bad in str(item.content),
                "Consistent Return Types",
                f"for the unknown symbol {bad} {where} yielded content {item.content!r} with event {item.event!r}.",
                ERROR_HINT,
            )
            continue
        expect(
            item.event == RunEvent.run_response.value
            and item.content == f"{symbol}: {stock_price(symbol)['price_usd']} USD",
            "Consistent Return Types",
            f"for {symbol} {where} yielded content {item.content!r} with event {item.event!r}.",
            "yield RunResponse(content=self.quote(price)) with the default event.",
        )
    asked = [call.split("(")[1].rstrip(")") for call in tools.calls]
    expect(
        asked == symbols,
        "Consistent Return Types",
        f"{where} asked its price source for {asked}, the symbols were {symbols}.",
        "fetch each symbol's price from the workflow's price source, once, in order.",
    )
    final = f"{len(symbols) - 1} of {len(symbols)} quotes"
    expect(
        items[-1].content == final,
        "Consistent Return Types",
        f"the final content was {items[-1].content!r} for {len(symbols)} symbols, one of them unknown.",
        "end with '<found> of <asked> quotes'.",
    )


@exercise("1.2", "Consistent return types and events", points=3, rule="AGN109")
def return_types(sync_answer: Any, async_answer: Any) -> None:
    """Requires `run()` annotated `Iterator[RunResponse]` and `arun()` annotated `AsyncIterator[RunResponse]`, in two
    split classes. Each path runs on two symbol lists of different drawn lengths (3 to 5 made-up tickers, one failing at
    a drawn place), the sync path inside a running event loop and the two async runs concurrently beside a heartbeat
    over a price source of 0.2 s per call; each run must yield one RunResponse per symbol (its quote, or a
    `RunEvent.run_error` item naming the failing symbol), ask the price source for each symbol once and in order, and
    end with a `RunEvent.workflow_completed` item `'<found> of <asked> quotes'`. The loop may not stall for 0.12 s or
    more (the async price source must be awaited, the sync one left alone), each async run's last item must carry its
    own run id, and the rule checker's codes for each path run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)

    # Each path runs twice, on lists of different lengths, so that no fixed final count passes.
    for count in rng.sample([3, 4, 5], 2):
        symbols, bad = _symbols(count)

        def build(cls: type, bad: str = bad) -> Any:
            wf: Any = cls()
            wf.prices = SyncFinancialTools(latency=0.01, fail_for={bad})
            return wf

        wf, run = sync_run(sync_cls, build, lambda wf, symbols=symbols: wf.run(symbols=symbols), ERROR_HINT)
        _expect_quotes(run.items, symbols, bad, wf.prices, f"{sync_cls.__name__}.run()")

    draws = [_symbols(count) for count in rng.sample([3, 4, 5], 2)]
    workflows: list[Any] = [async_cls() for _ in draws]
    for awf, (_, bad) in zip(workflows, draws, strict=True):
        awf.aprices = AsyncFinancialTools(latency=0.2, fail_for={bad})
        awf.prices = SyncFinancialTools(latency=0.2, fail_for={bad})
    async_runs(
        workflows,
        lambda i, wf: wf.arun(symbols=draws[i][0]),
        latency=0.2,
        stall_code="AGN107",
        stall_hint="await the async price source (aprices)",
        expect_each=lambda i, wf, run: _expect_quotes(run.items, *draws[i], wf.aprices, f"{async_cls.__name__}.arun()"),
        hint=ERROR_HINT,
    )
    hint = "yield RunResponse objects with RunEvent members that exist."
    expect_paths_clean(sync_cls, async_cls, hint, hint)


# -- 1.3 ---------------------------------------------------------------------------------------------------
def _storyteller(cls: type, outline: str, story: str, latency: float) -> Any:
    wf: Any = cls()
    wf.outliner = probe_agent("outliner", outline, latency=latency)
    wf.outliner.stream = True  # as if it had streamed before: a call without stream= would stream again
    wf.writer = probe_agent("writer", story, latency=latency, chunk_delay=0.02)
    return wf


def _expect_story(run: Any, wf: Any, topic: str, outline: str, story: str, where: str) -> None:
    expect_runresponses(run.items, where)
    chunks = run.items[:-1]
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == story,
        "Agent Call Patterns",
        f"{where} yielded {len(chunks)} chunk(s) before the final item.",
        "yield every chunk of the writer's streamed answer as it arrives.",
    )
    expect(
        run.items[-1].content == story,
        "Agent Call Patterns",
        f"the final content was {run.items[-1].content!r}.",
        "the final RunResponse carries the writer's whole text.",
    )
    asked = model_prompts(wf.outliner)
    expect(
        len(asked) == 1 and topic in asked[0] and model_prompts(wf.writer) == [outline],
        "Agent Call Patterns",
        f"{where} with topic={topic!r} asked the outliner {asked} and the writer {model_prompts(wf.writer)}.",
        "ask the outliner once, in a prompt that carries the topic, then give the writer the outliner's answer.",
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
    """Builds each workflow with an outliner agent left at `stream=True` (so a call without an explicit `stream=`
    streams) and a writer agent that streams its story in chunks 20 ms apart, both answering with tokens drawn per run,
    and draws a topic per run. The sync path (inside a running event loop) and two concurrent async runs (agent latency
    0.25 to 0.35 s, drawn, beside a heartbeat) must ask the outliner once with a prompt that carries the topic, give the
    writer the outline, yield more than three chunks that join to the story, end with a `RunEvent.workflow_completed`
    item holding the whole story, and deliver the first chunk before the writer produced its last one. The loop may not
    stall for 60% of the latency, at one moment both runs must have an agent call in flight, as the spans the models
    record show, each run's last item must carry its own run id, and the rule checker's codes for each path run on its
    class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    outline = f"Outline {_token()}: loops, tasks, awaits."
    story = f"Once upon a time an event loop named {_token()} ran many tasks and none of them ever blocked it."

    topics = [_topic() for _ in range(3)]  # the outliner's prompt must carry its run's topic

    wf, run = sync_run(
        sync_cls, lambda cls: _storyteller(cls, outline, story, latency=0.0), lambda wf: wf.run(topic=topics[0])
    )
    _expect_story(run, wf, topics[0], outline, story, f"{sync_cls.__name__}.run()")

    latency = rng.uniform(0.25, 0.35)
    where = f"{async_cls.__name__}.arun()"
    async_runs(
        [_storyteller(async_cls, outline, story, latency=latency) for _ in range(2)],
        lambda i, wf: wf.arun(topic=topics[1 + i]),
        latency=latency,
        stall_code="AGN104",
        stall_hint="await agent.arun(...) for every agent call",
        expect_each=lambda i, wf, run: _expect_story(run, wf, topics[1 + i], outline, story, where),
        waits=lambda wf: [wf.outliner, wf.writer],
        overlap_rule="AGN104",
        overlap_hint="await every agent call, so that while one run waits the other goes on.",
    )
    hint = "match every agent call to the path and pass stream= explicitly."
    expect_paths_clean(sync_cls, async_cls, hint, hint)
