"""Shared fixtures: one book build per test run, whichever test module or xdist worker asks for it first.

`make test` runs the tests with `-n JOBS --dist loadgroup`: they are spread one by one over the workers, except
a module marked `xdist_group` because its module-scoped fixture is costly (a JupyterLab server), which runs in
one worker. A session-scoped fixture is still built once per worker. tests/test_book.py and
tests/test_browser.py both need the built book and may run at the same time in two workers; two
jupyter-book builds writing into the same `_build` folder would race. So the build is guarded by an
exclusive file lock (`_build/.book-build.lock`), and its result (exit status and log) is saved under the
test run's id (pytest-xdist's `testrun_uid`, shared by every worker of one run). The first worker to take
the lock builds and saves the result; any other worker waits for the lock, finds the saved result of this
run and uses it without building again. A new run has a new id, so it always builds.

The build renders the committed outputs instead of executing the notebooks again as `make book` does: nbval,
in the same run, checks that every notebook reproduces them.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import pytest

from agnocourse.warm_cache import rendering_config

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
# As `make book`, but with the configuration that renders committed outputs (agnocourse.warm_cache).
RENDERING_CONFIG = BUILD / ".rendering_config.yml"
BOOK_COMMAND = [sys.executable, "-m", "agnocourse", "offline", "--", "jupyter-book", "build", ".", "-W", "--keep-going"]
BOOK_COMMAND += ["--config", str(RENDERING_CONFIG)]


BookBuild = subprocess.CompletedProcess[str]  # the build's exit status and log


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
                return BookBuild(BOOK_COMMAND, saved["returncode"], saved["stdout"], saved["stderr"])
            for old in BUILD.glob(".book-build-*.json"):
                old.unlink()
            rendering_config(RENDERING_CONFIG)
            done = subprocess.run(BOOK_COMMAND, cwd=ROOT, capture_output=True, text=True, timeout=900)
            saved = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            result_file.write_text(json.dumps(saved))
            return BookBuild(BOOK_COMMAND, saved["returncode"], done.stdout, done.stderr)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
