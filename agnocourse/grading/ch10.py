"""Checks for chapter 10, Common pitfalls: separate sync and async paths; a typed stream passed on as it arrives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading import draws
from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, expect_clean, last_chunk_at, model_prompts, probe_agent
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import (
    ASYNC_CODES,
    expect_annotation,
    expect_runresponses,
    stream_shape,
    workflow_class,
)
from agnocourse.offline import OfflineModel, offline_agent
from agnocourse.timeline import Timeline, spans_in_words

COMPLETED = RunEvent.workflow_completed.value
DEFAULT = RunEvent.run_response.value
LATENCY = 0.3
PITFALL_1 = "Pitfall 1: Mixing Sync/Async"


# -- 10.1 --------------------------------------------------------------------------------------------------
class _Headlines:
    """The topics and the headline agent's mood drawn for one check; each headline answers its own prompt."""

    def __init__(self) -> None:
        self.topics = draws.topics(3)
        self.mood = draws.word()

    def headline(self, prompt: str) -> str:
        return f"{self.mood.title()} news: {prompt}."


def _digest(cls: type, headlines: _Headlines, latency: float) -> Any:
    wf: Any = cls()
    wf.headline_agent = offline_agent("headliner")
    wf.headline_agent.model = OfflineModel(reply=headlines.headline, latency=latency)
    wf.headline_agent.model.record_calls(Timeline(), "model", with_prompt=True)
    return wf


def _model_calls(wf: Any) -> Timeline:
    """The spans of the calls that `wf`'s headline agent made of its model."""
    model = wf.headline_agent.model
    return model.recorded if isinstance(model, OfflineModel) else Timeline()


def _expect_digest(items: list[Any], wf: Any, headlines: _Headlines, where: str) -> None:
    expect_runresponses(items, where)
    topics = headlines.topics
    wanted = [(DEFAULT, headlines.headline(wf.prompt_for(t))) for t in topics]
    wanted.append((COMPLETED, f"{len(topics)} headlines"))
    expect(
        stream_shape(items) == wanted,
        PITFALL_1,
        f"for {topics} {where} yielded {stream_shape(items)}.",
        "one RunResponse per topic with the agent's answer (default event), then the count with "
        "RunEvent.workflow_completed.",
    )
    prompts = sorted(model_prompts(wf.headline_agent))
    expect(
        prompts == sorted(wf.prompt_for(topic) for topic in topics),
        PITFALL_1,
        f"the headline agent was asked {prompts}.",
        "ask it once per topic, with self.prompt_for(topic).",
    )


@exercise("10.1", "Two paths instead of a bridge", points=5, rule="AGN101")
def two_paths(sync_answer: Any, async_answer: Any) -> None:
    """Draws 3 topics and a mood word for the headline agent, whose answer is made from its prompt. The sync path
    (inside a running event loop, so a bridge through `asyncio.run()` fails) and two concurrent async runs beside a
    heartbeat (0.3 s per agent call) must ask the agent once per topic with `prompt_for(topic)` and yield one
    default-event item per topic with its headline, in topic order, then a `RunEvent.workflow_completed` item `'<n>
    headlines'`. The loop may not stall for 0.18 s or more, each run's three model calls must all be in flight at one
    moment, as their recorded spans show (the last began before the first ended), each run's last item must carry its
    own run id with agno's run state recorded, and the rule checker's codes for each path run on its class."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    headlines = _Headlines()
    topics = headlines.topics

    wf, run = sync_run(sync_cls, lambda cls: _digest(cls, headlines, latency=0.01), lambda wf: wf.run(topics=topics))
    _expect_digest(run.items, wf, headlines, f"{sync_cls.__name__}.run()")

    where = f"{async_cls.__name__}.arun()"
    wfs = [_digest(async_cls, headlines, latency=LATENCY) for _ in range(2)]
    async_runs(
        wfs,
        lambda _, each: each.arun(topics=topics),
        latency=LATENCY,
        stall_code="AGN104",
        stall_hint="await agent.arun(..., stream=False)",
        expect_each=lambda _, each, each_run: _expect_digest(each_run.items, each, headlines, where),
    )
    # Read from the model calls' spans, not from the runs' wall time, which a busy machine stretches with agno's own
    # work around each call.
    for each in wfs:
        calls = _model_calls(each)
        expect_timing(
            len(calls.spans) == len(topics) and calls.peak_concurrency == len(topics),
            PITFALL_1,
            f"a run of {where} asking about {len(topics)} topics made {len(calls.spans)} model calls of {LATENCY} s, "
            f"which were not all in flight at once: {spans_in_words(calls.spans) or 'none'}.",
            "create one task per topic in an asyncio.TaskGroup and read the results after it.",
        )
    for each in wfs:
        expect_run_recorded(each, where, PITFALL_1)
    expect_paths_clean(
        sync_cls,
        async_cls,
        "the sync path calls agent.run(..., stream=False) and starts no event loop.",
        "the async path awaits agent.arun(..., stream=False).",
    )


# -- 10.2 --------------------------------------------------------------------------------------------------
PITFALL_3 = "Pitfall 3: Inefficient Streaming"


@exercise("10.2", "A typed stream, passed on as it arrives", points=5, rule="AGN103")
def typed_stream(async_answer: Any) -> None:
    """Requires `arun()` annotated `AsyncIterator[RunResponse]` and runs the rule checker's AGN102, AGN106 and AGN109 on
    the class first. Two workflows then run concurrently beside a heartbeat, each with a writer agent streaming 16 words
    drawn per run (0.3 s latency, then chunks 30 ms apart) for a topic drawn per run: each must ask the writer once with
    `prompt_for(topic)`, yield only RunResponse objects, more than three chunks that join to the story, and a
    `RunEvent.workflow_completed` item with the whole story last, and deliver its first chunk before the writer produced
    its last. The loop may not stall for 0.18 s or more, each run's last item must carry its own run id with agno's run
    state recorded, and the rule checker's async-path codes run on the class."""
    cls = workflow_class(async_answer, "arun", "run")
    expect_annotation(cls, "arun", AsyncIterator)
    expect_clean(cls, ("AGN102", "AGN106", "AGN109"), "yield RunResponse objects; await the agent's stream first.")

    stories, topics = [draws.text(16) for _ in range(2)], draws.topics(2)
    wfs: list[Any] = [cls() for _ in range(2)]
    for wf, story in zip(wfs, stories, strict=True):
        wf.writer = probe_agent("writer", story, latency=LATENCY, chunk_delay=0.03)
    where = f"{cls.__name__}.arun()"

    def expect_relayed(i: int, wf: Any, run: Run) -> None:
        story, topic = stories[i], topics[i]
        expect_runresponses(run.items, where)
        chunks = run.items[:-1]
        expect(
            len(chunks) > 3 and "".join(str(c.content) for c in chunks) == story,
            PITFALL_3,
            f"{where} yielded {len(chunks)} item(s) before the final one.",
            "yield every chunk of the writer's stream, then the final RunResponse.",
        )
        expect(
            run.items[-1].content == story,
            "Consistent Return Types",
            f"the final content was {run.items[-1].content!r}.",
            "the final RunResponse carries the writer's whole text.",
        )
        expect(
            model_prompts(wf.writer) == [wf.prompt_for(topic)],
            PITFALL_3,
            f"for topic={topic!r} the writer was asked {model_prompts(wf.writer)}.",
            "ask the writer once, with self.prompt_for(topic).",
        )
        last = last_chunk_at(wf.writer)
        expect_timing(
            last is not None and run.times[0] < last,
            "AGN103",
            f"the first chunk reached the caller {run.times[0] - run.started:.2f} s after the start, after the "
            "writer had produced its last chunk.",
            "yield each chunk inside the loop over the stream; keep only the text you need for the end.",
        )

    async_runs(
        wfs,
        lambda i, wf: wf.arun(topic=topics[i]),
        latency=LATENCY,
        stall_code="AGN104",
        stall_hint="await agent.arun(..., stream=True), then async for over it",
        expect_each=expect_relayed,
    )
    for wf in wfs:
        expect_run_recorded(wf, where, "Consistent Return Types")
    expect_clean(cls, ASYNC_CODES, "pass each chunk on as it arrives, from an async path in a class of its own.")
