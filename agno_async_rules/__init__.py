"""agno-async-rules: a static checker for the async anti-patterns of code written with the Agno agent framework.

It reads code as text (Python `ast`): it imports neither agno nor the code it checks, needs no network and no
third-party package, and importing it changes nothing in the caller's process.

    check_source(source, filename, agno_version=...) -> list[Finding]   one source string (top-level await allowed)
    check_notebook(json_text, filename, ...) -> list[Finding]            the code cells of a notebook
    check_paths(paths, ...) -> list[Finding]                             files and folders (.py and .ipynb)
    RULES                                    code -> Rule (severity, title, section, fix, examples, versions)
    catalog(version) -> Mapping[str, Rule]   the rules that apply to one agno release, with its texts
    benchmark(paths) -> dict                 files, lines, seconds, lines_per_second, findings per code
"""

from agno_async_rules.catalog import FILE_CODES, READ_ERROR, RULES, SYNTAX_ERROR, TOO_DEEP, Rule, catalog
from agno_async_rules.cli import main
from agno_async_rules.engine import benchmark, check_notebook, check_paths, check_source
from agno_async_rules.findings import Finding, Severity
from agno_async_rules.settings import Settings
from agno_async_rules.versions import DEFAULT, LINES, AgnoVersion, parse_version

__version__ = "0.2.0"
__all__ = [
    "DEFAULT",
    "FILE_CODES",
    "LINES",
    "READ_ERROR",
    "RULES",
    "SYNTAX_ERROR",
    "TOO_DEEP",
    "AgnoVersion",
    "Finding",
    "Rule",
    "Settings",
    "Severity",
    "benchmark",
    "catalog",
    "check_notebook",
    "check_paths",
    "check_source",
    "main",
    "parse_version",
]
