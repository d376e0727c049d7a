"""A learner's first exercise in JupyterLab, in a real browser, with nothing leaving the machine.

JupyterLab is started by the course's own command (`make lab`, which installs it the first time) on
127.0.0.1 with a token, serving a copy of exercises/01_core_principles.ipynb in a temporary folder (so the
repository's file is never written). Playwright drives Debian's Chromium through what a learner does: open
the notebook, Run All, read that exercise 1.1 is not answered yet (Run All goes on to exercise 1.3), paste
the answer from solutions/, run it and its check, read "passed", save, and grade the saved file with the
course's grader. Screenshots go to `_build/screenshots/lab-*.png`.

Outbound connections are watched in two places. In the browser, every request for another host than
127.0.0.1 is recorded and aborted. In Python, a `sitecustomize` module on PYTHONPATH (so loaded by the
server and by every kernel it starts) adds an audit hook that records every connection attempt and DNS
lookup for another host, then refuses it; the test asserts that the server and a kernel loaded the hook and
that nothing was recorded. `test_the_recorder_sees_the_update_check_the_course_turns_off` proves the hook
records JupyterLab's default update check (a connection to the package index) in a process of its own, so
an empty record means no attempt, not a blind recorder.

Without /usr/bin/chromium the browser test is skipped with the reason, as in tests/test_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import nbformat
import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

from agnocourse.exercises import BEGIN, END

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "exercises/01_core_principles.ipynb"
SOLUTION = ROOT / "solutions" / "01_core_principles.ipynb"
LAB_PYTHON = ROOT / ".venv-lab" / "bin" / "python"  # JupyterLab's own environment (make lab)
STARTUP_SECONDS = 180
# Installed as sitecustomize.py: records (and refuses) every socket connection and DNS lookup for a host
# that is not this machine, and records that it was loaded, by which process.
RECORDER = """
import ipaddress, json, os, socket, sys

_LOG = os.environ["LAB_TEST_CONNECTIONS"]


def _write(entry):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\\n")


def _local(host):
    if host is None:
        return True
    host = (host.decode() if isinstance(host, bytes) else str(host)).strip("[]").lower()
    if host in ("", "localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _hook(event, args):
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event in ("socket.connect", "socket.sendto") and isinstance(args[-1], tuple):
        if getattr(args[0], "family", None) == socket.AF_UNIX:
            return
        host = args[-1][0]
    else:
        return
    if not _local(host):
        _write({"pid": os.getpid(), "event": event, "host": str(host)})
        raise ConnectionRefusedError(f"test recorder: refused {event} to {host}")


_write({"pid": os.getpid(), "loaded": " ".join(sys.argv)[:200]})
sys.addaudithook(_hook)
"""

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium: run `make browser` (as root) first"
)


def recorder_environment(folder: Path, log: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(RECORDER, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(folder), *filter(None, [env.get("PYTHONPATH")])])
    env["LAB_TEST_CONNECTIONS"] = str(log)
    return env


def recorded(log: Path) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def installed() -> None:
    """JupyterLab installed as `make lab` installs it the first time."""
    install = subprocess.run(["make", "-s", ".venv-lab/.ready"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, f"make could not install JupyterLab:\n{install.stdout}\n{install.stderr}"


def test_the_recorder_sees_the_update_check_the_course_turns_off(installed: None, tmp_path: Path):
    """JupyterLab's default update check asks the package index; in a process with the recorder it is seen."""
    log = tmp_path / "connections.jsonl"
    env = recorder_environment(tmp_path / "site", log)
    check = (
        "import asyncio, logging\n"
        "from jupyterlab.handlers.announcements import CheckForUpdate\n"
        "check = CheckForUpdate('4.0.0')\n"
        "check.logger = logging.getLogger('update')\n"
        "print(asyncio.run(check()))"
    )
    subprocess.run([LAB_PYTHON, "-c", check], env=env, check=True, timeout=120, capture_output=True)
    entries = recorded(log)
    assert any("loaded" in e for e in entries), entries
    assert "pypi.org" in {e["host"] for e in entries if "host" in e}, entries


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Lab:
    url: str
    token: str
    folder: Path
    connections: Path
    log: Path


@pytest.fixture(scope="module")
def lab(installed: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """`make lab` on a copy of the first exercise notebook, on 127.0.0.1 with a token, its connections recorded."""
    base = tmp_path_factory.mktemp("lab")
    folder, state = base / "work", base / "state"
    (folder / "exercises").mkdir(parents=True)
    shutil.copyfile(ROOT / NOTEBOOK, folder / NOTEBOOK)
    # JupyterLab renders every cell (no virtual scrolling), so the test can read outputs far down the page.
    tracker = state / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    connections, log = base / "connections.jsonl", base / "lab.log"
    env = recorder_environment(base / "site", connections)
    port, token = free_port(), secrets.token_hex(16)
    options = [
        "--no-browser", f"--port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--LabApp.user_settings_dir={state / 'settings'}",
        f"--LabApp.workspaces_dir={state / 'workspaces'}",
    ]  # fmt: skip
    with log.open("w") as output:
        server = subprocess.Popen(
            ["make", "lab", f"LAB_DIR={folder}", f"LAB_ARGS={' '.join(options)}"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"`make lab` did not start:\n{log.read_text()}")
            time.sleep(0.5)
        yield Lab(url, token, folder, connections, log)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@dataclass
class Visit:
    page: Any
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def visit() -> Iterator[Visit]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(60_000)
            seen = Visit(page)

            def route(route: Any) -> None:
                url = urlsplit(route.request.url)
                seen.requests.append(route.request.url)
                if url.scheme in ("http", "https", "ws", "wss") and url.hostname != "127.0.0.1":
                    seen.outside.append(route.request.url)
                    route.abort()
                else:
                    route.continue_()

            page.route("**/*", route)
            yield seen
        finally:
            browser.close()


def whole_notebook_with(path: Path, text: str) -> bool:
    """The file is a complete notebook (not one caught half-written) and holds `text`."""
    content = path.read_text(encoding="utf-8")
    try:
        json.loads(content)
    except json.JSONDecodeError:
        return False
    return text in content


def solution_of_first_exercise() -> str:
    """The answer a learner pastes: the solution region of the first answer cell of solutions/."""
    solution = nbformat.read(SOLUTION, as_version=4)
    source = next(cell.source for cell in solution.cells if cell.cell_type == "code" and BEGIN in cell.source)
    return source.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"lab-{name}.png"))


def cell_text(page: Any, index: int) -> str:
    return page.locator(".jp-Notebook .jp-CodeCell").nth(index).inner_text()


def wait_for_text(page: Any, index: int, pattern: str, seconds: float = 90) -> str:
    """The code cell's text once it matches `pattern` (its source and outputs, as the learner reads them)."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        text = cell_text(page, index)
        if re.search(pattern, text):
            return text
        page.wait_for_timeout(250)  # lets the route handler run (see the save below)
    shoot(page, "failed")
    raise AssertionError(f"code cell {index} never showed {pattern!r}; it shows:\n{text}")


def menu(page: Any, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


@pytest.mark.slow
@needs_chromium
def test_a_learner_answers_the_first_exercise_in_jupyterlab(lab: Lab, visit: Visit):
    page = visit.page
    # Code cells of the exercise notebook: 0 setup, 1 shared steps, 2 answer 1.1, 3 check 1.1, ... 7 the steps
    # exercise 1.3 builds on, 8 answer 1.3, 9 check 1.3.
    answer, check, last_setup, last_check = 2, 3, 7, 9

    page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}?token={lab.token}")
    page.locator(".jp-Notebook .jp-CodeCell").nth(last_check).wait_for()
    # The notebook's kernel, the course's, started by itself and ready.
    page.get_by_text(re.compile(r"Python 3 \(Async Agno\) \| Idle")).wait_for(timeout=120_000)
    shoot(page, "1-opened")
    # The language server JupyterLab connects the notebook to is the course's pyright, and it answers.
    lsp_deadline, pyright = time.monotonic() + 120, {}
    while time.monotonic() < lsp_deadline and not pyright.get("last_server_message_at"):
        pyright = page.request.get(f"{lab.url}/lsp/status?token={lab.token}").json()["sessions"].get("pyright", {})
        time.sleep(0.5)
    assert pyright.get("status") == "started" and pyright.get("last_server_message_at"), pyright
    assert "official Jupyter news" not in page.locator("body").inner_text(), "the news prompt is shown"

    menu(page, "Run", "Run All Cells")
    # Run All goes past the unanswered exercises: the last check runs and says its exercise is not answered.
    last = wait_for_text(page, last_check, r"Exercise 1\.3 is not answered yet")
    first = wait_for_text(page, check, r"Exercise 1\.1 is not answered yet")
    assert re.match(r"\[\d+\]:", cell_text(page, last_setup)), "the setup of exercise 1.3 did not run"
    shoot(page, "2-run-all")
    for text in (first, last):
        assert "NameError" not in text and "NotImplementedError" not in text, text
        assert "grading/" not in text, f"the course's own frames are shown:\n{text}"

    editor = page.locator(".jp-Notebook .jp-CodeCell").nth(answer).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    editor.evaluate(
        """(element, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        solution_of_first_exercise(),
    )
    assert "class AsyncSummaryWorkflow" in cell_text(page, answer), "the answer was not pasted"
    page.keyboard.press("Shift+Enter")  # runs the answer and moves to its check
    page.keyboard.press("Shift+Enter")  # runs the check
    passed = wait_for_text(page, check, r"Exercise 1\.1 \(Dual paths\): passed")
    assert "not answered" not in passed
    shoot(page, "3-passed")

    menu(page, "File", "Save Notebook")
    saved = lab.folder / NOTEBOOK
    deadline = time.monotonic() + 60
    while not whole_notebook_with(saved, "class AsyncSummaryWorkflow") and time.monotonic() < deadline:
        # Not time.sleep: Playwright's sync API runs the visit's route handler only inside its own calls, and the
        # save's requests wait for that handler (asleep here, the save would be sent only by the next screenshot).
        page.wait_for_timeout(250)  # the server may be between truncating the file and writing it
    shoot(page, "4-saved")
    assert whole_notebook_with(saved, "class AsyncSummaryWorkflow"), "the notebook was not saved"

    graded = subprocess.run(
        [sys.executable, "-m", "agnocourse", "grade", str(saved), "--json", "--solutions", str(ROOT / "solutions")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert graded.returncode == 1, graded.stderr  # 1.2 and 1.3 are still open
    (result,) = json.loads(graded.stdout)
    status = {e["id"]: (e["status"], e["message"]) for e in result["exercises"]}
    assert status["1.1"][0] == "passed", status
    for open_exercise in ("1.2", "1.3"):
        assert status[open_exercise][0] == "failed" and "is not answered yet" in status[open_exercise][1], status

    assert any(urlsplit(u).path == "/lab/api/update" for u in visit.requests), "the page never asked for updates"
    assert visit.outside == [], f"the page asked another host: {visit.outside}"
    entries = recorded(lab.connections)
    loaded = [e["loaded"] for e in entries if "loaded" in e]
    assert any("jupyter-lab" in argv or "agnocourse offline" in argv for argv in loaded), loaded
    assert any("/kernel-" in argv for argv in loaded), f"no kernel loaded the recorder: {loaded}"
    attempts = [e for e in entries if "host" in e]
    assert attempts == [], f"connections left the machine: {attempts}\n{lab.log.read_text()}"
