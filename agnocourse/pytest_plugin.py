"""pytest plugin loaded by the course's own configuration: the whole test session runs offline."""

import agnocourse  # noqa: F401  (importing it turns telemetry off and installs the network guard)
