"""Helpers for Async Agno, an executable course on asynchronous code with the Agno agent framework.

Importing the package changes nothing in the process. The course keeps itself offline where it sets itself
up: importing `agnocourse.offline` (every notebook's first cell does), the course's pytest plugin and
`python -m agnocourse offline -- CMD` turn agno telemetry off and install the network guard
(`agnocourse.network`).
"""

__all__: list[str] = []
