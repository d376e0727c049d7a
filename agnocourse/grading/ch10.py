"""Checks for chapter 10, Common pitfalls: separate sync and async paths; a typed stream passed on as it arrives."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from agno.run.response import RunEvent

from agnocourse.grading import draws
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
    stream_shape,
    workflow_class,
)
from agnocourse.offline import offline_agent

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
    wf.headline_agent = offline_agent("headliner", reply=headlines.headline, latency=latency)
    return wf


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
    sync_cls = workflow_class(sync_answer, "run", "arun")
    async_cls = workflow_class(async_answer, "arun", "run")

    headlines = _Headlines()
    topics = headlines.topics
    wf = _digest(sync_cls, headlines, latency=0.01)
    where = f"{sync_cls.__name__}.run()"
    run = run_sync_path(lambda: wf.run(topics=topics), where)
    _expect_digest(run.items, wf, headlines, where)

    wfs = [_digest(async_cls, headlines, latency=LATENCY) for _ in range(2)]
    where = f"{async_cls.__name__}.arun()"
    runs, seconds, blocked = run_async_paths([lambda each=each: each.arun(topics=topics) for each in wfs], where)
    expect_loop_free(where, blocked, "AGN104", "await agent.arun(..., stream=False)", latency=LATENCY, answer=async_cls)
    for each, each_run in zip(wfs, runs, strict=True):
        _expect_digest(each_run.items, each, headlines, where)
    calls = len(topics) * len(wfs)
    expect_timing(
        overlapped(seconds, len(topics) * LATENCY),
        PITFALL_1,
        f"two runs of {where}, each asking about {len(topics)} topics with {LATENCY} s of model latency per call "
        f"({calls} calls), took {seconds:.2f} s: the calls of one run did not overlap.",
        "create one task per topic in an asyncio.TaskGroup and read the results after it.",
    )
    expect_own_run_ids(wfs, runs, async_cls)
    expect_clean(sync_cls, SYNC_CODES, "the sync path calls agent.run(..., stream=False) and starts no event loop.")
    expect_clean(async_cls, ASYNC_CODES, "the async path awaits agent.arun(..., stream=False).")


# -- 10.2 --------------------------------------------------------------------------------------------------
PITFALL_3 = "Pitfall 3: Inefficient Streaming"


@exercise("10.2", "A typed stream, passed on as it arrives", points=5, rule="AGN103")
def typed_stream(async_answer: Any) -> None:
    cls = workflow_class(async_answer, "arun", "run")
    expect_annotation(cls, "arun", AsyncIterator)
    expect_clean(cls, ("AGN102", "AGN106", "AGN109"), "yield RunResponse objects; await the agent's stream first.")

    stories, topics = [draws.text(16) for _ in range(2)], draws.topics(2)
    wfs: list[Any] = [cls() for _ in range(2)]
    for wf, story in zip(wfs, stories, strict=True):
        wf.writer = probe_agent("writer", story, latency=LATENCY, chunk_delay=0.03)
    where = f"{cls.__name__}.arun()"
    runs, _, blocked = run_async_paths(
        [lambda wf=wf, topic=topic: wf.arun(topic=topic) for wf, topic in zip(wfs, topics, strict=True)], where
    )
    expect_loop_free(
        where,
        blocked,
        "AGN104",
        "await agent.arun(..., stream=True), then async for over it",
        latency=LATENCY,
        answer=cls,
    )
    for wf, run, story, topic in zip(wfs, runs, stories, topics, strict=True):
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
    expect_own_run_ids(wfs, runs, cls)
    expect_clean(cls, ASYNC_CODES, "pass each chunk on as it arrives, from an async path in a class of its own.")
