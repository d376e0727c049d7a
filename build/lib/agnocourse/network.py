"""Keep the course offline: agno telemetry off, and a guard that fails loudly on any outbound connection.

The guard is a `sys.audit` hook, so it sees every socket connection and DNS lookup made from Python,
whatever library makes it (httpx, urllib, asyncio). Loopback and Unix sockets stay allowed: Jupyter
kernels talk to their clients over 127.0.0.1. Set AGNOCOURSE_ALLOW_NETWORK=1 to lift the guard.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}

_state = {"installed": False, "enabled": False}


class NetworkBlockedError(ConnectionError):
    """Raised when code tries to reach another host while the course's network guard is on."""


def disable_telemetry() -> None:
    """Turn agno's telemetry and API calls off for this process and every process it starts."""
    os.environ["AGNO_TELEMETRY"] = "false"
    os.environ["AGNO_API_ENABLED"] = "false"
    os.environ["AGNO_MONITOR"] = "false"


def is_loopback(host: Any) -> bool:
    """True for addresses and names that never leave this machine."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _culprit() -> str:
    """The innermost frame outside the standard library and this module: who tried to connect."""
    stdlib = os.path.dirname(os.__file__)
    for frame in reversed(traceback.extract_stack()[:-3]):
        if frame.filename != __file__ and not frame.filename.startswith(stdlib):
            return f"{frame.filename}:{frame.lineno} in {frame.name}"
    return "unknown caller"


def _target(event: str, args: tuple[Any, ...]) -> tuple[Any, Any] | None:
    """The (host, port) an audited event is about, or None when it cannot leave the machine."""
    if event == "socket.getaddrinfo":
        return args[0], args[1]
    if event in ("socket.connect", "socket.sendto"):
        sock, address = args[0], args[-1]
        if getattr(sock, "family", None) == socket.AF_UNIX or not isinstance(address, tuple):
            return None
        return address[0], address[1]
    return None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _state["enabled"] or not event.startswith("socket."):
        return
    target = _target(event, args)
    if target is None or is_loopback(target[0]):
        return
    host, port = target
    raise NetworkBlockedError(
        f"agnocourse network guard: blocked {event} to {host}:{port} from {_culprit()}. "
        "The course runs offline; use agnocourse.offline models and agnocourse.tools instead."
    )


def install_guard() -> None:
    """Refuse outbound connections from now on (idempotent; honours AGNOCOURSE_ALLOW_NETWORK=1)."""
    if os.environ.get("AGNOCOURSE_ALLOW_NETWORK") == "1":
        return
    if not _state["installed"]:
        sys.addaudithook(_audit)
        _state["installed"] = True
    _state["enabled"] = True


def guard_enabled() -> bool:
    return _state["enabled"]


@contextmanager
def network_allowed() -> Iterator[None]:
    """Lift the guard inside a `with` block (used by the tests to prove the guard is what stops a call)."""
    previous = _state["enabled"]
    _state["enabled"] = False
    try:
        yield
    finally:
        _state["enabled"] = previous
