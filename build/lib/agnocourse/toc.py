"""The book's table of contents (`_toc.yml`): its parts, and its pages in reading order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def read(root: Path = ROOT) -> dict[str, Any]:
    return yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))


def pages(root: Path = ROOT) -> list[str]:
    """Every page, as a path without its suffix: the root page, then each part's chapters."""
    toc = read(root)
    return [toc["root"]] + [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
