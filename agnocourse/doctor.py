"""``make doctor``: is this machine ready for the course? One line per check, and what to do when it is not.

Runs on the interpreter that builds the environments, with the standard library only, so it works before
anything is installed. Required checks decide the exit status (0 ready, 1 not); optional ones only inform.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUPPORTED_PYTHONS = ((3, 11), (3, 12), (3, 13))
OLDEST_PYTHON = (3, 11, 5)  # the pinned set's oldest Requires-Python (soupsieve)
FREE_DISK_GB = 2.0  # both environments, the pip cache and a built book, with room to spare
ENVIRONMENTS = ((".venv", "requirements.txt", "python3"), (".venv-agno3", "requirements-agno3.txt", "agno3"))
TIMEOUT = 60  # seconds for one probe in an environment (importing agno the first time is the slow part)

# Run inside an environment: pinned packages that are missing or at another version.
PINS_PROBE = """
import sys
from importlib.metadata import PackageNotFoundError, version
wrong = []
for line in open(sys.argv[1], encoding="utf-8"):
    name, _, pinned = line.split("#")[0].strip().partition("==")
    if not pinned:
        continue
    try:
        found = version(name)
    except PackageNotFoundError:
        found = "missing"
    if found != pinned:
        wrong.append(f"{name} {found} (pinned {pinned})")
print("; ".join(wrong))
"""

# Run inside an environment: the course's setup import must refuse a connection to another host.
GUARD_PROBE = """
import socket
import agnocourse.offline
try:
    socket.create_connection(("192.0.2.1", 9), timeout=2)  # TEST-NET-1: never a real host
except ConnectionError as error:
    print(type(error).__name__)
"""

# Run inside an environment: a real agent on the offline model, with the guard on.
OFFLINE_PROBE = """
from agnocourse.offline import offline_agent
print(offline_agent(reply="ready").run("are you there?").content)
"""


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True

    def line(self) -> str:
        mark = "ok " if self.ok else ("FIX" if self.required else " - ")
        return f"{mark}  {self.name}: {self.detail}"


def _probe(python: Path, script: str, *args: str) -> tuple[bool, str]:
    """Run `script` on `python`: (exited 0, its output or the last line of its error)."""
    env = os.environ | {"AGNO_TELEMETRY": "false", "AGNO_API_ENABLED": "false"}
    env.pop("AGNOCOURSE_ALLOW_NETWORK", None)
    try:
        done = subprocess.run(
            [str(python), "-c", script, *args], capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return False, f"no answer within {TIMEOUT} s"
    if done.returncode:
        lines = done.stderr.strip().splitlines()
        return False, lines[-1] if lines else f"exit status {done.returncode}"
    return True, done.stdout.strip()


def python_version(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Check:
    supported = ", ".join(f"{major}.{minor}" for major, minor in SUPPORTED_PYTHONS)
    found = ".".join(map(str, version))
    if tuple(version[:2]) in SUPPORTED_PYTHONS and tuple(version) >= OLDEST_PYTHON:
        return Check("Python", True, found)
    advice = f"install 3.11.5 or later, one of {supported}, and run make PYTHON=..."
    return Check("Python", False, f"{found} is not supported; {advice}")


def free_disk(root: Path) -> Check:
    free = shutil.disk_usage(root).free / 1e9
    if free >= FREE_DISK_GB:
        return Check("free disk", True, f"{free:.1f} GB")
    return Check("free disk", False, f"{free:.1f} GB; the course needs about {FREE_DISK_GB:.0f} GB: free some space")


def node(path: str | None) -> Check:
    found = shutil.which("node", path=path)
    if not found:
        return Check("Node.js (for pyright)", False, "not found; install it: sudo apt-get install nodejs")
    done = subprocess.run([found, "--version"], capture_output=True, text=True, check=False)
    return Check("Node.js (for pyright)", done.returncode == 0, done.stdout.strip() or done.stderr.strip())


def environment(root: Path, venv: str, requirements: str) -> Check:
    name = f"environment {venv}"
    python = root / venv / "bin" / "python"
    ready = root / venv / ".ready"
    if not python.exists() or not ready.exists():
        return Check(name, False, "not set up; run make env")
    newer = [f for f in (requirements, "pyproject.toml") if (root / f).stat().st_mtime > ready.stat().st_mtime]
    if newer:
        return Check(name, False, f"{' and '.join(newer)} changed since it was set up; run make env")
    ran, wrong = _probe(python, PINS_PROBE, str(root / requirements))
    if not ran or wrong:
        return Check(name, False, f"{wrong or 'cannot be checked'}; run make env (or delete {venv} and run it)")
    return Check(name, True, f"every package of {requirements} at its pinned version")


def kernels(root: Path) -> Check:
    jupyter = root / ".venv" / "bin" / "jupyter"
    if not jupyter.exists():
        return Check("Jupyter kernels", False, "no .venv; run make env")
    done = subprocess.run([str(jupyter), "kernelspec", "list", "--json"], capture_output=True, text=True, check=False)
    specs = json.loads(done.stdout or "{}").get("kernelspecs", {}) if done.returncode == 0 else {}
    missing = [kernel for _, _, kernel in ENVIRONMENTS if kernel not in specs]
    broken = [k for k, spec in specs.items() if k not in missing and not Path(spec["spec"]["argv"][0]).exists()]
    wanted = [kernel for _, _, kernel in ENVIRONMENTS]
    if missing or any(k in wanted for k in broken):
        return Check("Jupyter kernels", False, f"missing or broken: {', '.join(missing + broken)}; run make env")
    return Check("Jupyter kernels", True, ", ".join(f"{k} ({specs[k]['spec']['display_name']})" for k in wanted))


def chromium() -> Check:
    found = Path("/usr/bin/chromium").exists()
    detail = "/usr/bin/chromium" if found else "not found; the browser tests are skipped (make browser installs it)"
    return Check("Chromium (optional)", found, detail, required=False)


def network_guard(root: Path) -> Check:
    python = root / ".venv" / "bin" / "python"
    if not python.exists():
        return Check("network guard", False, "no .venv; run make env")
    ran, said = _probe(python, GUARD_PROBE)
    if ran and said == "NetworkBlockedError":
        return Check("network guard", True, "on: the course's setup refuses connections that leave the machine")
    return Check(
        "network guard", False, f"a connection was not refused ({said or 'no error'}); unset AGNOCOURSE_ALLOW_NETWORK"
    )


def works_offline(root: Path, venv: str) -> Check:
    name = f"offline run on {venv}"
    python = root / venv / "bin" / "python"
    if not python.exists():
        return Check(name, False, "no environment; run make env")
    ran, said = _probe(python, OFFLINE_PROBE)
    if ran and said == "ready":
        return Check(name, True, "an agent answered on the offline model, network guard on")
    return Check(name, False, f"{said}; run make env, then make doctor again")


def diagnose(root: Path = ROOT, path: str | None = None) -> Iterator[Check]:
    yield python_version()
    yield free_disk(root)
    yield node(path)
    for venv, requirements, _ in ENVIRONMENTS:
        yield environment(root, venv, requirements)
    yield kernels(root)
    yield network_guard(root)
    for venv, _, _ in ENVIRONMENTS:
        yield works_offline(root, venv)
    yield chromium()


def ready(checks: list[Check]) -> bool:
    return all(check.ok or not check.required for check in checks)


def main(argv: list[str] | None = None) -> int:
    checks = []
    for check in diagnose():
        print(check.line(), flush=True)
        checks.append(check)
    print(
        "ready for the course" if ready(checks) else "not ready: fix the lines marked FIX, then run make doctor again"
    )
    return 0 if ready(checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
