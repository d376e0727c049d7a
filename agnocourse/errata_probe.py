"""Run each erratum of the rules document on the agno installed here; print one JSON object of outcomes.

Run by `agnocourse.errata_matrix` in a throwaway environment per agno release. Every probe uses real agno
objects on the offline model and reports what happened in a few words; none of them stops the others.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from agnocourse.offline import offline_agent
from agnocourse.versions import LEGACY_API

Probe = Callable[[], str]
PROBES: dict[str, Probe] = {}


def probe(key: str) -> Callable[[Probe], Probe]:
    def register(function: Probe) -> Probe:
        PROBES[key] = function
        return function

    return register


def failure(error: BaseException) -> str:
    return f"fails: {type(error).__name__}"


def _run_event_enums() -> list[type]:
    if LEGACY_API:
        from agno.run.response import RunEvent

        return [RunEvent]
    from agno.run.agent import RunEvent  # pyright: ignore[reportMissingImports]  (agno 2.0 and later)
    from agno.run.workflow import WorkflowRunEvent  # pyright: ignore[reportMissingImports]

    return [RunEvent, WorkflowRunEvent]


@probe("imports")
def document_imports() -> str:
    """The document's `from agno.workflow import Workflow, RunResponse, RunEvent`."""
    try:
        exec("from agno.workflow import Workflow, RunResponse, RunEvent", {})
    except Exception as error:
        return failure(error)
    return "works"


@probe("E1")
def missing_events() -> str:
    """RunEvent.workflow_failed and RunEvent.workflow_running."""
    members = {name for enum in _run_event_enums() for name in enum.__members__}
    missing = [name for name in ("workflow_failed", "workflow_running") if name not in members]
    return f"fails: no {' or '.join(missing)}" if missing else "works"


@probe("E2")
def unawaited_stream() -> str:
    """`async for chunk in agent.arun(m, stream=True)`, without await."""
    agent = offline_agent(reply="rates rose")

    async def consume() -> list[str]:
        stream: Any = agent.arun("rates", stream=True)  # agno-rules: ignore  (the document's form)
        return [chunk.content async for chunk in stream]  # agno-rules: ignore[AGN103]  (a probe reads it all)

    try:
        asyncio.run(consume())
    except Exception as error:
        return failure(error)
    return "works"


@probe("E3")
def one_class_both_paths() -> str:
    """One Workflow subclass with run() and arun(), each yielding an item with self.run_id."""
    from agno.workflow import Workflow

    class BothPaths(Workflow):  # agno-rules: ignore
        def run(self, topic: str = "rates"):  # type: ignore[override]  # agno-rules: ignore[AGN108]
            yield {"path": "sync", "run_id": getattr(self, "run_id", None)}

        async def arun(self, topic: str = "rates"):  # type: ignore[override]  # agno-rules: ignore
            yield {"path": "async", "run_id": getattr(self, "run_id", None)}

    try:
        sync = BothPaths().run(topic="rates")
        sync_items = list(sync) if sync is not None else None

        async def consume() -> list[dict]:
            return [item async for item in BothPaths().arun(topic="rates")]  # agno-rules: ignore[AGN103]

        async_items = asyncio.run(consume())
    except Exception as error:
        return failure(error)
    if sync_items is None:
        return "fails: run() returns None"
    ids = [items[0]["run_id"] if items and isinstance(items[0], dict) else None for items in (sync_items, async_items)]
    if None in ids:
        return "fails: no run id in " + " and ".join(
            p for p, i in zip(("run()", "arun()"), ids, strict=True) if i is None
        )
    return "works"


@probe("E4")
def asyncio_run_bridge() -> str:
    """asyncio.run() inside sync code called where a loop runs (a notebook, an async handler)."""

    def sync_path() -> str:
        async def answer() -> str:
            return "bridged"

        return asyncio.run(answer())  # agno-rules: ignore

    async def handler() -> str:
        return sync_path()

    try:
        asyncio.run(handler())
    except RuntimeError as error:
        return failure(error)
    return "works"


@probe("E5")
def sticky_stream_flag() -> str:
    """agent.run(m) after agent.run(m, stream=True): still one result?"""
    agent = offline_agent(reply="hello")
    for _ in agent.run("one", stream=True):
        pass
    later = agent.run("two")  # agno-rules: ignore[AGN112]
    if hasattr(later, "content"):
        return f"works: {type(later).__name__}"
    return "fails: returns a generator"


@probe("E6")
def dict_as_message() -> str:
    """agent.arun(a_dict): the document passes its data dict as the message."""
    agent = offline_agent(reply="a report")

    async def ask() -> object:
        return await agent.arun({"income": {"revenue_bn": 383.3}}, stream=False)  # type: ignore[arg-type]

    try:
        asyncio.run(ask())
    except Exception as error:
        return failure(error)
    seen = agent.model.prompts  # type: ignore[union-attr]
    if any("383.3" in prompt for prompt in seen):
        return "works"
    return "fails: the model is called without the data" if seen else "fails: the model is never called"


@probe("E7")
def async_for_in_def() -> str:
    """The document's functional test: `async for` inside a plain `def test_...()`."""
    try:
        compile("def test():\n    async for r in w.arun():\n        pass\n", "test.py", "exec")
    except SyntaxError as error:
        return failure(error)
    return "works"


@probe("E8")
def content_event_class() -> str:
    """What agent.run(m, stream=True) yields, against the document's "never RunResponseContentEvent"."""
    agent = offline_agent(reply="hello")
    return f"yields {type(next(iter(agent.run('x', stream=True)))).__name__}"


@probe("RunResponse(event=...)")
def run_response_event() -> str:
    """The document's workflow items: RunResponse(content=..., event=RunEvent.workflow_completed)."""
    try:
        from agno.run.response import RunEvent, RunResponse  # pyright: ignore

        RunResponse(content="done", event=RunEvent.workflow_completed)
    except Exception as error:
        return failure(error)
    return "works"


def main() -> int:
    outcomes: dict[str, str] = {}
    for key, run in PROBES.items():
        try:
            outcomes[key] = run()
        except Exception as error:  # a probe that breaks is an outcome too
            outcomes[key] = f"probe error: {type(error).__name__}: {error}"
    # agno logs to stdout too: the outcomes are the last line.
    print("\n" + json.dumps({"agno": version("agno"), "python": sys.version.split()[0], "outcomes": outcomes}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
