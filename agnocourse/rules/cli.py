"""`python -m agnocourse lint [PATHS] [--format text|json] [--select CODES] [--ignore CODES] [--statistics]`.

Exit status: 0 when no error or warning was found (advice alone does not fail), 1 when at least one was,
2 for a usage error (unknown option or code, a path that does not exist).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence

from agnocourse.rules.catalog import FILE_CODES, RULES
from agnocourse.rules.engine import check_paths
from agnocourse.rules.filters import parse_codes
from agnocourse.rules.findings import Finding, Severity

KNOWN_CODES = (*RULES, *FILE_CODES)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # raise instead of exiting
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m agnocourse lint",
        description="Check Python files and notebooks against the Agno async rules (codes AGN101-AGN203).",
        epilog="Exit status: 0 clean (advice alone passes), 1 errors or warnings found, 2 usage error. "
        "Silence one line with `# agno-rules: ignore[AGN101]` (or `# agno-rules: ignore` for every code).",
    )
    parser.add_argument("paths", nargs="*", default=["."], help="files or folders (default: the current folder)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--select", action="append", help="only these codes or prefixes, e.g. AGN1,AGN201")
    parser.add_argument("--ignore", action="append", help="skip these codes or prefixes")
    parser.add_argument("--statistics", action="store_true", help="print how many findings of each code")
    return parser


def _check_codes(option: str, codes: Sequence[str]) -> None:
    for code in codes:
        if not any(known.startswith(code) for known in KNOWN_CODES):
            raise UsageError(f"{option}: unknown code {code!r} (known: {', '.join(KNOWN_CODES)})")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'advice' else 's'}"


def summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "All checks passed."
    counts = Counter(finding.severity for finding in findings)
    parts = ", ".join(_plural(counts[severity], str(severity)) for severity in Severity if counts[severity])
    return f"Found {_plural(len(findings), 'problem')} ({parts})."


def statistics(findings: Sequence[Finding]) -> list[str]:
    counts = Counter(finding.code for finding in findings)
    lines = []
    for code, count in sorted(counts.items()):
        rule = RULES.get(code)
        title = rule.title if rule else FILE_CODES[code]
        severity = rule.severity if rule else Severity.ERROR
        lines.append(f"{count:5}  {code}  [{severity}]  {title}")
    return lines


def exit_status(findings: Sequence[Finding]) -> int:
    return 1 if any(finding.severity.fails for finding in findings) else 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        options = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
        select, ignore = parse_codes(options.select), parse_codes(options.ignore)
        _check_codes("--select", select)
        _check_codes("--ignore", ignore)
        findings = check_paths(options.paths, select=select, ignore=ignore)
    except UsageError as error:
        print(f"agnocourse lint: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"agnocourse lint: {error}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else 0
    if options.format == "json":
        print(json.dumps([finding.to_dict() for finding in findings], indent=2))
    else:
        for finding in findings:
            print(finding.render())
        if options.statistics and findings:
            print("\n".join(statistics(findings)))
        print(summary(findings))
    return exit_status(findings)
