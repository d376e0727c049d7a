"""Checking code: a source string, a notebook, or files and folders, into a sorted list of findings."""

from __future__ import annotations

import ast
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from agnocourse.rules.catalog import FILE_CODES, READ_ERROR, RULES, SYNTAX_ERROR
from agnocourse.rules.checks import find_problems
from agnocourse.rules.facts import collect_facts
from agnocourse.rules.filters import is_suppressed, parse_codes, selected
from agnocourse.rules.findings import Finding, Problem, Severity
from agnocourse.rules.sources import Cell, as_python, code_cells, source_files

Codes = str | Iterable[str] | None
TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


@dataclass(frozen=True)
class _Filter:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(cls, select: Codes, ignore: Codes) -> _Filter:
        return cls(parse_codes(select), parse_codes(ignore))

    def keeps(self, code: str) -> bool:
        return selected(code, self.select, self.ignore, always=FILE_CODES)


def parse(source: str, filename: str) -> ast.Module:
    """Parse like a notebook cell would run: top-level await, async for and async with are allowed. The
    tree is also compiled, which finds what the parser lets through (`async for` in a plain def, ...)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings are the code's business, not the checker's
        tree = compile(source, filename, "exec", flags=ast.PyCF_ONLY_AST | TOP_LEVEL_AWAIT, dont_inherit=True)
        compile(tree, filename, "exec", flags=TOP_LEVEL_AWAIT, dont_inherit=True)
    return tree


def _syntax_finding(error: Exception, path: str, cell: int | None) -> Finding:
    line = getattr(error, "lineno", None) or 1
    col = getattr(error, "offset", None) or 1
    reason = getattr(error, "msg", None) or str(error)
    message = f"{FILE_CODES[SYNTAX_ERROR]}: {reason} (not checked)"
    return Finding(path, cell, line, col, SYNTAX_ERROR, Severity.ERROR, message)


def _read_error(error: Exception, path: str) -> Finding:
    message = f"{FILE_CODES[READ_ERROR]}: {error}"
    return Finding(path, None, 1, 1, READ_ERROR, Severity.ERROR, message)


def _findings(
    problems: Iterable[Problem], path: str, cell: int | None, lines: list[str], keep: _Filter
) -> list[Finding]:
    unique = dict.fromkeys(problems)  # one finding per code and place, in order
    return [
        Finding(
            path,
            cell,
            problem.line,
            problem.col,
            problem.code,
            RULES[problem.code].severity,
            RULES[problem.code].message(problem.detail),
        )
        for problem in unique
        if keep.keeps(problem.code) and not is_suppressed(problem.code, lines, problem.line)
    ]


def _check_python(source: str, path: str, keep: _Filter, ipython: bool = False) -> list[Finding]:
    try:
        tree = parse(as_python(source) if ipython else source, path)
    except (SyntaxError, ValueError, RecursionError) as error:
        return [_syntax_finding(error, path, None)] if keep.keeps(SYNTAX_ERROR) else []
    problems = find_problems(tree, collect_facts([tree]), test_module=_is_test_module(path))
    return _findings(problems, path, None, source.splitlines(), keep)


def _is_test_module(path: str) -> bool:
    name = Path(path).name
    return fnmatch(name, "test_*.py") or fnmatch(name, "*_test.py") or name == "conftest.py"


def _check_notebook(text: str, path: str, keep: _Filter) -> list[Finding]:
    try:
        cells = list(code_cells(text))
    except (ValueError, AttributeError, TypeError) as error:
        return [_read_error(ValueError(f"not a Jupyter notebook ({error})"), path)] if keep.keeps(READ_ERROR) else []
    parsed: list[tuple[Cell, ast.Module]] = []
    findings: list[Finding] = []
    for cell in cells:
        try:
            parsed.append((cell, parse(cell.source, f"{path}:cell {cell.number}")))
        except (SyntaxError, ValueError, RecursionError) as error:
            if not cell.may_fail and keep.keeps(SYNTAX_ERROR):
                findings.append(_syntax_finding(error, path, cell.number))
    facts = collect_facts(tree for _, tree in parsed)  # names defined in one cell are known in the others
    for cell, tree in parsed:
        findings += _findings(find_problems(tree, facts), path, cell.number, cell.original.splitlines(), keep)
    return findings


def _sorted(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def check_source(
    source: str, filename: str = "<string>", *, select: Codes = None, ignore: Codes = None, ipython: bool = False
) -> list[Finding]:
    """Check Python source (top-level await allowed). With `ipython=True` the source is a notebook cell:
    magics and shell lines are skipped."""
    return _sorted(_check_python(source, filename, _Filter.of(select, ignore), ipython))


def check_notebook(
    text: str, filename: str = "<notebook>", *, select: Codes = None, ignore: Codes = None
) -> list[Finding]:
    """Check the code cells of a notebook given as its JSON text; findings carry the cell number."""
    return _sorted(_check_notebook(text, filename, _Filter.of(select, ignore)))


def _check_file(path: Path, keep: _Filter) -> tuple[list[Finding], int]:
    """The findings of one file, and how many lines of code were checked."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return ([_read_error(error, name)] if keep.keeps(READ_ERROR) else []), 0
    if path.suffix == ".ipynb":
        findings = _check_notebook(text, name, keep)
        try:
            lines = sum(cell.source.count("\n") + 1 for cell in code_cells(text))
        except (ValueError, AttributeError, TypeError):
            lines = 0
        return findings, lines
    return _check_python(text, name, keep), text.count("\n") + 1


def check_paths(paths: Iterable[str | Path], *, select: Codes = None, ignore: Codes = None) -> list[Finding]:
    """Check .py files and notebooks, and every one under the given folders (hidden folders, virtual
    environments and build output skipped). Raises FileNotFoundError for a path that does not exist."""
    keep = _Filter.of(select, ignore)
    return _sorted(finding for path in source_files(paths) for finding in _check_file(path, keep)[0])


def benchmark(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Check the paths once and measure it: files, lines, seconds, lines_per_second."""
    started = time.perf_counter()
    files = lines = 0
    for path in source_files(paths):
        files += 1
        lines += _check_file(path, _Filter())[1]
    seconds = time.perf_counter() - started
    return {"files": files, "lines": lines, "seconds": seconds, "lines_per_second": lines / seconds if seconds else 0.0}
