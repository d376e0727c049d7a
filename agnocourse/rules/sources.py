"""Where code to check comes from: files found under the given paths, and the code cells of notebooks with
IPython syntax (magics, shell escapes) blanked out so the cell parses as Python."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".py", ".ipynb")
SKIPPED_FOLDERS = frozenset({".venv", "venv", "_build", "__pycache__", "node_modules", "build", "dist"})

# `%magic`, `%%cell magic`, `!shell`, `files = !ls` / `result = %time f()` and `obj?`: IPython, not Python.
_IPYTHON_LINE = re.compile(r"^(\s*)(?:[%!]|[A-Za-z_][\w,\s]*=\s*[%!]|[\w.]+\?\??\s*$)")


@dataclass(frozen=True)
class Cell:
    number: int  # the cell's position in the notebook, counting every cell from 1
    source: str  # the cell as Python: IPython lines replaced by `pass`, so line numbers stay
    original: str  # the cell as written (suppression comments are read from it)
    may_fail: bool  # tagged raises-exception: a syntax error there is part of the lesson


def as_python(source: str) -> str:
    """The cell with every IPython line replaced by `pass` at the same indentation."""
    return "\n".join(
        f"{match.group(1)}pass" if (match := _IPYTHON_LINE.match(line)) else line for line in source.split("\n")
    )


def code_cells(notebook_text: str) -> Iterator[Cell]:
    """The code cells of a notebook (nbformat 4 JSON); a cell that starts with a %%cell magic is skipped."""
    notebook = json.loads(notebook_text)
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        if text.lstrip().startswith("%%"):
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        yield Cell(number, as_python(text), text, "raises-exception" in tags)


def _files_under(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS)
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield Path(root, name)


def source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The .py and .ipynb files named, or found under the folders named (skipping hidden folders, virtual
    environments and build output). Raises FileNotFoundError for a path that does not exist."""
    for given in map(Path, paths):
        if given.is_dir():
            yield from _files_under(given)
        elif given.is_file():
            yield given
        else:
            raise FileNotFoundError(f"no such file or folder: {given}")
