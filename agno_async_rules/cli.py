"""`agno-async-rules [PATHS] [--agno-version X.Y] [--config FILE] [--select CODES] [--ignore CODES]
[--format text|json|github] [--statistics]`.

Exit status: 0 when no blocking error or warning was found (advice and non-blocking codes do not fail),
1 when at least one was, 2 for a usage error (unknown option, code or key, a path that does not exist),
3 for an internal error of the checker (one line per file it failed on; the other files are still checked).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from agno_async_rules.catalog import FILE_CODES, RULES, catalog
from agno_async_rules.config import ConfigError, apply, find_config, load_table
from agno_async_rules.engine import Report, run
from agno_async_rules.filters import parse_codes
from agno_async_rules.findings import Finding, Severity
from agno_async_rules.settings import Settings
from agno_async_rules.versions import DEFAULT, installed_version, parse_version

KNOWN_CODES = (*RULES, *FILE_CODES)
PROG = "agno-async-rules"
# Valid code can nest deeper than Python's default recursion limit (a 600-term sum, a 500-branch elif):
# the command line checks in a thread with a large stack and a raised limit, so that such code is checked.
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 60_000
T = TypeVar("T")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # raise instead of exiting
        raise UsageError(message)


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Check Python files and notebooks for the async anti-patterns of Agno code (AGN101-AGN203).",
        epilog="Exit status: 0 clean (advice and non-blocking codes pass), 1 errors or warnings found, 2 usage "
        "error, 3 internal error. Silence one line with `# agno-rules: ignore[AGN101]` (or `# agno-rules: ignore` "
        "for every code). Options also come from [tool.agno-async-rules] in the nearest pyproject.toml.",
    )
    parser.add_argument("paths", nargs="*", default=["."], help="files or folders (default: the current folder)")
    parser.add_argument(
        "--agno-version",
        metavar="X.Y",
        help=f"the agno release the code is written for (default: the installed agno's, else {DEFAULT})",
    )
    parser.add_argument("--config", type=Path, help="a pyproject.toml or TOML file with the options")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text", help="output format")
    parser.add_argument("--select", action="append", help="only these codes or prefixes, e.g. AGN1,AGN201")
    parser.add_argument("--ignore", action="append", help="skip these codes or prefixes")
    parser.add_argument("--non-blocking", action="append", help="report these codes without failing the run")
    parser.add_argument("--statistics", action="store_true", help="print how many findings of each code")
    return parser


def _check_codes(option: str, codes: Sequence[str]) -> None:
    for code in codes:
        if not any(known.startswith(code) for known in KNOWN_CODES):
            raise UsageError(f"{option}: unknown code {code!r} (known: {', '.join(KNOWN_CODES)})")


def settings_from(options: argparse.Namespace) -> tuple[Settings, str]:
    """The run's settings (config file, then options) and where its agno version came from."""
    settings, source = Settings(), "default"
    found = installed_version()
    if found is not None:
        settings, source = Settings(agno_version=found), "installed agno"
    config = options.config or find_config(Path.cwd())
    if config is not None:
        table = load_table(config)
        settings = apply(settings, table, config)
        source = f"{config.name}" if "agno-version" in table else source
    if options.agno_version:
        try:
            settings, source = replace(settings, agno_version=parse_version(options.agno_version)), "--agno-version"
        except ValueError as error:
            raise UsageError(f"--agno-version: {error}") from None
    for name in ("select", "ignore", "non_blocking"):
        given = getattr(options, name)
        if given is not None:
            codes = parse_codes(given)
            _check_codes(f"--{name.replace('_', '-')}", codes)
            settings = replace(settings, **{name: codes})
    for name in ("select", "ignore", "non_blocking"):
        _check_codes(name.replace("_", "-"), getattr(settings, name))
    return settings, source


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'advice' else 's'}"


def summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "All checks passed."
    counts = Counter(finding.severity for finding in findings)
    parts = ", ".join(_plural(counts[severity], str(severity)) for severity in Severity if counts[severity])
    return f"Found {_plural(len(findings), 'problem')} ({parts})."


def statistics(findings: Sequence[Finding], settings: Settings | None = None) -> list[str]:
    rules = catalog(settings.agno_version) if settings else RULES
    counts = Counter(finding.code for finding in findings)
    lines = []
    for code, count in sorted(counts.items()):
        rule = rules.get(code)
        title = rule.title if rule else FILE_CODES[code]
        severity = rule.severity if rule else Severity.ERROR
        lines.append(f"{count:5}  {code}  [{severity}]  {title}")
    return lines


def exit_status(findings: Sequence[Finding], settings: Settings | None = None) -> int:
    settings = settings or Settings()
    return 1 if any(finding.severity.fails and settings.blocks(finding.code) for finding in findings) else 0


def github(finding: Finding, settings: Settings) -> str:
    """A GitHub Actions workflow command: the finding as an annotation on the pull request's diff."""
    level = "error" if finding.severity.fails and settings.blocks(finding.code) else "warning"
    if finding.severity is Severity.ADVICE:
        level = "notice"
    message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    where = f"file={finding.path},line={finding.line},col={finding.col}"
    cell = f" (cell {finding.cell})" if finding.cell is not None else ""
    return f"::{level} {where},title={finding.code}{cell}::{finding.code} {message}"


def with_deep_stack(work: Callable[[], T]) -> T:
    """Run `work` in a thread with a large stack and a raised recursion limit (restored afterwards)."""
    result: list[T] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(work())
        except BaseException as error:  # handed back to the caller's thread
            failure.append(error)

    previous_limit, previous_stack = sys.getrecursionlimit(), threading.stack_size()
    try:
        threading.stack_size(_STACK_BYTES)
        sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
        thread = threading.Thread(target=target, name="agno-async-rules")
        thread.start()
        thread.join()
    except (ValueError, RuntimeError):  # a platform without settable stacks: check on this thread
        return work()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(previous_limit)
    if failure:
        raise failure[0]
    return result[0]


def _print(report: Report, options: argparse.Namespace, settings: Settings, source: str) -> None:
    findings = report.findings
    if options.format == "json":
        print(json.dumps([finding.to_dict() for finding in findings], indent=2))
    elif options.format == "github":
        for finding in findings:
            print(github(finding, settings))
    else:
        for finding in findings:
            print(finding.render())
        if options.statistics:
            print(
                "\n".join([*statistics(findings, settings), f"rules of agno {settings.agno_version.line} ({source})"])
            )
        print(summary(findings))


def main(argv: Sequence[str] | None = None, prog: str = PROG) -> int:
    try:
        options = _parser(prog).parse_args(list(sys.argv[1:] if argv is None else argv))
        settings, source = settings_from(options)
        report = with_deep_stack(lambda: run(options.paths, settings))
    except (UsageError, ConfigError, FileNotFoundError) as error:
        print(f"{prog.removeprefix('python -m ')}: {error}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    _print(report, options, settings, source)
    for error in report.errors:
        print(f"{prog.removeprefix('python -m ')}: {error.render()}", file=sys.stderr)
    return 3 if report.errors else exit_status(report.findings, settings)
