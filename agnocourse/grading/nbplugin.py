"""A pytest plugin for the grader's nbval run: one signed JSON line per code cell, and a fast verdict on dead
kernels.

Loaded with ``-p agnocourse.grading.nbplugin`` in the grader's pytest process, it appends to the file given
by ``--agnocourse-results`` ``{"cell", "status", "ename", "evalue", "token", "tampered", "mac"}`` for every
cell nbval runs, read from the cell's own error output (so nbval's xfail after a timeout does not hide a later result).
Statuses: passed, error (an error output; in a strict run also outputs that differ), timeout (interrupted
cleanly), hung (could not be interrupted; nbval stopped the kernel), crashed (the kernel process died), not-run
(the kernel was already gone). `token` is what a grader's check cell printed to confirm its pass, `tampered`
the grader's functions it found patched (`notebook.seal`).

The kernel runs as the same user and can find and write that file, so every line carries `mac`, an HMAC
under a secret that only the grader and this process know: the grader writes it to the file given by
``--agnocourse-secret``, and this plugin reads and deletes that file before the kernel starts. A line the
kernel wrote has no valid `mac`, and the grader ignores it.

nbval waits the whole cell timeout for a reply even when the kernel has died; `_await_reply` polls in short
slices instead and reports a dead kernel at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Generator
from pathlib import Path
from queue import Empty
from typing import Any

import pytest
from nbval.kernel import RunningKernel
from nbval.plugin import NbCellError

TOKEN = re.compile(r"agnocourse-grader-token: ([0-9a-f]{64})")
TAMPERED = re.compile(r"agnocourse-grader-tampered: (.*)")
OUTPUTS_DIFFER = "OutputsDiffer"  # a strict run's cell whose outputs differ from the notebook's (evalue: nbval's diff)


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


def sign(record: dict[str, Any], secret: bytes) -> str:
    """The record's MAC: HMAC-SHA256 of its canonical JSON (without "mac")."""
    body = json.dumps({k: v for k, v in record.items() if k != "mac"}, sort_keys=True)
    return hmac.new(secret, body.encode(), hashlib.sha256).hexdigest()


def pytest_addoption(parser: Any) -> None:
    parser.addoption("--agnocourse-results", default=None, help="append one signed JSON line per cell here")
    parser.addoption("--agnocourse-secret", default=None, help="a file holding the signing secret (deleted)")
    parser.addoption("--agnocourse-check-timeout", default=None, help="the cell timeout of the grader's check cells")


_channel: dict[str, Any] = {}
_cell_timeout: dict[str, Any] = {}


def pytest_configure(config: Any) -> None:
    results, secret = config.getoption("--agnocourse-results"), config.getoption("--agnocourse-secret")
    if results and secret:
        path = Path(secret)
        _channel.update(results=results, secret=path.read_bytes().strip())
        path.unlink()


def pytest_runtest_setup(item: Any) -> None:
    """A grader's check cell stops the learner's code at the exercise's own limit and does work of its own
    (pyright) beside it, so nbval's cell timeout is only its backstop: a longer one than other cells have."""
    check = item.config.getoption("--agnocourse-check-timeout")
    if check is None or not hasattr(item, "cell"):
        return
    base = _cell_timeout.setdefault("base", item.config.option.nbval_cell_timeout)
    meta = item.cell.get("metadata", {}).get("agnocourse")
    item.config.option.nbval_cell_timeout = check if isinstance(meta, dict) and "exercise" in meta else base


def _error_output(item: Any) -> tuple[str, str]:
    for output in reversed(getattr(item, "test_outputs", None) or []):
        if output.get("output_type") == "error":
            return output.get("ename", ""), output.get("evalue", "")
    return "", ""


def _text(output: dict[str, Any]) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else str(text)


def _printed(item: Any, pattern: re.Pattern[str]) -> str:
    """The last match of `pattern` in what the cell printed, or ""."""
    found = ""
    for output in getattr(item, "test_outputs", None) or []:
        if output.get("output_type") == "stream":
            matches = pattern.findall(_text(output))
            found = matches[-1] if matches else found
    return found


def classify(item: Any, error: BaseException | None) -> dict[str, Any]:
    if error is None:
        # nbval passes a cell tagged raises-exception whatever it raised (the exercises tag their answer and
        # check cells so that JupyterLab's Run All goes on); the grader reads the cell's error itself.
        ename, evalue = _error_output(item)
        if ename:
            return {"status": "error", "ename": ename, "evalue": evalue}
        return {"status": "passed", "ename": "", "evalue": ""}
    text = str(error)
    if isinstance(error, NbCellError) and text == "Cell outputs differ":
        printed = [_text(o).strip() for o in getattr(item, "test_outputs", None) or [] if "text" in o]
        difference = "\n".join([str(error.inner_traceback or "").strip(), *(f"It printed: {t[:500]}" for t in printed)])
        return {"status": "error", "ename": OUTPUTS_DIFFER, "evalue": difference}
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
    if call.when != "call" or not _channel or not hasattr(item, "cell_num"):
        return
    error = call.excinfo.value if call.excinfo is not None else None
    if isinstance(error, pytest.skip.Exception):
        return
    record = {"cell": item.cell_num, **classify(item, error)}
    record.update(token=_printed(item, TOKEN), tampered=_printed(item, TAMPERED))
    record["mac"] = sign(record, _channel["secret"])
    with open(_channel["results"], "a", encoding="utf-8") as results:
        results.write(json.dumps(record) + "\n")
