"""The network guard refuses connections that leave the machine, names the caller, and spares loopback."""

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from agnocourse import network


def test_the_test_session_runs_under_the_guard():
    assert network.guard_enabled()
    assert os.environ["AGNO_TELEMETRY"] == "false"


def test_dns_lookup_is_blocked_and_names_the_caller():
    with pytest.raises(network.NetworkBlockedError) as blocked:
        socket.getaddrinfo("api.agno.com", 443)
    message = str(blocked.value)
    assert "api.agno.com:443" in message
    assert "test_network.py" in message


def test_connection_by_address_is_blocked():
    with socket.socket() as sock, pytest.raises(network.NetworkBlockedError, match=r"93\.184\.215\.14:80"):
        sock.connect(("93.184.215.14", 80))


def test_http_client_is_blocked():
    with pytest.raises(urllib.error.URLError) as failed:
        urllib.request.urlopen("http://example.com", timeout=1)
    assert isinstance(failed.value.reason, network.NetworkBlockedError)


def test_loopback_is_allowed():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=1):
            pass


def test_the_guard_is_what_stops_the_call():
    """With the guard lifted the same call gets past it (and then fails or not on its own)."""
    with network.network_allowed(), socket.socket() as sock:
        sock.settimeout(0.01)
        try:
            sock.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed
        except network.NetworkBlockedError:
            pytest.fail("the guard blocked a call while lifted")
        except OSError:
            pass


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.8.9.10", b"localhost"])
def test_loopback_names(host):
    assert network.is_loopback(host)


@pytest.mark.parametrize("host", ["api.agno.com", "10.0.0.1", "8.8.8.8", "2001:db8::1"])
def test_remote_names(host):
    assert not network.is_loopback(host)


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("AGNOCOURSE_ALLOW_NETWORK", "AGNO_TELEMETRY")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)


def test_importing_agnocourse_offline_guards_a_fresh_interpreter():
    result = _fresh(
        "import agnocourse.offline, os, socket; print(os.environ['AGNO_TELEMETRY']); "
        "socket.getaddrinfo('pypi.org', 443)"
    )
    assert result.returncode == 1
    assert result.stdout.strip() == "false"
    assert "NetworkBlockedError" in result.stderr
    assert "pypi.org:443" in result.stderr


@pytest.mark.parametrize("module", ["agnocourse", "agnocourse.rules", "agno_async_rules"])
def test_importing_the_package_or_the_checker_changes_nothing(module: str):
    """A team importing the checker keeps its own process as it was: no audit hook, no environment change."""
    code = (
        f"import os, sys; before = dict(os.environ); import {module} as m; m.__name__; "
        "from agnocourse import network; "
        "print(network.guard_enabled(), dict(os.environ) == before, 'agno' in sys.modules)"
    )
    result = _fresh(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "False"]


def test_every_notebook_turns_the_guard_on_in_its_first_code_cell():
    """Importing agnocourse does nothing by itself; the setup import `agnocourse.offline` guards the kernel."""
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    setup = re.compile(r"^(from agnocourse\.offline import|import agnocourse\.offline)", re.MULTILINE)
    unguarded = []
    for folder in ("notebooks", "solutions", "exercises", "agno3", "book"):
        for path in sorted((root / folder).glob("*.ipynb")):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            first = next("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
            if not setup.search(first):
                unguarded.append(f"{folder}/{path.name}")
    assert unguarded == []
