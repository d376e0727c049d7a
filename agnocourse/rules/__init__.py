"""The course's view of agno-async-rules (the `agno_async_rules` package): `python -m agnocourse lint` and
the API graders and pages use, with the course's settings: code written for agno 1.5 (the release the course
runs) and the course's own classes known (`offline_agent` makes agents; TwoPathWorkflow is a Workflow whose
start_run opens a run; SyncFinancialTools and LegacyReportTool block). pyproject.toml's
[tool.agno-async-rules] table holds the same settings for the command line; a test keeps the two equal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import agno_async_rules as _rules
from agno_async_rules import FILE_CODES, READ_ERROR, RULES, SYNTAX_ERROR, TOO_DEEP, Finding, Rule, Severity, catalog
from agno_async_rules.settings import AGENT_FACTORIES, BLOCKING_CLASSES, WORKFLOW_BASES, Settings
from agno_async_rules.versions import AgnoVersion

COURSE = Settings(
    agno_version=AgnoVersion(1, 5),
    agent_factories=AGENT_FACTORIES | {"offline_agent"},
    workflow_bases=WORKFLOW_BASES | {"TwoPathWorkflow"},
    run_starters=frozenset({"start_run"}),
    blocking_classes=BLOCKING_CLASSES | {"SyncFinancialTools", "LegacyReportTool"},
    blocking_methods=frozenset({"blocking_method"}),
)

check_source = partial(_rules.check_source, settings=COURSE)
check_notebook = partial(_rules.check_notebook, settings=COURSE)
check_paths = partial(_rules.check_paths, settings=COURSE)


def benchmark(paths: Iterable[str | Path]) -> dict[str, Any]:
    return _rules.benchmark(paths, settings=COURSE)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m agnocourse lint`: the checker's command line (it reads the course's pyproject.toml)."""
    return _rules.main(argv, prog="python -m agnocourse lint")


__all__ = [
    "COURSE",
    "FILE_CODES",
    "READ_ERROR",
    "RULES",
    "SYNTAX_ERROR",
    "TOO_DEEP",
    "Finding",
    "Rule",
    "Severity",
    "benchmark",
    "catalog",
    "check_notebook",
    "check_paths",
    "check_source",
    "main",
]
