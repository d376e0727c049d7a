"""Which agno this process runs: the one place where the course's helpers tell agno 1.x from 3.x.

The main track pins agno 1.5.10 (the rules document's API), the second track agno 3.1.x. Helpers that work on
both ask here instead of testing for names.
"""

from __future__ import annotations

from importlib.metadata import version

AGNO_VERSION = version("agno")
AGNO_MAJOR = int(AGNO_VERSION.split(".")[0])
# agno 1.x: RunResponse, Workflow subclasses with run()/arun(), awaited async streams, a sticky stream flag.
# agno 2.0 and later: RunOutput and events, declared workflows (steps), un-awaited async streams.
LEGACY_API = AGNO_MAJOR < 2
