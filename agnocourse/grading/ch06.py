"""Checks for chapter 6, Implementation guidelines: chained agents, subflows, and failures reported as items."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

from agnocourse.grading import draws
from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, model_prompts
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_annotation, expect_runresponses, overlapped, stream_shape
from agnocourse.offline import offline_agent
from agnocourse.tools import SymbolNotFoundError

STRUCTURE = "Implementation guidelines 1: Workflow Structure"
SUBFLOWS = "Implementation guidelines 2: Subflow Patterns"
ERRORS = "Implementation guidelines 3: Error Handling"


# -- 6.1 ---------------------------------------------------------------------------------------------------
PIPELINE_LATENCY = 0.3  # seconds per agent call on the async path


class _Chain:
    """Replies drawn for one check: the researcher's notes on a topic, and the writer's article from notes."""

    def __init__(self) -> None:
        self.mood = draws.word()

    def notes(self, topic: str) -> str:
        return f"{self.mood} notes on {topic}"

    def article(self, notes: str) -> str:
        return f"An article from {notes}."


def _pipeline(cls: type, chain: _Chain, latency: float) -> Any:
    wf: Any = cls()
    wf.researcher = offline_agent("researcher", reply=chain.notes, latency=latency)
    wf.writer = offline_agent("writer", reply=chain.article, latency=latency)
    wf.researcher.stream = wf.writer.stream = True  # left on by earlier streaming calls
    return wf


def _expect_pipeline(run: Run, wf: Any, chain: _Chain, topic: str, where: str) -> None:
    expect_runresponses(run.items, where)
    notes = chain.notes(topic)
    expect(
        model_prompts(wf.researcher) == [topic] and model_prompts(wf.writer) == [notes],
        STRUCTURE,
        f"{where} with topic={topic!r} asked the researcher {model_prompts(wf.researcher)} and the writer "
        f"{model_prompts(wf.writer)}.",
        "ask the researcher once with the topic, then the writer once with the researcher's answer.",
    )
    expect(
        stream_shape(run.items) == [("WorkflowCompleted", chain.article(notes))],
        STRUCTURE,
        f"{where} with topic={topic!r} yielded {stream_shape(run.items)}.",
        "yield one completion item whose content is the writer's answer.",
    )


@exercise("6.1", "Two agents chained", points=3, rule="Implementation guidelines 1: Workflow Structure")
def chained(sync_answer: Any, async_answer: Any) -> None:
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    chain = _Chain()
    topics = draws.topics(4)

    wf, run = sync_run(sync_cls, lambda cls: _pipeline(cls, chain, latency=0.0), lambda wf: wf.run(topic=topics[0]))
    _expect_pipeline(run, wf, chain, topics[0], f"{sync_cls.__name__}.run()")

    where = f"{async_cls.__name__}.arun()"
    workflows = [_pipeline(async_cls, chain, latency=PIPELINE_LATENCY) for _ in range(3)]
    async_runs(
        workflows,
        lambda i, wf: wf.arun(topic=topics[1 + i]),
        latency=PIPELINE_LATENCY,
        stall_code="AGN104",
        stall_hint="await agent.arun(..., stream=False) for both agents",
        expect_each=lambda i, wf, run: _expect_pipeline(run, wf, chain, topics[1 + i], where),
        waits=2 * PIPELINE_LATENCY,
        overlap_rule=STRUCTURE,
        overlap_hint="await the agents' async calls so that runs overlap.",
    )
    for wf in workflows:
        expect_run_recorded(wf, where, STRUCTURE)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "sync agent calls with stream=False, in a class of their own.",
        "awaited agent calls with stream=False, in a class of their own.",
    )


# -- 6.2 ---------------------------------------------------------------------------------------------------
def _expect_subflow(cls: type, name: str, kind: Any, origin: type) -> None:
    method = getattr(cls, name, None)
    expect(
        method is not None and kind(method),
        SUBFLOWS,
        f"{cls.__name__} has no {'async ' if origin is AsyncIterator else ''}generator method {name}().",
        f"write the subflow as a method {name}(self, symbol: str) that yields one RunResponse per symbol.",
    )
    expect_annotation(cls, name, origin)


class _Briefs:
    """The symbols and the analyst's outlook drawn for one check."""

    def __init__(self) -> None:
        self.symbols = draws.symbols(3)
        self.outlook = draws.word()

    def brief(self, symbol: str) -> str:
        return f"{symbol}: {self.outlook}"


class _Subflow:
    """The calls of one workflow's subflow, observed through a wrapper set on the instance (so `self.<name>(...)`
    reaches it, whatever the path's loop looks like): the symbol each call was given, and the contents of the
    items the subflow yielded."""

    def __init__(self, wf: Any, name: str) -> None:
        self.name = name
        self.symbols: list[Any] = []
        self.contents: list[Any] = []
        method = getattr(wf, name)
        signature = inspect.signature(method)

        def called(*args: Any, **kwargs: Any) -> Any:
            try:
                self.symbols.append(next(iter(signature.bind(*args, **kwargs).arguments.values()), None))
            except TypeError:
                pass  # the call itself raises, in the learner's frame
            items = method(*args, **kwargs)
            return self._aitems(items) if inspect.isasyncgen(items) else self._items(items)

        setattr(wf, name, called)

    def _items(self, items: Iterator[Any]) -> Iterator[Any]:
        for item in items:
            self.contents.append(getattr(item, "content", None))
            yield item

    async def _aitems(self, items: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in items:
            self.contents.append(getattr(item, "content", None))
            yield item


def _expect_briefs(run: Run, wf: Any, subflow: _Subflow, briefs: _Briefs, where: str) -> None:
    expect_runresponses(run.items, where)
    expect(
        model_prompts(wf.analyst) == briefs.symbols,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} asked the analyst {model_prompts(wf.analyst)}.",
        "each symbol's subflow asks the analyst once, about that symbol, in the order of the symbols.",
    )
    expect(
        subflow.symbols == briefs.symbols,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} "
        + (
            f"called {subflow.name}() with {subflow.symbols}." if subflow.symbols else f"never called {subflow.name}()."
        ),
        "the path gets each symbol's brief by calling its subflow with that symbol, once per symbol, in order.",
    )
    expected = [("RunResponse", briefs.brief(s)) for s in briefs.symbols]
    expected.append(("WorkflowCompleted", f"{len(briefs.symbols)} briefs"))
    expect(
        stream_shape(run.items) == expected,
        SUBFLOWS,
        f"for the symbols {briefs.symbols} {where} yielded {stream_shape(run.items)}.",
        "one item per symbol from the subflow, with the analyst's answer and the default event, then the "
        "completion item.",
    )
    passed_on = [item.content for item in run.items[:-1]]
    expect(
        passed_on == subflow.contents,
        SUBFLOWS,
        f"{where} yielded the briefs {passed_on}, while its {subflow.name}() calls yielded {subflow.contents}.",
        "pass on the items the subflow yields, rather than items of your own.",
    )
    expect_timing(
        run.times[0] - run.started < 0.5 * run.seconds,
        "AGN103",
        f"{where}'s first item reached the caller {run.times[0] - run.started:.2f} s into a "
        f"{run.seconds:.2f} s run: the subflows' items were held back.",
        "pass each subflow's items on as they come: `yield from` in run(), `async for ... yield` in arun().",
    )


ANALYST_LATENCY = 0.3  # a sync call stalls the loop this long: far above what a loaded machine adds


def _analysts(cls: type, briefs: _Briefs) -> Any:
    wf: Any = cls()
    wf.analyst = offline_agent("analyst", reply=briefs.brief, latency=ANALYST_LATENCY)
    wf.analyst.stream = True
    return wf


@exercise("6.2", "Subflows", points=3, rule="Implementation guidelines 2: Subflows")
def subflows(sync_answer: Any, async_answer: Any) -> None:
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    _expect_subflow(sync_cls, "_brief", inspect.isgeneratorfunction, Iterator)
    _expect_subflow(async_cls, "_abrief", inspect.isasyncgenfunction, AsyncIterator)
    briefs = _Briefs()

    wf = _analysts(sync_cls, briefs)
    subflow = _Subflow(wf, "_brief")
    wf, run = sync_run(sync_cls, lambda _: wf, lambda wf: wf.run(symbols=briefs.symbols))
    _expect_briefs(run, wf, subflow, briefs, f"{sync_cls.__name__}.run()")

    awf = _analysts(async_cls, briefs)
    asubflow = _Subflow(awf, "_abrief")
    async_runs(
        [awf],
        lambda _, wf: wf.arun(symbols=briefs.symbols),
        latency=ANALYST_LATENCY,
        stall_code="AGN104",
        stall_hint="the async subflow awaits agent.arun(..., stream=False)",
        expect_each=lambda _, wf, run: _expect_briefs(run, wf, asubflow, briefs, f"{async_cls.__name__}.arun()"),
    )
    expect_run_recorded(awf, f"{async_cls.__name__}.arun()", SUBFLOWS)
    hint = "subflow items take the default event; RunEvent.workflow_running does not exist."
    expect_paths_clean(sync_cls, async_cls, hint, hint)


# -- 6.3 ---------------------------------------------------------------------------------------------------
LATENCY = 0.4
ERROR_HINT = "catch the failure of each symbol and yield a RunResponse with event=RunEvent.run_error naming it."


class _Ratings:
    """Four symbols drawn for one check, two of them failing, and the rater's verdict."""

    def __init__(self) -> None:
        self.asked = draws.symbols(4)
        self.failing = draws.failing(self.asked, 2)
        self.verdict = draws.word()

    def rating(self, symbol: str) -> str:
        if symbol in self.failing:
            raise SymbolNotFoundError(f"no data for symbol {symbol!r}")
        return f"{symbol}: {self.verdict}"


def _raters(cls: type, ratings: _Ratings, latency: float) -> Any:
    wf: Any = cls()
    wf.rater = offline_agent("rater", reply=ratings.rating, latency=latency)
    wf.rater.stream = True
    return wf


def _expect_ratings(run: Run, wf: Any, ratings: _Ratings, where: str) -> None:
    expect_runresponses(run.items, where)
    asked, failing = ratings.asked, ratings.failing
    prompts = model_prompts(wf.rater)
    # Symbols asked twice or never drawn fail first; a symbol not asked yet is judged after the failures reported,
    # since a path that gives up at the first failure may return while the rater still answers the others.
    expect(
        len(set(prompts)) == len(prompts) and set(prompts) <= set(asked),
        ERRORS,
        f"for the symbols {asked} {where} asked the rater {prompts}.",
        "ask the rater once about each symbol.",
    )
    errors = [item for item in run.items if item.event == "RunError"]
    reported = sorted(s for s in failing if any(s in str(item.content) for item in errors))
    expect(
        reported == sorted(failing) and len(errors) == len(failing),
        ERRORS,
        f"of the symbols {asked}, {sorted(failing)} failed and {where} reported {len(errors)} run_error item(s), "
        f"naming {reported}: {stream_shape(run.items)}.",
        "report every failure, each with its own RunResponse(event=RunEvent.run_error), not just the first one.",
    )
    expect(
        sorted(prompts) == sorted(asked),
        ERRORS,
        f"for the symbols {asked} {where} asked the rater {prompts}.",
        "ask the rater once about each symbol.",
    )
    good = sorted(c for e, c in stream_shape(run.items) if e == "RunResponse")
    expect(
        good == sorted(ratings.rating(s) for s in asked if s not in failing),
        ERRORS,
        f"{where} yielded the successful ratings {good}.",
        "yield each successful rating with the default event; one failure must not lose the others' results.",
    )
    expect(
        run.items[-1].content == f"{len(asked) - len(failing)} of {len(asked)} rated",
        ERRORS,
        f"the completion content was {run.items[-1].content!r}.",
        "end with '<rated> of <asked> rated'.",
    )


@exercise("6.3", "Report every failure", points=4, rule="AGN109")
def failures(sync_answer: Any, async_answer: Any) -> None:
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    ratings = _Ratings()

    wf, run = sync_run(
        sync_cls, lambda cls: _raters(cls, ratings, latency=0.0), lambda wf: wf.run(symbols=ratings.asked), ERROR_HINT
    )
    _expect_ratings(run, wf, ratings, f"{sync_cls.__name__}.run()")

    where = f"{async_cls.__name__}.arun()"
    awf = _raters(async_cls, ratings, latency=LATENCY)
    [run] = async_runs(
        [awf],
        lambda _, wf: wf.arun(symbols=ratings.asked),
        latency=LATENCY,
        stall_code="AGN104",
        stall_hint="await rater.arun(..., stream=False)",
        expect_each=lambda _, wf, run: _expect_ratings(run, wf, ratings, where),
        hint=ERROR_HINT,
    )
    expect_timing(
        overlapped(run.seconds, len(ratings.asked) * LATENCY),
        ERRORS,
        f"{where} rated {len(ratings.asked)} symbols of {LATENCY} s each in {run.seconds:.2f} s: one after another.",
        "rate the symbols concurrently (asyncio.gather with return_exceptions=True, or a TaskGroup of tasks that "
        "each catch their own failure).",
    )
    expect_run_recorded(awf, where, ERRORS)
    hint = "report failures with RunEvent.run_error, a member that exists."
    expect_paths_clean(sync_cls, async_cls, hint, hint)
