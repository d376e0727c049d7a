"""Shared fixtures: one book build per test run, whichever test module or xdist worker asks for it first.

`make test` runs pytest with `-n 2 --dist loadfile`: each module runs in one worker process, so a
module- or session-scoped fixture is still built once per worker. tests/test_book.py and
tests/test_browser.py both need the built book and may run at the same time in two workers; two
jupyter-book builds writing into the same `_build` folder would race. So the build is guarded by an
exclusive file lock (`_build/.book-build.lock`), and its result (exit status and log) is saved under the
test run's id (pytest-xdist's `testrun_uid`, shared by every worker of one run). The first worker to take
the lock builds as `make book` does (`agnocourse warm`, then jupyter-book) and saves the result; any other
worker waits for the lock, finds the saved result of this run and uses it without building again. A new
run has a new id, so it always builds (cheaply: notebooks whose code did not change come from the cache).
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
# As `make book`: the notebooks executed in parallel into the build's cache, then the build.
WARM_COMMAND = [sys.executable, "-m", "agnocourse", "warm"]
BOOK_COMMAND = [sys.executable, "-m", "agnocourse", "offline", "--", "jupyter-book", "build", ".", "-W", "--keep-going"]


class BookBuild(subprocess.CompletedProcess[str]):
    """The build's exit status and log, with the log of the parallel execution that came before it."""

    def __init__(self, args: list[str], returncode: int, stdout: str, stderr: str, warm_log: str) -> None:
        super().__init__(args, returncode, stdout, stderr)
        self.warm_log = warm_log


@pytest.fixture(scope="session")
def build(testrun_uid: str) -> BookBuild:
    """The book built once for this test run (see the module docstring for why it is safe under xdist)."""
    BUILD.mkdir(exist_ok=True)
    result_file = BUILD / f".book-build-{testrun_uid}.json"
    with open(BUILD / ".book-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if result_file.is_file():
                saved = json.loads(result_file.read_text())
                return BookBuild(BOOK_COMMAND, saved["returncode"], saved["stdout"], saved["stderr"], saved["warm"])
            for old in BUILD.glob(".book-build-*.json"):
                old.unlink()
            warmed = subprocess.run(WARM_COMMAND, cwd=ROOT, capture_output=True, text=True, timeout=900)
            done = subprocess.run(BOOK_COMMAND, cwd=ROOT, capture_output=True, text=True, timeout=900)
            saved = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            saved["warm"] = warmed.stdout + warmed.stderr
            result_file.write_text(json.dumps(saved))
            return BookBuild(BOOK_COMMAND, saved["returncode"], done.stdout, done.stderr, saved["warm"])
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
