"""What the agno 3 track's checks share: agents whose model notes which of its entry points agno called, a
declared workflow's paths run the way callers run them, and the rule checker reading answers at agno 3.1.

This module imports agno 3 names: the registry imports it on agno 3 only (see `registry.Track`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass, field
from typing import Any

from agno.agent import Agent
from agno.workflow import Workflow

from agno_async_rules import check_source
from agno_async_rules.versions import AgnoVersion
from agnocourse.grading.feedback import expect, fail, sentence
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import ProbeModel, _Ticker, expect_waits_together, source_of, translate
from agnocourse.offline import offline_agent
from agnocourse.rules import COURSE
from agnocourse.timeline import Timeline

AT_3_1 = dataclasses.replace(COURSE, agno_version=AgnoVersion(3, 1))
AWAITED_STREAM_HINT = (
    "on agno 3.1 arun(..., stream=True) returns the async iterator itself: `async for` over it, with no await."
)


# -- agents that say which path agno took -------------------------------------------------------------------
class _Entries:
    """The entry points one probe model (and every copy agno makes of it) was called through, in order."""

    def __init__(self) -> None:
        self.called: list[str] = []

    def __deepcopy__(self, memo: dict[int, Any]) -> _Entries:
        return self


@dataclass
class EntryModel(ProbeModel):
    """A probe model that notes each entry point agno calls: invoke and invoke_stream on the sync path,
    ainvoke and ainvoke_stream on the async one."""

    entries: _Entries = field(default_factory=_Entries)

    def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self.entries.called.append("invoke")
        return super().invoke(messages, *args, **kwargs)

    async def ainvoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self.entries.called.append("ainvoke")
        return await super().ainvoke(messages, *args, **kwargs)

    def invoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
        self.entries.called.append("invoke_stream")
        yield from super().invoke_stream(messages, *args, **kwargs)

    async def ainvoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> Any:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.entries.called.append("ainvoke_stream")
        async for delta in super().ainvoke_stream(messages, *args, **kwargs):
            yield delta


def entry_agent(name: str, reply: str, *, latency: float = 0.0, chunk_delay: float = 0.0) -> Agent:
    agent = offline_agent(name)
    agent.model = EntryModel(reply=reply, latency=latency, chunk_delay=chunk_delay)
    return agent


def entries(agent: Agent) -> list[str]:
    model = agent.model
    return list(model.entries.called) if isinstance(model, EntryModel) else []


# -- running the paths --------------------------------------------------------------------------------------
@contextmanager
def quiet() -> Iterator[None]:
    """agno logs every failed step, and prints the traceback of a failed sync run to stderr; the check reports
    failures itself."""
    before = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with redirect_stderr(io.StringIO()):
            yield
    finally:
        logging.disable(before)


def declared(build: Callable[..., Any], *arguments: Any, where: str) -> Workflow:
    """The learner's factory called with the check's own parts; it must declare an agno Workflow."""
    workflow: Any = None
    try:
        workflow = build(*arguments)
    except AssertionError:
        raise
    except Exception as error:
        translate(error, where)
    expect(
        isinstance(workflow, Workflow),
        "Dual Method Pattern",
        f"{where} returned {type(workflow).__name__}, not an agno Workflow.",
        "return Workflow(name=..., steps=[...]): on agno 3.1 a workflow is declared, not subclassed.",
    )
    return workflow


def outcome(call: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    """What a sync call returned, or the exception it raised. The check runs it in its own worker thread, where
    no event loop runs: as a sync caller runs a sync path."""
    try:
        with quiet():
            return call(), None
    except AssertionError:
        raise
    except Exception as error:
        return None, error


def together(calls: Sequence[Callable[[], Awaitable[Any]]]) -> tuple[list[Any], float, float]:
    """Await the calls at once in a fresh event loop beside a ticker: each one's result (or the exception it
    raised), the wall time, and the longest time the loop was blocked."""

    async def guarded(call: Callable[[], Awaitable[Any]]) -> Any:
        try:
            return await call()
        except AssertionError:
            raise
        except Exception as error:
            return error

    async def main() -> tuple[list[Any], float, float]:
        ticker = _Ticker()
        task = asyncio.create_task(ticker.run())
        started = time.perf_counter()
        try:
            results = await asyncio.gather(*(guarded(call) for call in calls))  # agno-rules: ignore[AGN202]
        finally:
            task.cancel()
            ticker.stop()
        return list(results), time.perf_counter() - started, ticker.longest_block()

    with quiet():
        return run_loop(main())


def expect_no_error(result: Any, where: str, hint: str = "") -> None:
    """`result` is not an exception the path raised; a loop the path tried to start names its rule."""
    if not isinstance(result, BaseException):
        return
    if isinstance(result, TypeError) and "can't be used in 'await' expression" in str(result):
        fail("AGN106", sentence(f"{where} raised TypeError: {result}"), AWAITED_STREAM_HINT)
    if isinstance(result, TypeError) and "__aiter__" in str(result):
        fail(
            "Agent Call Patterns",
            sentence(f"{where} raised TypeError: {result}"),
            "make the async path an async generator: `async def` with `yield` inside `async for`.",
        )
    translate(result, where, hint)


def expect_loop_free(blocked: float, latency: float, where: str, answer: Any, hint: str) -> None:
    """The loop was never blocked for half of one call's `latency`; a stall names what the rule checker finds."""
    if blocked < 0.5 * latency:
        return
    observed = f"the event loop was blocked for {blocked:.2f} s while {where} ran, so nothing else could run"
    found = findings(answer, ("AGN104", "AGN107"))
    if found:
        observed += f": {found[0].message.split(' [', 1)[0]} (line {found[0].line})"
    fail(found[0].code if found else "AGN107", observed, hint, timing=True)


def expect_overlap(timelines: Sequence[Timeline], where: str, hint: str) -> None:
    """The concurrent runs overlapped: at one moment each of them had a call in flight, read from the spans their
    calls recorded on `timelines` (one per run, on one clock: `probes.run_timelines` and `probes.record_waits`)."""
    expect_waits_together(timelines, "Dual Method Pattern", where, hint)


# -- the rule checker at agno 3.1 ---------------------------------------------------------------------------
def findings(answer: Any, codes: Iterable[str] | None = None) -> list[Any]:
    """The rule checker's findings (of `codes`, or all) on the source of `answer`, read as agno 3.1 code."""
    wanted = None if codes is None else set(codes)
    name = getattr(answer, "__name__", "<answer>")
    found = check_source(source_of(answer), filename=name, settings=AT_3_1)
    return [f for f in found if wanted is None or f.code in wanted]


def expect_clean(answers: Iterable[Any], hint: str) -> None:
    """The rule checker, reading each answer as agno 3.1 code, finds nothing."""
    for answer in answers:
        for finding in findings(answer):
            fail(finding.code, f"{answer.__name__}, line {finding.line}: {finding.message.split(' [', 1)[0]}", hint)
