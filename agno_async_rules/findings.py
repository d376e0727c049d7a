"""What the checker reports: a severity, a problem found in a tree, and a finding located in a file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, NamedTuple


class Severity(StrEnum):
    """How bad a finding is. Errors and warnings fail a run (exit 1); advice only informs."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"

    @property
    def fails(self) -> bool:
        return self is not Severity.ADVICE


class Problem(NamedTuple):
    """A rule broken at a place in one parsed source; `detail` says what exactly, in a few words."""

    code: str
    line: int
    col: int
    detail: str = ""


@dataclass(frozen=True)
class Finding:
    """One problem in one file (and, for notebooks, one cell). Lines and columns count from 1."""

    path: str
    cell: int | None
    line: int
    col: int
    code: str
    severity: Severity
    message: str

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.cell or 0, self.line, self.col, self.code)

    @property
    def location(self) -> str:
        cell = f"cell {self.cell}:" if self.cell is not None else ""
        return f"{self.path}:{cell}{self.line}:{self.col}"

    def render(self) -> str:
        return f"{self.location} {self.code} [{self.severity}] {self.message}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data
