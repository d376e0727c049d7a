"""Where code to check comes from: the regular files found under the given paths, read with the encoding
Python would use (PEP 263), and the code cells of notebooks with IPython syntax (magics, shell escapes)
blanked out so the cell parses as Python."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import tokenize
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".py", ".ipynb")
SKIPPED_FOLDERS = frozenset({".venv", "venv", "_build", "__pycache__", "node_modules", "build", "dist"})
MAX_BYTES = 20_000_000  # a larger "source" file is not code anyone wrote

# `%magic`, `%%cell magic`, `!shell`, `files = !ls` / `result = %time f()` and `obj?`: IPython, not Python.
_IPYTHON_LINE = re.compile(r"^(\s*)(?:[%!]|[A-Za-z_][\w,\s]*=\s*[%!]|[\w.]+\?\??\s*$)")
# Python's own line ends: a form feed or a vertical tab does not end a line (str.splitlines says it does).
_LINE_END = re.compile(r"\r\n|\r|\n")


class NotRegularFileError(OSError):
    """A path that is a FIFO, a socket or a device: reading it could block forever."""


@dataclass(frozen=True)
class Cell:
    number: int  # the cell's position in the notebook, counting every cell from 1
    source: str  # the cell as Python: IPython lines replaced by `pass`, so line numbers stay
    original: str  # the cell as written (suppression comments are read from it)
    may_fail: bool  # tagged raises-exception: a syntax error there is part of the lesson


def python_lines(source: str) -> list[str]:
    """The source split where Python's tokenizer ends lines, so line N here is line N of a traceback."""
    return _LINE_END.split(source)


def as_python(source: str) -> str:
    """The cell with every IPython line replaced by `pass` at the same indentation."""
    return "\n".join(
        f"{match.group(1)}pass" if (match := _IPYTHON_LINE.match(line)) else line for line in python_lines(source)
    )


def code_cells(notebook_text: str) -> Iterator[Cell]:
    """The code cells of a notebook (nbformat 4 JSON); a cell that starts with a %%cell magic is skipped.
    Raises ValueError for text that is not a notebook (also JSON nested too deep to read)."""
    try:
        notebook = json.loads(notebook_text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells", []), list):
        raise ValueError("no list of cells")
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(map(str, source)) if isinstance(source, list) else str(source)
        if text.lstrip().startswith("%%"):
            continue
        metadata = cell.get("metadata")
        tags = metadata.get("tags", []) if isinstance(metadata, dict) else []
        yield Cell(number, as_python(text), text, isinstance(tags, list) and "raises-exception" in tags)


def read_source(path: Path) -> str:
    """A regular file's text: a .py file decoded as Python decodes it (BOM, PEP 263 coding line, else UTF-8),
    a notebook as UTF-8. Raises NotRegularFileError for a FIFO, socket or device, OSError or
    UnicodeDecodeError / SyntaxError (an unknown coding) when it cannot be read."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise NotRegularFileError(f"not a regular file: {path}")
    if status.st_size > MAX_BYTES:
        raise OSError(f"larger than {MAX_BYTES // 1_000_000} MB: {path}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # never wait on a file swapped for a FIFO since stat
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as file:
        data = file.read()
    if path.suffix == ".ipynb":
        return data.decode("utf-8-sig")
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _files_under(folder: Path, excluded: Callable[[str], bool]) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and name not in SKIPPED_FOLDERS and not excluded(os.path.join(root, name))
        )
        for name in sorted(files):
            path = Path(root, name)
            if name.endswith(SUFFIXES) and not name.startswith(".") and not excluded(str(path)) and _is_regular(path):
                yield path


def source_files(paths: Iterable[str | Path], excluded: Callable[[str], bool] = lambda _: False) -> Iterator[Path]:
    """The .py and .ipynb regular files named, or found under the folders named (skipping hidden folders,
    virtual environments, build output and excluded paths; a file named explicitly is skipped when excluded
    too, since pre-commit names every file). Raises FileNotFoundError for a path that does not exist."""
    for given in map(Path, paths):
        if given.is_dir():
            yield from _files_under(given, excluded)
        elif given.exists():
            if not excluded(str(given)):
                yield given  # read_source reports a FIFO or device instead of opening it
        else:
            raise FileNotFoundError(f"no such file or folder: {given}")
