"""The course's static rule checker: `python -m agnocourse lint` and the API graders and pages use.

It reads code as text (Python `ast`): it never imports agno nor the code it checks, and needs no network.

    check_source(source, filename) -> list[Finding]     one source string (top-level await allowed)
    check_notebook(json_text, filename) -> list[Finding] the code cells of a notebook
    check_paths(paths) -> list[Finding]                 files and folders (.py and .ipynb)
    RULES                                               code -> Rule (severity, title, section, fix, examples)
    benchmark(paths) -> dict                            files, lines, seconds, lines_per_second
"""

from agnocourse.rules.catalog import FILE_CODES, READ_ERROR, RULES, SYNTAX_ERROR, Rule
from agnocourse.rules.cli import main
from agnocourse.rules.engine import benchmark, check_notebook, check_paths, check_source
from agnocourse.rules.findings import Finding, Severity

__all__ = [
    "FILE_CODES",
    "READ_ERROR",
    "RULES",
    "SYNTAX_ERROR",
    "Finding",
    "Rule",
    "Severity",
    "benchmark",
    "check_notebook",
    "check_paths",
    "check_source",
    "main",
]
