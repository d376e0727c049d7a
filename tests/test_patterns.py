"""The course's two-class pattern leaves the same state on both paths: ids, memory, storage and its agents.

Without `TwoPathWorkflow` the async path keeps no session, memory or run response (agno 1.5.10 wraps run()
only), and an agent shared by workflow objects mixes their sessions and histories; both are asserted here
too, so that the pattern's reason stays true of the pinned agno.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from agno.agent import Agent
from agno.storage.json import JsonStorage
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow, copy_agent, recorded_run_ids

ROOT = Path(__file__).resolve().parents[1]


class ReportSteps(TwoPathWorkflow):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.writer = self.own_agent(offline_agent("writer", add_history_to_messages=True))


class Report(ReportSteps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        answer = self.writer.run(f"Write about {topic}", stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)


class AsyncReport(ReportSteps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        answer = await self.writer.arun(f"Write about {topic}", stream=False)
        yield RunResponse(run_id=self.run_id, content=answer.content, event=RunEvent.workflow_completed)
        self.finish_run(str(answer.content))


async def _drain(items: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in items]


def _run(wf: Any, topic: str) -> list[RunResponse]:
    if isinstance(wf, AsyncReport):
        return asyncio.run(_drain(wf.arun(topic=topic)))
    return list(wf.run(topic=topic))


@pytest.mark.parametrize("cls", [Report, AsyncReport])
def test_both_paths_record_the_run_in_the_session(cls, tmp_path):
    wf = cls(session_id="S-1", storage=JsonStorage(dir_path=tmp_path))
    items = _run(wf, "rates")
    assert wf.session_id == "S-1" and wf.workflow_id is not None
    assert wf.run_response is not None and wf.run_response.run_id == wf.run_id
    assert items[-1].content == "Write about rates"
    assert recorded_run_ids(wf) == [wf.run_id]
    assert (wf.writer.session_id, wf.writer.workflow_id) == ("S-1", wf.workflow_id)
    assert (tmp_path / "S-1.json").exists()


@pytest.mark.parametrize("cls", [Report, AsyncReport])
def test_a_later_workflow_on_the_same_session_reads_the_earlier_run_from_storage(cls, tmp_path):
    first = cls(session_id="S-1", storage=JsonStorage(dir_path=tmp_path))
    _run(first, "rates")
    second = cls(session_id="S-1", storage=JsonStorage(dir_path=tmp_path))
    _run(second, "jobs")
    assert recorded_run_ids(second) == [first.run_id, second.run_id]


def test_without_the_base_the_async_path_keeps_no_session_memory_or_run_response():
    class Bare(Workflow):
        async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            self.run_id = str(uuid4())
            yield RunResponse(run_id=self.run_id, content=topic, event=RunEvent.workflow_completed)

    wf = Bare()
    asyncio.run(_drain(wf.arun(topic="rates")))
    assert (wf.session_id, wf.memory, wf.run_response) == (None, None, None)


def test_an_agent_on_a_shared_base_is_missed_by_agnos_scan_and_a_class_agent_takes_the_last_session():
    class Steps(Workflow):
        writer: Agent = offline_agent("writer")

    class Sync(Steps):
        def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            yield self.writer.run(topic, stream=False)

    wf = Sync(session_id="S-1")
    list(wf.run(topic="rates"))
    assert wf.writer.session_id != "S-1" and wf.writer.workflow_id is None

    class One(Workflow):
        writer: Agent = offline_agent("writer")

        def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            yield self.writer.run(topic, stream=False)

    w1, _ = One(session_id="s1"), One(session_id="s2")
    list(w1.run(topic="rates"))
    assert w1.writer.session_id == "s2"


def _user_prompts(response: RunResponse) -> list[str]:
    return [str(message.content) for message in response.messages or [] if message.role == "user"]


async def _two_users(agent_for: Any) -> tuple[RunResponse, RunResponse]:
    """Alice and Bob served in one TaskGroup; Bob asks once Alice has her answer."""
    alice_answered = asyncio.Event()

    async def alice() -> RunResponse:
        response = await agent_for().arun("Alice: rates?", stream=False)
        alice_answered.set()
        return response

    async def bob() -> RunResponse:
        await alice_answered.wait()
        return await agent_for().arun("Bob: jobs?", stream=False)

    async with asyncio.TaskGroup() as tg:
        alice_task, bob_task = tg.create_task(alice()), tg.create_task(bob())
    return alice_task.result(), bob_task.result()


def test_a_shared_agent_with_history_leaks_one_users_question_into_anothers_prompt():
    shared = offline_agent("helper", add_history_to_messages=True, latency=0.02)
    alice, bob = asyncio.run(_two_users(lambda: shared))
    assert (alice.content, bob.content) == ("Alice: rates?", "Bob: jobs?")  # the contents are right
    assert _user_prompts(bob) == ["Alice: rates?", "Bob: jobs?"]  # the state is not
    assert alice.session_id == bob.session_id


def test_a_copy_per_run_keeps_each_users_prompt_and_session_apart():
    template = offline_agent("helper", add_history_to_messages=True, latency=0.02)
    alice, bob = asyncio.run(_two_users(template.deep_copy))
    assert _user_prompts(bob) == ["Bob: jobs?"]
    assert alice.session_id != bob.session_id
    assert template.run_id is None


def test_agnos_deep_copy_fails_on_an_agent_bound_to_a_workflow_and_copy_agent_does_not():
    wf = TwoPathWorkflow()
    bound = wf.own_agent(offline_agent("writer", add_history_to_messages=True))
    with pytest.raises(TypeError, match="workflow_id"):
        bound.deep_copy()
    bound.run("first question")
    copied = copy_agent(bound)
    assert (copied.workflow_id, copied.session_id, copied.memory) == (None, None, None)
    assert copied.add_history_to_messages and copied.model is not bound.model
    assert (bound.workflow_id, bound.session_id) == (wf.workflow_id, wf.session_id)  # the original is untouched
    other = TwoPathWorkflow()
    answer = other.own_agent(copied).run("second question")
    assert _user_prompts(answer) == ["second question"]  # no history carried over
    assert (copied.session_id, copied.workflow_id) == (other.session_id, other.workflow_id)


def test_a_copy_of_an_agent_a_sync_workflow_ran_fails_too():
    class Sync(Workflow):
        writer: Agent = offline_agent("writer")

        def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            yield self.writer.run(topic, stream=False)

    wf = Sync()
    list(wf.run(topic="rates"))
    with pytest.raises(TypeError, match="workflow_id"):
        wf.writer.deep_copy()
    assert copy_agent(wf.writer).workflow_id is None


def test_finish_run_without_start_run_says_what_to_do():
    with pytest.raises(RuntimeError, match="start_run"):
        TwoPathWorkflow().finish_run("text")


def test_the_patterns_page_shows_the_base_as_the_course_defines_it():
    page = (ROOT / "book" / "patterns.md").read_text(encoding="utf-8")
    source = (ROOT / "agnocourse" / "patterns.py").read_text(encoding="utf-8")
    shown = re.search(r"```python\n(class TwoPathWorkflow\(Workflow\):\n.*?)```", page, re.S)
    assert shown is not None, "book/patterns.md shows no `class TwoPathWorkflow(Workflow):` block"
    defined = re.search(r"(class TwoPathWorkflow\(Workflow\):\n.*?)\n\n\n", source, re.S)
    assert defined is not None
    assert shown.group(1).strip() == defined.group(1).strip()
