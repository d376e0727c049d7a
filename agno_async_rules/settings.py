"""What a run checks: the agno release, which codes, which files, and the names of the project's own agent
factories, workflow bases, run starters and blocking classes. Built from `[tool.agno-async-rules]` in
pyproject.toml and the options."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import PurePath

from agno_async_rules.filters import matches, parse_codes, selected
from agno_async_rules.versions import DEFAULT, AgnoVersion

# Callables that make agents or teams, workflow base classes, methods that open a workflow run (set
# self.run_id), and classes whose every method call blocks, known everywhere.
AGENT_FACTORIES = frozenset({"Agent", "Team"})
WORKFLOW_BASES = frozenset({"Workflow"})
RUN_STARTERS: frozenset[str] = frozenset()
BLOCKING_CLASSES = frozenset(
    {"openai.OpenAI", "openai.AzureOpenAI", "anthropic.Anthropic", "groq.Groq", "cohere.Client", "cohere.ClientV2"}
    | {"mistralai.Mistral", "httpx.Client", "requests.Session", "sqlite3.connect", "boto3.client", "boto3.resource"}
    | {"google.genai.Client", "psycopg2.connect", "pymysql.connect", "redis.Redis", "redis.StrictRedis"}
)


def _glob(pattern: str, path: str) -> bool:
    """A ruff-style file pattern: matched against the path and against its file name."""
    pure = PurePath(path)
    return fnmatch(path, pattern) or fnmatch(pure.as_posix(), pattern) or fnmatch(pure.name, pattern)


@dataclass(frozen=True)
class Settings:
    agno_version: AgnoVersion = DEFAULT
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    non_blocking: tuple[str, ...] = ()  # codes reported without failing the run
    agent_factories: frozenset[str] = AGENT_FACTORIES
    workflow_bases: frozenset[str] = WORKFLOW_BASES  # a project's own Workflow subclasses defined elsewhere
    run_starters: frozenset[str] = RUN_STARTERS  # self.<name>(...) in arun() sets self.run_id
    blocking_classes: frozenset[str] = BLOCKING_CLASSES  # also plain class names, e.g. LegacyReportTool
    blocking_methods: frozenset[str] = frozenset()
    always: frozenset[str] = field(default=frozenset())  # codes kept whatever --select says (file codes)

    def keeps(self, code: str, path: str = "") -> bool:
        if not selected(code, self.select, self.ignore, always=self.always):
            return False
        return not any(matches(code, codes) for pattern, codes in self.per_file_ignores if _glob(pattern, path))

    def excluded(self, path: str) -> bool:
        return any(_glob(pattern, path) for pattern in self.exclude) or any(
            _glob(pattern, part) for pattern in self.exclude for part in PurePath(path).parts
        )

    def blocks(self, code: str) -> bool:
        return not matches(code, self.non_blocking)


def per_file(table: Mapping[str, Iterable[str] | str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((pattern, parse_codes(codes)) for pattern, codes in table.items())
