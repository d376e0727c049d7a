"""Checks for chapter 3, Always do: complete sync and async paths that stream and end with a completion item."""

from __future__ import annotations

import inspect
import random
import string
import time
from typing import Any

from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import (
    Run,
    expect_clean,
    last_chunk_at,
    model_prompts,
    probe_agent,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    ASYNC_CODES,
    SYNC_CODES,
    expect_runresponses,
    stream_shape,
    workflow_class,
)
from agnocourse.tools import AsyncFinancialTools, SyncFinancialTools, stock_price

SYNC_RULE = "ALWAYS DO 1: Proper Sync Implementation"
ASYNC_RULE = "ALWAYS DO 2: Proper Async Implementation"
BOTH_RULE = "ALWAYS DO 1-2: both paths give the same result"
STREAM_HINT = "yield each chunk inside the loop over the agent's stream, and add its content to the text as you go."

# Inputs are drawn for every check, so that only an answer that calls its agents and tools can pass.
_draw = random.Random()


def _token() -> str:
    return "".join(_draw.choices(string.ascii_lowercase, k=6))


def _news() -> str:
    return f"Markets steadied as {_token()} held and earnings beat the forecasts of most analysts."


def _topic() -> str:
    return f"{_draw.choice(['markets', 'rates', 'jobs', 'prices'])} {_token()}"


def _expect_news(run: Run, wf: Any, news: str, where: str, rule: str) -> None:
    """One streamed answer: every chunk passed on as it arrives, then one completion item with the whole text."""
    expect_runresponses(run.items, where)
    chunks, final = run.items[:-1], run.items[-1]
    expect(
        len(model_prompts(wf.reporter)) == 1,
        rule,
        f"{where} asked the reporter {len(model_prompts(wf.reporter))} times for one run.",
        "one streamed call gives both the chunks and, added up, the whole text for the completion item.",
    )
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == news,
        rule,
        f"{where} yielded {len(chunks)} item(s) before the completion item, with contents "
        f"{[c.content for c in chunks][:6]}.",
        "pass on every chunk of the reporter's stream, unchanged.",
    )
    expect(
        final.content == news,
        rule,
        f"the completion item's content was {final.content!r}.",
        "the completion item carries the reporter's whole text (the chunks' contents added up).",
    )
    last = last_chunk_at(wf.reporter)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        f"the first chunk reached the caller {run.times[0] - run.started:.2f} s after the start, after the "
        "reporter had produced its last chunk.",
        STREAM_HINT,
    )


# -- 3.1 ---------------------------------------------------------------------------------------------------
def _newsroom(cls: type, news: str, latency: float, chunk_delay: float) -> Any:
    wf: Any = cls()
    wf.reporter = probe_agent("reporter", news, latency=latency, chunk_delay=chunk_delay)
    wf.reporter.stream = True  # left on by an earlier streaming call, as on agno 1.5.10
    return wf


@exercise("3.1", "The sync path", points=3, rule="Always do 1: Proper Sync Implementation")
def sync_path(answer: Any) -> None:
    cls = workflow_class(answer, "run", "arun")
    expect(
        inspect.isgeneratorfunction(cls.run),
        SYNC_RULE,
        f"{cls.__name__}.run is not a generator function.",
        "write `def run(...)` that yields RunResponse objects.",
    )
    news, topic = _news(), _topic()
    where = f"{cls.__name__}.run()"
    wf, run = sync_run(
        cls, lambda cls: _newsroom(cls, news, latency=0.0, chunk_delay=0.02), lambda wf: wf.run(topic=topic)
    )
    _expect_news(run, wf, news, where, SYNC_RULE)
    expect(
        model_prompts(wf.reporter) == [wf.prompt_for(topic)],
        SYNC_RULE,
        f"the reporter was asked {model_prompts(wf.reporter)}.",
        "ask it with the shared prompt_for(topic).",
    )
    expect(
        {item.run_id for item in run.items} == {wf.run_id} and wf.run_id is not None,
        SYNC_RULE,
        f"the items carry run ids {sorted({str(item.run_id) for item in run.items})}, the workflow's is {wf.run_id}.",
        "let agno wrap run(): define it in a Workflow subclass and use self.run_id in the completion item.",
    )
    expect_clean(cls, SYNC_CODES, "keep the sync path sync and pass stream= on every agent call.")


# -- 3.2 ---------------------------------------------------------------------------------------------------
CHUNK_DELAY = 0.01


@exercise("3.2", "The async path", points=3, rule="Always do 2: Proper Async Implementation")
def async_path(answer: Any) -> None:
    cls = workflow_class(answer, "arun", "run")
    expect(
        inspect.isasyncgenfunction(cls.arun),
        ASYNC_RULE,
        f"{cls.__name__}.arun is not an async generator function.",
        "write `async def arun(...)` that yields RunResponse objects.",
    )
    news, topic, latency = _news(), _topic(), _draw.uniform(0.25, 0.35)
    wfs = [_newsroom(cls, news, latency=latency, chunk_delay=CHUNK_DELAY) for _ in range(3)]
    where = f"{cls.__name__}.arun()"

    def expect_each(_: int, wf: Any, run: Run) -> None:
        _expect_news(run, wf, news, where, ASYNC_RULE)
        expect(
            model_prompts(wf.reporter) == [wf.prompt_for(topic)],
            ASYNC_RULE,
            f"the reporter was asked {model_prompts(wf.reporter)}.",
            "ask it with the shared prompt_for(topic).",
        )

    async_runs(
        wfs,
        lambda _, wf: wf.arun(topic=topic),
        latency=latency,
        stall_code="AGN104",
        stall_hint="await agent.arun(...) for every agent call",
        expect_each=expect_each,
        waits=latency + CHUNK_DELAY * len(news.split()),
        overlap_rule=ASYNC_RULE,
        overlap_hint="await the agent's async calls so that runs overlap.",
    )
    for wf in wfs:
        expect_run_recorded(wf, where, ASYNC_RULE)
    expect_clean(cls, ASYNC_CODES, "keep the async path async: await every agent call and its stream.")


# -- 3.3 ---------------------------------------------------------------------------------------------------
class _StampedTools(SyncFinancialTools):
    """Sync prices that note when each call ended."""

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.ended: list[float] = []

    def get_stock_price(self, symbol: str) -> dict[str, Any]:
        try:
            return super().get_stock_price(symbol)
        finally:
            self.ended.append(time.perf_counter())


class _StampedAsyncTools(AsyncFinancialTools):
    """Async prices that note when each call ended."""

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.ended: list[float] = []

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        try:
            return await super().get_stock_price(symbol)
        finally:
            self.ended.append(time.perf_counter())


def _market(cls: type, comment: str, latency: float) -> Any:
    wf: Any = cls()
    wf.prices = _StampedTools(latency)
    wf.aprices = _StampedAsyncTools(latency)
    wf.commentator = probe_agent("commentator", comment)
    wf.commentator.stream = True  # left on by an earlier streaming call
    return wf


def _expect_market(run: Run, wf: Any, tools: Any, symbols: list[str], comment: str, where: str) -> None:
    expect_runresponses(run.items, where)
    lines = [wf.line_for(stock_price(symbol)) for symbol in symbols]
    expected = [("RunResponse", line) for line in lines] + [("WorkflowCompleted", comment)]
    expect(
        stream_shape(run.items) == expected,
        BOTH_RULE,
        f"{where} yielded {stream_shape(run.items)} for {symbols}.",
        "one item per symbol with line_for(price) and the default event, then the commentator's answer as the "
        "completion item.",
    )
    asked = [call.split("(")[1].rstrip(")") for call in tools.calls]
    expect(
        asked == symbols,
        BOTH_RULE,
        f"{where} asked its price source for {asked}, the symbols were {symbols}.",
        "fetch each price from the path's own price source (prices on the sync path, aprices on the async one).",
    )
    expect(
        model_prompts(wf.commentator) == ["\n".join(lines)],
        BOTH_RULE,
        f"the commentator was asked {model_prompts(wf.commentator)}.",
        "ask it once, with the price lines joined by newlines.",
    )
    expect_timing(
        bool(tools.ended) and run.times[0] < tools.ended[-1],
        "AGN103",
        f"{where}'s first item reached the caller after the last price had been fetched.",
        "yield each symbol's item as soon as its price arrives, not after the loop.",
    )


@exercise("3.3", "Same result on both paths", points=4, rule="Always do 1-2: both paths give the same result")
def both_paths(sync_answer: Any, async_answer: Any) -> None:
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    symbols = ["".join(_draw.choices(string.ascii_uppercase, k=4)) for _ in range(_draw.randint(3, 4))]
    comment = f"Chips lead, {_token()} follows."

    sync_where = f"{sync_cls.__name__}.run()"
    wf, sync_result = sync_run(
        sync_cls, lambda cls: _market(cls, comment, latency=0.05), lambda wf: wf.run(symbols=symbols)
    )
    _expect_market(sync_result, wf, wf.prices, symbols, comment, sync_where)
    expect_run_recorded(wf, sync_where, BOTH_RULE)

    async_where = f"{async_cls.__name__}.arun()"

    def expect_each(_: int, awf: Any, run: Run) -> None:
        expect(
            stream_shape(run.items) == stream_shape(sync_result.items),
            BOTH_RULE,
            f"the sync path yielded {stream_shape(sync_result.items)}, the async path {stream_shape(run.items)}.",
            "both paths do the same steps in the same order; only the calls differ (run/arun, prices/aprices).",
        )
        _expect_market(run, awf, awf.aprices, symbols, comment, async_where)

    awf = _market(async_cls, comment, latency=0.2)
    async_runs(
        [awf],
        lambda _, awf: awf.arun(symbols=symbols),
        latency=0.2,
        stall_code="AGN107",
        stall_hint="await the async price source (aprices)",
        expect_each=expect_each,
    )
    expect_run_recorded(awf, async_where, BOTH_RULE)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "the sync path uses the sync price source and agent.run(..., stream=False).",
        "the async path awaits aprices and agent.arun(..., stream=False).",
    )
