"""Shared fixtures: work done once per test run, whichever test module or xdist worker asks for it first (the book
build; the agno 3 track's answer files, graded in one batch in that track's interpreter).

`make test` runs the tests with `-n TEST_JOBS --dist load`: they are spread one by one over the workers, so a module-
or session-scoped fixture is built once per worker that runs one of its tests. tests/test_book.py and
tests/test_browser.py both need the built book and may run at the same time in two workers; two
jupyter-book builds writing into the same `_build` folder would race. So the build is guarded by an
exclusive file lock (`_build/.book-build.lock`), and its result (exit status and log) is saved under the
test run's id (pytest-xdist's `testrun_uid`, shared by every worker of one run). The first worker to take
the lock builds and saves the result; any other worker waits for the lock, finds the saved result of this
run and uses it without building again. A new run has a new id, so it always builds.

The slow tests are sent to the workers first (`pytest_collection_modifyitems`, with `--maxschedchunk=1` in the
Makefile), so that the run does not end with one worker still busy on a long test while the others wait; the answer
files are dealt one chapter after another, so that the workers do not all run one chapter's pyright at once. One
test that needs the book starts the build early; the others that need it come after the other slow tests, by
which time it is built.

The build is `make book`'s (`agnocourse book`): every notebook's committed outputs are of its code (a test checks
their stamps), so none is executed again, and nbval, which `make test` runs just before the tests, checks that every
notebook reproduces them. After `make book` it is an incremental build: only pages changed since are read again.
"""

from __future__ import annotations

import fcntl
import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
BOOK_COMMAND = [sys.executable, "-m", "agnocourse", "book"]  # as `make book`


BookBuild = subprocess.CompletedProcess[str]  # the build's exit status and log
ANSWER_FILES = "test_answer_files.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def needs_book(item: pytest.Item) -> bool:
        return "build" in getattr(item, "fixturenames", ())

    first_book = next((item for item in items if needs_book(item)), None)

    def rank(item: pytest.Item) -> int:
        if item is first_book:
            return 0
        if item.get_closest_marker("slow"):
            return 2 if needs_book(item) else 1
        return 3

    items.sort(key=rank)  # stable: the collection order within each rank
    _deal_chapters_round_robin(items)


def _chapter(item: pytest.Item) -> str | None:
    """The chapter of an answer-file test ("08" of the id "08/8.2_typed_helper"), else None. Only those: the pages of
    the book have ids alike ("notebooks/01_core_principles"), and dealing them among the answer files would scatter
    the browser's tests, which then launch Chromium again each time a worker comes back to them."""
    callspec = getattr(item, "callspec", None)
    if item.path.name != ANSWER_FILES or callspec is None or "/" not in callspec.id:
        return None
    return callspec.id.split("/")[0]


def _deal_chapters_round_robin(items: list[pytest.Item]) -> None:
    """Answer files of one chapter cost alike, and chapters 8 and 9 run pyright (seconds of CPU each): in collection
    order the workers would all start pyright at once. The answer-file tests keep their places in the list, and are
    dealt into them one chapter after another, round-robin."""
    places = [index for index, item in enumerate(items) if _chapter(item) is not None]
    by_chapter: dict[str, list[pytest.Item]] = {}
    for index in places:
        by_chapter.setdefault(_chapter(items[index]) or "", []).append(items[index])
    dealt = [item for row in itertools.zip_longest(*by_chapter.values()) for item in row if item is not None]
    for index, item in zip(places, dealt, strict=True):
        items[index] = item


def once_per_run(name: str, testrun_uid: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s JSON result, computed by the first worker of this test run that asks and read by the others
    (see the module docstring): an exclusive file lock, and the result saved under the run's id."""
    BUILD.mkdir(exist_ok=True)
    result_file = BUILD / f".{name}-{testrun_uid}.json"
    with open(BUILD / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if result_file.is_file():
                return json.loads(result_file.read_text())
            for old in BUILD.glob(f".{name}-*.json"):
                old.unlink()
            result = compute()
            result_file.write_text(json.dumps(result))
            return result
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def once(testrun_uid: str) -> Callable[[str, Callable[[], Any]], Any]:
    """`once(name, compute)`: compute's JSON result, computed once for this test run across the workers."""
    return lambda name, compute: once_per_run(name, testrun_uid, compute)


@pytest.fixture(scope="session")
def build(testrun_uid: str) -> BookBuild:
    """The book built once for this test run (see the module docstring for why it is safe under xdist)."""

    def book() -> dict[str, Any]:
        done = subprocess.run(BOOK_COMMAND, cwd=ROOT, capture_output=True, text=True, timeout=900)
        return {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}

    saved = once_per_run("book-build", testrun_uid, book)
    return BookBuild(BOOK_COMMAND, saved["returncode"], saved["stdout"], saved["stderr"])
