"""Checks for chapter 1, Core principles: dual paths, consistent return types, agent call patterns."""

from __future__ import annotations

import inspect
import random
import string
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
    overlapped,
    workflow_class,
)
from agnocourse.patterns import recorded_run_ids
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price

# Inputs are drawn for every check, so that only an answer that calls its agents and tools can pass.
_draw = random.Random()


def _token() -> str:
    return "".join(_draw.choices(string.ascii_lowercase, k=6))


def _topic() -> str:
    return f"{_draw.choice(['event loops', 'coroutines', 'task groups', 'cancellation'])} {_token()}"


def _ticker() -> str:
    return "".join(_draw.choices(string.ascii_uppercase, k=4))


# -- 1.1 ---------------------------------------------------------------------------------------------------
STATE_HINT = (
    "agno 1.5.10 wraps run() only: open the async run with `self.run_id = self.start_run(...)`, passing it "
    "arun()'s arguments, and close it with `self.finish_run(content)` after the last item."
)


def _state(wf: Any) -> dict[str, bool]:
    """What a finished run left on its workflow: a session, this run's response, this run in memory."""
    response = getattr(wf, "run_response", None)
    return {
        "session_id set": getattr(wf, "session_id", None) is not None,
        "run_response of this run": response is not None and response.run_id == wf.run_id,
        "this run in memory": bool(wf.run_id) and recorded_run_ids(wf) == [wf.run_id],
    }


def expect_same_state(wf: Any, where: str, rule: str) -> None:
    """One run on a fresh workflow leaves what agno's sync wrapper leaves: a session, its response, its memory."""
    missing = [name for name, ok in _state(wf).items() if not ok]
    expect(not missing, rule, f"after {where} the workflow lacks: {', '.join(missing)}.", STATE_HINT)


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
    summary, topic = f"Summary {_token()}: async code waits without blocking the loop.", _topic()

    wf: Any = sync_cls()
    wf.summarizer = probe_agent("summarizer", summary, latency=0.05)
    run = run_sync_path(lambda: wf.run(topic=topic), f"{sync_cls.__name__}.run()")
    expect_runresponses(run.items, f"{sync_cls.__name__}.run()")
    expect(
        run.items[-1].content == summary,
        "Dual Method Pattern",
        f"the last item's content was {run.items[-1].content!r}, the summarizer answered {summary!r}.",
        "yield the summarizer's answer as the content of the final RunResponse.",
    )
    expect(
        model_prompts(wf.summarizer) == [wf.prompt_for(topic)],
        "Dual Method Pattern",
        f"the summarizer was asked {model_prompts(wf.summarizer)}.",
        "ask it once, with the shared prompt_for(topic).",
    )
    expect_same_state(wf, f"{sync_cls.__name__}.run()", "Dual Method Pattern")

    latency = _draw.uniform(0.25, 0.35)
    wfs: list[Any] = [async_cls() for _ in range(3)]
    for each in wfs:
        each.summarizer = probe_agent("summarizer", summary, latency=latency)
    runs, seconds, blocked = run_async_paths(
        [lambda each=each: each.arun(topic=topic) for each in wfs], f"{async_cls.__name__}.arun()"
    )
    expect_loop_free(f"{async_cls.__name__}.arun()", blocked, "AGN104", "await agent.arun(...)", latency=latency)
    for each, each_run in zip(wfs, runs, strict=True):
        expect_runresponses(each_run.items, f"{async_cls.__name__}.arun()")
        expect(
            each_run.items[-1].content == summary,
            "Dual Method Pattern",
            f"the async path's last content was {each_run.items[-1].content!r}, the sync path's {summary!r}.",
            "both paths yield the same results.",
        )
        expect(
            model_prompts(each.summarizer) == [wf.prompt_for(topic)],
            "Dual Method Pattern",
            f"the async path asked the summarizer {model_prompts(each.summarizer)}.",
            "ask it once, with the shared prompt_for(topic), awaiting its async call.",
        )
    expect_timing(
        overlapped(seconds, 3 * latency),
        "AGN104",
        f"three concurrent runs with {latency:.2f} s of model latency each took {seconds:.2f} s.",
        "await the agent's async call so that runs overlap.",
    )
    expect_own_run_ids(wfs, runs, async_cls)
    for each in wfs:
        expect_same_state(each, f"{async_cls.__name__}.arun()", "Dual Method Pattern")
    expect_clean(sync_cls, SYNC_CODES, "keep the sync path sync, in a class of its own.")
    expect_clean(async_cls, ASYNC_CODES, "keep the async path async, in a class of its own.")


# -- 1.2 ---------------------------------------------------------------------------------------------------
ERROR_HINT = "report a failing symbol with a RunResponse whose event is RunEvent.run_error, and go on."


def _symbols(count: int) -> tuple[list[str], str]:
    """`count` made-up tickers, one of which fails, at a random place."""
    symbols = [_ticker() for _ in range(count)]
    return symbols, _draw.choice(symbols)


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
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)

    # Each path runs twice, on lists of different lengths, so that no fixed final count passes.
    for count in _draw.sample([3, 4, 5], 2):
        symbols, bad = _symbols(count)
        wf: Any = sync_cls()
        wf.prices = SyncFinancialTools(latency=0.01, fail_for={bad})
        run = run_sync_path(
            lambda wf=wf, symbols=symbols: wf.run(symbols=symbols), f"{sync_cls.__name__}.run()", ERROR_HINT
        )
        _expect_quotes(run.items, symbols, bad, wf.prices, f"{sync_cls.__name__}.run()")

    draws = [_symbols(count) for count in _draw.sample([3, 4, 5], 2)]
    awfs: list[Any] = []
    for _, bad in draws:
        awf: Any = async_cls()
        awf.aprices = AsyncFinancialTools(latency=0.2, fail_for={bad})
        awf.prices = SyncFinancialTools(latency=0.2, fail_for={bad})
        awfs.append(awf)
    runs, _, blocked = run_async_paths(
        [
            lambda awf=awf, symbols=symbols: awf.arun(symbols=symbols)
            for awf, (symbols, _) in zip(awfs, draws, strict=True)
        ],
        f"{async_cls.__name__}.arun()",
        ERROR_HINT,
    )
    expect_loop_free(
        f"{async_cls.__name__}.arun()", blocked, "AGN107", "await the async price source (aprices)", latency=0.2
    )
    for awf, (symbols, bad), each_run in zip(awfs, draws, runs, strict=True):
        _expect_quotes(each_run.items, symbols, bad, awf.aprices, f"{async_cls.__name__}.arun()")
    expect_own_run_ids(awfs, runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "yield RunResponse objects with RunEvent members that exist.")
    expect_clean(async_cls, ASYNC_CODES, "yield RunResponse objects with RunEvent members that exist.")


# -- 1.3 ---------------------------------------------------------------------------------------------------
def _storyteller(cls: type, outline: str, story: str, latency: float) -> Any:
    wf: Any = cls()
    wf.outliner = probe_agent("outliner", outline, latency=latency)
    wf.outliner.stream = True  # as if it had streamed before: a call without stream= would stream again
    wf.writer = probe_agent("writer", story, latency=latency, chunk_delay=0.02)
    return wf


def _expect_story(run: Any, wf: Any, outline: str, story: str, where: str) -> None:
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
    expect(
        len(model_prompts(wf.outliner)) == 1 and model_prompts(wf.writer) == [outline],
        "Agent Call Patterns",
        f"the outliner was asked {len(model_prompts(wf.outliner))} time(s), the writer {model_prompts(wf.writer)}.",
        "ask the outliner once, then give the writer the outliner's answer.",
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
    outline = f"Outline {_token()}: loops, tasks, awaits."
    story = f"Once upon a time an event loop named {_token()} ran many tasks and none of them ever blocked it."

    wf = _storyteller(sync_cls, outline, story, latency=0.0)
    run = run_sync_path(lambda: wf.run(topic=_topic()), f"{sync_cls.__name__}.run()")
    _expect_story(run, wf, outline, story, f"{sync_cls.__name__}.run()")

    latency = _draw.uniform(0.25, 0.35)
    awfs = [_storyteller(async_cls, outline, story, latency=latency) for _ in range(2)]
    runs, seconds, blocked = run_async_paths(
        [lambda each=each: each.arun(topic=_topic()) for each in awfs], f"{async_cls.__name__}.arun()"
    )
    expect_loop_free(
        f"{async_cls.__name__}.arun()", blocked, "AGN104", "await agent.arun(...) for every agent call", latency=latency
    )
    for each, each_run in zip(awfs, runs, strict=True):
        _expect_story(each_run, each, outline, story, f"{async_cls.__name__}.arun()")
    one_run = 2 * latency + 0.02 * len(story.split())
    expect_timing(
        # Two runs one after the other take their sum; overlapping, about one run. A streamed run also spends
        # CPU on every chunk, which does not overlap, so the line sits at 80% of the sum, not the usual 60%.
        seconds < 0.8 * 2 * one_run,
        "AGN104",
        f"two concurrent runs of about {one_run:.2f} s each took {seconds:.2f} s: they did not overlap.",
        "await every agent call, so that while one run waits the other goes on.",
    )
    expect_own_run_ids(awfs, runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "match every agent call to the path and pass stream= explicitly.")
    expect_clean(async_cls, ASYNC_CODES, "match every agent call to the path and pass stream= explicitly.")
