"""Execute notebooks in place so their outputs can be committed: ``python -m agnocourse run NB...``.

Authors run it after editing a chapter; nbval then checks that a fresh run gives the same outputs.
Cells tagged `raises-exception` may fail; any other failing cell stops the run with its traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL = "python3"  # the main track's kernel; a notebook names another in its metadata (the agno 3 track)


def kernel_of(notebook: nbformat.NotebookNode) -> str:
    return notebook.metadata.get("kernelspec", {}).get("name", KERNEL)


def execute(path: Path, timeout: int = 120) -> float:
    """Run one notebook from top to bottom in its own folder, write the outputs back; returns seconds."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(
        notebook, timeout=timeout, kernel_name=kernel_of(notebook), resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    elapsed = time.perf_counter() - started
    nbformat.write(notebook, path)
    return elapsed


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m agnocourse run NOTEBOOK...", file=sys.stderr)
        return 2
    for name in argv:
        print(f"{name}: {execute(Path(name)):.1f} s")
    return 0
