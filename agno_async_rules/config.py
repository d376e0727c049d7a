"""`[tool.agno-async-rules]` in pyproject.toml (or the same keys at the top of a file given with --config):

    agno-version = "1.5"                     # the release line the code is written for
    select = ["AGN1", "AGN201"]              # only these codes or prefixes
    ignore = ["AGN202"]                      # never these
    per-file-ignores = { "tests/*" = ["AGN103"] }
    exclude = ["legacy/*", "*_generated.py"]
    non-blocking = ["AGN112"]                # reported, but the run still passes
    agent-factories = ["make_agent"]         # callables that return agents or teams, besides Agent and Team
    workflow-bases = ["BaseWorkflow"]        # the project's Workflow subclasses imported from elsewhere
    run-starters = ["start_run"]             # methods whose call in arun() sets self.run_id
    blocking-classes = ["LegacyClient"]      # classes whose every method call blocks (added to the known SDKs)
    blocking-methods = ["fetch_blocking"]    # method names that block whatever the object

Without --config the nearest pyproject.toml with such a table, from the current folder upwards, is used.
Paths in per-file-ignores and exclude are glob patterns matched against each path and its file name.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from agno_async_rules.filters import parse_codes
from agno_async_rules.settings import Settings, per_file
from agno_async_rules.versions import parse_version

TABLE = "agno-async-rules"
KEYS = frozenset(
    {"agno-version", "select", "ignore", "per-file-ignores", "exclude", "non-blocking"}
    | {"agent-factories", "workflow-bases", "run-starters", "blocking-classes", "blocking-methods"}
)


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds an unknown key or a wrong value."""


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.agno-async-rules] table."""
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and TABLE in _tool_tables(candidate):
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


def _tool_tables(path: Path) -> dict[str, Any]:
    try:
        tool = _read(path).get("tool", {})
    except ConfigError:
        return {}
    return tool if isinstance(tool, dict) else {}


def load_table(path: Path) -> Mapping[str, Any]:
    """The options in `path`: its [tool.agno-async-rules] table for a pyproject.toml, else the whole file."""
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get(TABLE)
        if table is None:
            raise ConfigError(f"{path}: no [tool.{TABLE}] table")
        return table
    return data.get("tool", {}).get(TABLE, data)


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def apply(settings: Settings, table: Mapping[str, Any], path: Path) -> Settings:
    """`settings` with the table's options laid over them."""
    unknown = set(table) - KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(KEYS))})")
    changes: dict[str, Any] = {}
    if "agno-version" in table:
        try:
            changes["agno_version"] = parse_version(str(table["agno-version"]))
        except ValueError as error:
            raise ConfigError(f"{path}: agno-version: {error}") from None
    for key in ("select", "ignore", "non-blocking"):
        if key in table:
            changes[key.replace("-", "_")] = parse_codes(_strings(path, key, table[key]))
    if "exclude" in table:
        changes["exclude"] = _strings(path, "exclude", table["exclude"])
    if "per-file-ignores" in table:
        ignores = table["per-file-ignores"]
        if not isinstance(ignores, dict):
            raise ConfigError(f"{path}: per-file-ignores must be a table of pattern = [codes]")
        changes["per_file_ignores"] = per_file({k: _strings(path, k, v) for k, v in ignores.items()})
    for key in ("agent-factories", "workflow-bases", "run-starters", "blocking-classes", "blocking-methods"):
        if key in table:
            name = key.replace("-", "_")
            changes[name] = getattr(settings, name) | frozenset(_strings(path, key, table[key]))
    return replace(settings, **changes)
