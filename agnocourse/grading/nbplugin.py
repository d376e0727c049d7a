"""A pytest plugin for the grader's nbval run: one JSON line per code cell, and a fast verdict on dead kernels.

Loaded with ``-p agnocourse.grading.nbplugin`` in the grader's pytest process, it appends to the file named
by AGNOCOURSE_GRADE_RESULTS ``{"cell", "status", "ename", "evalue"}`` for every cell nbval runs, read from
the cell's own error output (so nbval's xfail after a timeout does not hide a later result). Statuses:
passed, error, timeout (interrupted cleanly), hung (could not be interrupted; nbval stopped the kernel),
crashed (the kernel process died), not-run (the kernel was already gone).

nbval waits the whole cell timeout for a reply even when the kernel has died; `_await_reply` polls in short
slices instead and reports a dead kernel at once.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Generator
from queue import Empty
from typing import Any

import pytest
from nbval.kernel import RunningKernel

RESULTS = "AGNOCOURSE_GRADE_RESULTS"


class KernelDiedError(RuntimeError):
    """The kernel process exited while a cell was running."""


_original_await_reply = RunningKernel.await_reply


def _await_reply(self: RunningKernel, msg_id: str, timeout: float | None = None) -> None:
    deadline = None if timeout is None else time.monotonic() + float(timeout)
    while True:
        left = 0.25 if deadline is None else min(0.25, deadline - time.monotonic())
        if left <= 0:
            raise Empty
        try:
            return _original_await_reply(self, msg_id, timeout=left)
        except Empty:
            if not self.is_alive():
                raise KernelDiedError("the kernel died while running this cell") from None


RunningKernel.await_reply = _await_reply  # pyright: ignore[reportAttributeAccessIssue]


def _error_output(item: Any) -> tuple[str, str]:
    for output in reversed(getattr(item, "test_outputs", None) or []):
        if output.get("output_type") == "error":
            return output.get("ename", ""), output.get("evalue", "")
    return "", ""


def classify(item: Any, error: BaseException | None) -> dict[str, Any]:
    if error is None:
        # nbval passes a cell tagged raises-exception whatever it raised (the exercises tag their answer and
        # check cells so that JupyterLab's Run All goes on); the grader reads the cell's error itself.
        ename, evalue = _error_output(item)
        if ename:
            return {"status": "error", "ename": ename, "evalue": evalue}
        return {"status": "passed", "ename": "", "evalue": ""}
    text = str(error)
    if isinstance(error, KernelDiedError):
        return {"status": "crashed", "ename": "KernelDied", "evalue": text}
    if "Kernel dead on test start" in text:
        return {"status": "not-run", "ename": "", "evalue": text}
    if "Failed to interrupt kernel" in text or "exceeded waiting for output" in text:
        return {"status": "hung", "ename": "Timeout", "evalue": ""}
    ename, evalue = _error_output(item)
    if "Timeout of" in text and ename in ("", "KeyboardInterrupt"):
        return {"status": "timeout", "ename": "Timeout", "evalue": ""}
    if not ename:
        ename, evalue = type(error).__name__, text.splitlines()[0] if text else ""
    return {"status": "error", "ename": ename, "evalue": evalue}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Generator[None, Any, None]:
    yield
    path = os.environ.get(RESULTS)
    if call.when != "call" or not path or not hasattr(item, "cell_num"):
        return
    error = call.excinfo.value if call.excinfo is not None else None
    if isinstance(error, pytest.skip.Exception):
        return
    record = {"cell": item.cell_num, **classify(item, error)}
    with open(path, "a", encoding="utf-8") as results:
        results.write(json.dumps(record) + "\n")
