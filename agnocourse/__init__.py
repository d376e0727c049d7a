"""Helpers for Async Agno, an executable course on asynchronous code with the Agno agent framework.

Importing the package makes the process safe for offline teaching: agno telemetry is turned off and a
network guard refuses every connection that does not stay on this machine (see `agnocourse.network`).
"""

from agnocourse import network as _network

_network.disable_telemetry()
_network.install_guard()

__all__: list[str] = []
