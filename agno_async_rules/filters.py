"""Which findings are kept: `--select` / `--ignore` code prefixes, and `# agno-rules: ignore[...]` comments."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SUPPRESSION = re.compile(r"#\s*agno-rules:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)


def parse_codes(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """ "AGN101, AGN2" or ["AGN101", "AGN2"] -> ("AGN101", "AGN2")."""
    if text is None:
        return ()
    parts = text.split(",") if isinstance(text, str) else [part for item in text for part in item.split(",")]
    return tuple(part.strip().upper() for part in parts if part.strip())


def matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def selected(code: str, select: Sequence[str], ignore: Sequence[str], always: Iterable[str] = ()) -> bool:
    """Kept when it matches a --select prefix (or no --select was given, or it is one of `always`) and no
    --ignore prefix."""
    chosen = not select or matches(code, select) or code in always
    return chosen and not matches(code, ignore)


def suppressed_codes(line: str) -> tuple[str, ...] | None:
    """The codes a suppression comment on `line` silences: () for all of them, None when it has none."""
    match = _SUPPRESSION.search(line)
    if match is None:
        return None
    return parse_codes(match.group(1)) if match.group(1) is not None else ()


def is_suppressed(code: str, lines: Sequence[str], line: int) -> bool:
    if not 1 <= line <= len(lines):
        return False
    codes = suppressed_codes(lines[line - 1])
    return codes is not None and (not codes or matches(code, codes))
