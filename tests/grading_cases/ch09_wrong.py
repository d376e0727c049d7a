"""Known-wrong answers to chapter 9's exercises: each is a test that looks right and misses what it should catch."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from agno.workflow import RunEvent, RunResponse, Workflow


# -- 9.1 -------------------------------------------------------------------------------------------------
def shape(items: list[RunResponse]) -> list[tuple[str, object]]:
    return [(RunEvent(item.event).value, item.content) for item in items]


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def good_paths_agree(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert shape(async_items) == shape(sync_items)
    assert sync_items[-1].event == RunEvent.workflow_completed


def rules_comparison(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """The document's comparison: the number of items and the first item's content."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert len(sync_items) == len(async_items)
    assert sync_items[0].content == async_items[0].content


def last_only(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the final item only."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert shape(sync_items[-1:]) == shape(async_items[-1:])


def joined_text(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the text a caller would read, not the items it receives."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert "".join(str(i.content) for i in sync_items) == "".join(str(i.content) for i in async_items)


def sync_only(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Tests the sync path and trusts the async one."""
    sync_items = list(make_sync().run(**inputs))
    assert sync_items[-1].event == RunEvent.workflow_completed


def never_iterated(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Calls arun() but never iterates what it returns, so the async path never runs."""
    sync_items = list(make_sync().run(**inputs))
    async_stream = make_async().arun(**inputs)
    assert async_stream is not None
    assert sync_items[-1].event == RunEvent.workflow_completed


async def async_def_test(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """The document's test made async def: called like pytest calls it, it returns a coroutine nobody runs."""
    sync_items = list(make_sync().run(**inputs))
    async_items = [item async for item in make_async().arun(**inputs)]
    assert shape(sync_items) == shape(async_items)


# -- 9.2 -------------------------------------------------------------------------------------------------
PYRIGHT = Path(sys.executable).with_name("pyright")


def report(folder: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(PYRIGHT), "--outputjson", "--pythonpath", sys.executable], cwd=folder, capture_output=True, text=True
    )
    return json.loads(done.stdout)["generalDiagnostics"]


def place(found: dict[str, Any]) -> str:
    return f"{Path(found['file']).name}:{found['range']['start']['line'] + 1}: {found['message'].splitlines()[0]}"


def good_pyright_errors(folder: Path) -> list[str]:
    return [place(found) for found in report(folder) if found["severity"] == "error"]


def ignores_result(folder: Path) -> list[str]:
    """The document's habit, automated: pyright runs, and nothing looks at what it found."""
    subprocess.run([str(PYRIGHT), "--pythonpath", sys.executable], cwd=folder, capture_output=True)
    return []


def counts_warnings(folder: Path) -> list[str]:
    """Every diagnostic fails the test, warnings included."""
    return [place(found) for found in report(folder)]


def exit_status_only(folder: Path) -> list[str]:
    """One entry for a failed run: the test fails, but says nothing about where."""
    done = subprocess.run([str(PYRIGHT), "--pythonpath", sys.executable], cwd=folder, capture_output=True)
    return ["pyright failed"] if done.returncode else []


def zero_based_lines(folder: Path) -> list[str]:
    """pyright's JSON counts lines from 0."""
    return [
        f"{Path(found['file']).name}:{found['range']['start']['line']}: {found['message']}"
        for found in report(folder)
        if found["severity"] == "error"
    ]


def order_blind(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the items as a multiset: the same items in another order pass."""
    from collections import Counter

    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert Counter(shape(sync_items)) == Counter(shape(async_items))


def hard_coded_errors(folder: Path) -> list[str]:
    """Returns the errors of the project the exercise's text describes, without running pyright."""
    return ["buggy.py:9: agent.arun(...) is not iterable", "buggy.py:12: workflow_failed is not a member"]


def paths_agree_per_field(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """A right answer written differently: compares counts, then each item's event and content in turn."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert len(sync_items) == len(async_items), (len(sync_items), len(async_items))
    for mine, theirs in zip(sync_items, async_items, strict=True):
        assert RunEvent(mine.event) == RunEvent(theirs.event)
        assert mine.content == theirs.content
