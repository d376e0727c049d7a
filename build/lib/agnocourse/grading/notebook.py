"""What the grader reads from a notebook: its check cells, and which code cells belong to which exercise."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat


class NotANotebookError(ValueError):
    """The file cannot be read as a Jupyter notebook."""


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    points: int


def read(path: Path) -> Any:
    try:
        with warnings.catch_warnings():  # e.g. duplicated cell ids: nbformat repairs them, grading goes on
            warnings.simplefilter("ignore")
            notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several unrelated types for a file that is not a notebook
        raise NotANotebookError(f"{path}: not a Jupyter notebook ({type(error).__name__}: {error})") from None
    if not isinstance(notebook.get("cells"), list):
        raise NotANotebookError(f"{path}: not a Jupyter notebook (no cells)")
    return notebook


def code_cells(notebook: Any) -> list[Any]:
    """Code cells in order; nbval numbers them the same way ("Cell N", from 0)."""
    return [cell for cell in notebook.cells if cell.get("cell_type") == "code"]


def check_meta(cell: Any) -> dict[str, Any] | None:
    meta = cell.get("metadata", {}).get("agnocourse")
    return meta if isinstance(meta, dict) and "exercise" in meta else None


def exercises(notebook: Any) -> list[Exercise]:
    """The exercises of a (solutions) notebook, in order, each once."""
    found: dict[str, Exercise] = {}
    for cell in code_cells(notebook):
        meta = check_meta(cell)
        if meta is not None and str(meta["exercise"]) not in found:
            id = str(meta["exercise"])
            found[id] = Exercise(id, str(meta.get("title", "")), int(meta.get("points", 1)))
    return list(found.values())


def layout(notebook: Any) -> tuple[dict[str, int], dict[int, str]]:
    """Where each exercise's (first) check cell is, and which exercise each code cell belongs to.

    A code cell belongs to the exercise of the next check cell; the first code cell is the setup and
    belongs to none, nor do cells after the last check cell. A duplicated check cell counts once: the first.
    """
    checks: dict[str, int] = {}
    owner: dict[int, str] = {}
    pending: list[int] = []
    for index, cell in enumerate(code_cells(notebook)):
        if index == 0:
            continue
        meta = check_meta(cell)
        if meta is None:
            pending.append(index)
            continue
        id = str(meta["exercise"])
        checks.setdefault(id, index)
        for waiting in [*pending, index]:
            owner[waiting] = id
        pending = []
    return checks, owner
