"""Checking code: a source string, a notebook, or files and folders, into a sorted list of findings.

Nothing here raises on what it reads: a file that cannot be read, parsed, or is nested too deeply for the
checker's recursion gives one finding (E902, E999, E903) and the other files are still checked. An error
of the checker itself on one file is kept as an InternalError (the command line exits 3 and names the file).
"""

from __future__ import annotations

import ast
import time
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from agno_async_rules.catalog import FILE_CODES, READ_ERROR, SYNTAX_ERROR, TOO_DEEP, Rule, catalog
from agno_async_rules.checks import find_problems
from agno_async_rules.facts import collect_facts
from agno_async_rules.filters import is_suppressed, parse_codes
from agno_async_rules.findings import Finding, Problem, Severity
from agno_async_rules.settings import Settings
from agno_async_rules.sources import Cell, as_python, code_cells, python_lines, read_source, source_files
from agno_async_rules.versions import AgnoVersion, resolve

Codes = str | Iterable[str] | None
TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
_UNPARSEABLE = (SyntaxError, ValueError, MemoryError)


class TooDeepError(Exception):
    """The code is valid but nested deeper than the checker can follow with Python's recursion limit."""


@dataclass(frozen=True)
class InternalError:
    """The checker failed on one file: a bug to report, never a finding about the code."""

    path: str
    error: BaseException

    def render(self) -> str:
        return f"{self.path}: internal error: {type(self.error).__name__}: {self.error}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InternalError] = field(default_factory=list)
    files: int = 0
    lines: int = 0


def settings_for(
    settings: Settings | None = None,
    *,
    select: Codes = None,
    ignore: Codes = None,
    agno_version: str | AgnoVersion | None = None,
) -> Settings:
    """Settings with the options given here laid over `settings` (the version resolved if it is not given)."""
    base = settings or Settings(agno_version=resolve(agno_version)[0])
    changes: dict[str, Any] = {"always": frozenset(FILE_CODES)}
    if select is not None:
        changes["select"] = parse_codes(select)
    if ignore is not None:
        changes["ignore"] = parse_codes(ignore)
    if agno_version is not None:
        changes["agno_version"] = resolve(agno_version)[0]
    return replace(base, **changes)


def parse(source: str, filename: str) -> ast.Module:
    """Parse like a notebook cell would run: top-level await, async for and async with are allowed. The
    tree is also compiled, which finds what the parser lets through (`async for` in a plain def, ...).
    Raises TooDeepError for valid code nested beyond the recursion limit."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings are the code's business, not the checker's
        try:
            tree = compile(source, filename, "exec", flags=ast.PyCF_ONLY_AST | TOP_LEVEL_AWAIT, dont_inherit=True)
            compile(tree, filename, "exec", flags=TOP_LEVEL_AWAIT, dont_inherit=True)
        except RecursionError as error:
            raise TooDeepError(str(error)) from None
        except SyntaxError as error:
            if "too complex" in str(error):  # the parser's own stack, on code Python could still run
                raise TooDeepError(str(error)) from None
            raise
    return tree


def _file_finding(code: str, reason: str, path: str, cell: int | None, line: int = 1, col: int = 1) -> Finding:
    return Finding(path, cell, line, col, code, Severity.ERROR, f"{FILE_CODES[code]}: {reason}")


def _syntax_finding(error: Exception, path: str, cell: int | None) -> Finding:
    line = getattr(error, "lineno", None) or 1
    col = getattr(error, "offset", None) or 1
    reason = getattr(error, "msg", None) or str(error)
    return _file_finding(SYNTAX_ERROR, f"{reason} (not checked)", path, cell, max(line, 1), max(col, 1))


def _too_deep(path: str, cell: int | None) -> Finding:
    return _file_finding(
        TOO_DEEP,
        "nested beyond what this Python's compiler or the checker's recursion can read (not checked)",
        path,
        cell,
    )


class _Checker:
    """One run's settings and rules, applied to sources."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules: dict[str, Rule] = dict(catalog(settings.agno_version))

    def keeps(self, code: str, path: str) -> bool:
        return (code in FILE_CODES or code in self.rules) and self.settings.keeps(code, path)

    def findings(self, problems: Iterable[Problem], path: str, cell: int | None, lines: list[str]) -> list[Finding]:
        unique = dict.fromkeys(problems)  # one finding per code and place, in order
        return [
            Finding(
                path,
                cell,
                problem.line,
                problem.col,
                problem.code,
                self.rules[problem.code].severity,
                self.rules[problem.code].message(problem.detail),
            )
            for problem in unique
            if self.keeps(problem.code, path) and not is_suppressed(problem.code, lines, problem.line)
        ]

    def file_findings(self, findings: Iterable[Finding], path: str) -> list[Finding]:
        return [finding for finding in findings if self.keeps(finding.code, path)]

    def python(self, source: str, path: str, ipython: bool = False) -> list[Finding]:
        try:
            tree = parse(as_python(source) if ipython else source, path)
            problems = find_problems(tree, collect_facts([tree], self.settings), test_module=_is_test_module(path))
        except TooDeepError:
            return self.file_findings([_too_deep(path, None)], path)
        except RecursionError:
            return self.file_findings([_too_deep(path, None)], path)
        except _UNPARSEABLE as error:
            return self.file_findings([_syntax_finding(error, path, None)], path)
        return self.findings(problems, path, None, python_lines(source))

    def notebook(self, text: str, path: str) -> list[Finding]:
        try:
            cells = list(code_cells(text))
        except (ValueError, AttributeError, TypeError) as error:
            return self.file_findings(
                [_file_finding(READ_ERROR, f"not a Jupyter notebook ({error})", path, None)], path
            )
        parsed: list[tuple[Cell, ast.Module]] = []
        findings: list[Finding] = []
        for cell in cells:
            try:
                parsed.append((cell, parse(cell.source, f"{path}:cell {cell.number}")))
            except TooDeepError:
                findings.append(_too_deep(path, cell.number))
            except _UNPARSEABLE as error:
                if not cell.may_fail:
                    findings.append(_syntax_finding(error, path, cell.number))
        try:
            facts = collect_facts((tree for _, tree in parsed), self.settings)  # names of one cell known in all
            for cell, tree in parsed:
                problems = find_problems(tree, facts)
                findings += self.findings(problems, path, cell.number, python_lines(cell.original))
        except RecursionError:
            findings.append(_too_deep(path, None))
        return self.file_findings(findings, path)

    def file(self, path: Path) -> tuple[list[Finding], int]:
        """The findings of one file, and how many lines of code were checked."""
        name = str(path)
        try:
            text = read_source(path)
        except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as error:
            return self.file_findings([_file_finding(READ_ERROR, str(error), name, None)], name), 0
        if path.suffix == ".ipynb":
            try:
                lines = sum(cell.source.count("\n") + 1 for cell in code_cells(text))
            except (ValueError, AttributeError, TypeError):
                lines = 0
            return self.notebook(text, name), lines
        return self.python(text, name), len(python_lines(text))


def _is_test_module(path: str) -> bool:
    name = Path(path).name
    return fnmatch(name, "test_*.py") or fnmatch(name, "*_test.py") or name == "conftest.py"


def _sorted(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def check_source(
    source: str,
    filename: str = "<string>",
    *,
    select: Codes = None,
    ignore: Codes = None,
    ipython: bool = False,
    agno_version: str | AgnoVersion | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Check Python source (top-level await allowed). With `ipython=True` the source is a notebook cell:
    magics and shell lines are skipped. `agno_version` ("1.5", "2.9", ...): the release the code is written
    for (default: the installed agno's, else 1.5)."""
    checker = _Checker(settings_for(settings, select=select, ignore=ignore, agno_version=agno_version))
    return _sorted(checker.python(source, filename, ipython))


def check_notebook(
    text: str,
    filename: str = "<notebook>",
    *,
    select: Codes = None,
    ignore: Codes = None,
    agno_version: str | AgnoVersion | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Check the code cells of a notebook given as its JSON text; findings carry the cell number."""
    checker = _Checker(settings_for(settings, select=select, ignore=ignore, agno_version=agno_version))
    return _sorted(checker.notebook(text, filename))


def run(paths: Iterable[str | Path], settings: Settings) -> Report:
    """Check files and folders, file by file: an internal error on one file is kept and the others are checked.
    Raises FileNotFoundError for a path that does not exist."""
    checker = _Checker(settings_for(settings))
    report = Report()
    for path in source_files(paths, settings.excluded):
        report.files += 1
        try:
            findings, lines = checker.file(path)
        except Exception as error:  # a bug in a check: reported per file, never lost with the other findings
            report.errors.append(InternalError(str(path), error))
            continue
        report.findings += findings
        report.lines += lines
    report.findings = _sorted(report.findings)
    return report


def check_paths(
    paths: Iterable[str | Path],
    *,
    select: Codes = None,
    ignore: Codes = None,
    agno_version: str | AgnoVersion | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Check .py files and notebooks, and every one under the given folders (hidden folders, virtual
    environments and build output skipped). Raises FileNotFoundError for a path that does not exist."""
    return run(paths, settings_for(settings, select=select, ignore=ignore, agno_version=agno_version)).findings


def benchmark(
    paths: Iterable[str | Path], agno_version: str | AgnoVersion | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Check the paths once and measure it: files, lines, seconds (wall and CPU), lines_per_second (wall),
    findings per code, internal errors."""
    started, cpu_started = time.perf_counter(), time.process_time()
    report = run(paths, settings_for(settings, agno_version=agno_version))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "files": report.files,
        "lines": report.lines,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,  # on a busy machine the wall time says more about the machine
        "lines_per_second": report.lines / seconds if seconds else 0.0,
        "codes": dict(sorted(Counter(finding.code for finding in report.findings).items())),
        "internal_errors": len(report.errors),
    }
