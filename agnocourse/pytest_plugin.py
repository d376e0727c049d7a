"""pytest plugin loaded by the course's own configuration: the whole test session runs offline."""

from agnocourse import network

network.disable_telemetry()
network.install_guard()
