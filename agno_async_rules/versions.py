"""Which agno the checked code is written for: a release line that selects the rules and their fix texts.

Lines: "1.5" (the rules document's API: agno 1.5.x and anything older), "1.6-1.8", "2.x" and "3.x" (newer
majors are read as 3.x). Without `--agno-version` the installed agno's version is read from its package
metadata (agno is never imported); when agno is not installed the default is DEFAULT (1.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

_VERSION = re.compile(r"^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.\d+)*(?:(?:a|b|rc|\.post|\.dev|\+)[\w.]*)?\s*$")


@dataclass(frozen=True, order=True)
class AgnoVersion:
    major: int
    minor: int = 0
    patch: int = 0  # a few behaviours changed within a minor release (1.7.3)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}" + (f".{self.patch}" if self.patch else "")

    @property
    def line(self) -> str:
        """The release line whose rules apply: "1.5", "1.6-1.8", "2.x" or "3.x"."""
        if self < AgnoVersion(1, 6):
            return "1.5"
        if self.major == 1:
            return "1.6-1.8"
        return "2.x" if self.major == 2 else "3.x"


DEFAULT = AgnoVersion(1, 5)
LINES = ("1.5", "1.6-1.8", "2.x", "3.x")


def parse_version(text: str) -> AgnoVersion:
    """ "1.5", "1.7.3", "2", "3.1.10", "v2.9" -> AgnoVersion; ValueError for anything else."""
    match = _VERSION.match(text)
    if match is None:
        raise ValueError(f"not an agno version: {text!r} (expected MAJOR.MINOR[.PATCH], e.g. 1.5 or 3.1.10)")
    return AgnoVersion(int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0))


def installed_version() -> AgnoVersion | None:
    """The version of the agno distribution installed here, from its metadata (agno is not imported)."""
    try:
        return parse_version(metadata.version("agno"))
    except (metadata.PackageNotFoundError, ValueError):
        return None


def resolve(given: str | AgnoVersion | None) -> tuple[AgnoVersion, str]:
    """The version to check for and where it came from: the option, the installed agno, or the default."""
    if isinstance(given, AgnoVersion):
        return given, "given"
    if given:
        return parse_version(given), "given"
    found = installed_version()
    if found is not None:
        return found, "installed agno"
    return DEFAULT, "default"
