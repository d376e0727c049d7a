"""What changes in a notebook from one run to the next without its content changing, and how to strip it:
``python -m agnocourse clean-notebooks [--check] [PATH...]``.

A kernel stamps every executed cell with four timestamps (``metadata.execution``) and the notebook with
the interpreter's exact version (``metadata.language_info.version``). Committed, they turn a one-line change
into hundreds of changed lines and make a notebook differ between two machines that print the same outputs.
Outputs, execution counts and cell ids stay: nbval compares the outputs, and the others only change when
the content does. A cell's printed text is also split into stream outputs wherever the kernel happened to flush
it; adjacent outputs of one stream are joined into one, as nbval joins them before it compares.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "solutions", "exercises", "agno3", "book")
CELL_KEYS = ("execution",)  # iopub.* and shell.* timestamps of the last run
NOTEBOOK_KEYS = (("language_info", "version"),)  # the interpreter's patch version: differs between machines


def noise(notebook: Any) -> list[str]:
    """Where the notebook carries run-to-run noise, as readable locations (empty when clean)."""
    found = [
        f"metadata.{section}.{key}"
        for section, key in NOTEBOOK_KEYS
        if key in notebook.get("metadata", {}).get(section, {})
    ]
    for index, cell in enumerate(notebook.get("cells", [])):
        found += [f"cell {index}: metadata.{key}" for key in CELL_KEYS if key in cell.get("metadata", {})]
        if _joined(cell.get("outputs", [])) != cell.get("outputs", []):
            found.append(f"cell {index}: a stream split over outputs")
    return found


def _joined(outputs: list[Any]) -> list[Any]:
    """The outputs with each run of adjacent outputs of one stream (stdout, stderr) joined into one."""
    joined: list[Any] = []
    for output in outputs:
        last = joined[-1] if joined else None
        if (
            output.get("output_type") == "stream"
            and last is not None
            and last.get("output_type") == "stream"
            and last.get("name") == output.get("name")
        ):
            joined[-1] = {**last, "text": _text(last) + _text(output)}
        else:
            joined.append(output)
    return joined


def _text(output: Any) -> str:
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def strip(notebook: Any) -> Any:
    """Remove the noise in place; returns the notebook."""
    for section, key in NOTEBOOK_KEYS:
        notebook.get("metadata", {}).get(section, {}).pop(key, None)
    for cell in notebook.get("cells", []):
        for key in CELL_KEYS:
            cell.get("metadata", {}).pop(key, None)
        if "outputs" in cell:
            cell["outputs"] = [nbformat.from_dict(output) for output in _joined(cell["outputs"])]
    return notebook


def committed(root: Path = ROOT) -> list[Path]:
    """Every notebook of the course's folders."""
    found = (path for folder in FOLDERS for path in (root / folder).rglob("*.ipynb"))
    return sorted(path for path in found if ".ipynb_checkpoints" not in path.parts)


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(path.rglob("*.ipynb"))
        else:
            yield path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse clean-notebooks", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks or folders (default: the course's notebooks)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook carries noise")
    options = parser.parse_args(argv)
    dirty = unreadable = 0
    for path in expand(options.paths) if options.paths else committed():
        try:
            notebook = nbformat.read(path, as_version=4)
        except nbformat.reader.NotJSONError:
            unreadable += 1
            print(f"{path}: not a notebook (unresolved merge conflict?): left as it is", file=sys.stderr)
            continue
        if not (where := noise(notebook)):
            continue
        dirty += 1
        if options.check:
            print(f"{path}: run-to-run noise at {', '.join(where[:3])}{' ...' if len(where) > 3 else ''}")
        else:
            nbformat.write(strip(notebook), path)
            print(f"{path}: stripped {len(where)} noisy field(s)")
    if options.check and dirty:
        print(f"{dirty} notebook(s) carry noise: run 'python -m agnocourse clean-notebooks'", file=sys.stderr)
        return 1
    return 1 if unreadable else 0
