"""Execute notebooks in place so their outputs can be committed: ``python -m agnocourse run NB...``.

Authors run it after editing a chapter; nbval then checks that a fresh run gives the same outputs.
Cells tagged `raises-exception` may fail; any other failing cell stops the run with its traceback.
The notebook is written without run-to-run noise (see `agnocourse.notebook_noise`), so a run that prints
the same outputs leaves the file unchanged, and stamped with the hash of the code its outputs come from
(`metadata.agnocourse.outputs_of`): `make book` shows such outputs as they are instead of running the notebook
again (`agnocourse.warm_cache`), and runs any notebook whose code changed since.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from agnocourse.notebook_noise import strip

KERNEL = "python3"  # the main track's kernel; a notebook names another in its metadata (the agno 3 track)


def kernel_of(notebook: nbformat.NotebookNode) -> str:
    return notebook.metadata.get("kernelspec", {}).get("name", KERNEL)


def code_hash(notebook: nbformat.NotebookNode) -> str:
    """What a notebook's outputs depend on: its kernel and the source of its code cells, in order."""
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps([kernel_of(notebook), code]).encode()).hexdigest()[:16]


def outputs_are_of_its_code(notebook: nbformat.NotebookNode) -> bool:
    """Whether the outputs were written by `execute` for the code the notebook holds now."""
    return notebook.metadata.get("agnocourse", {}).get("outputs_of") == code_hash(notebook)


def execute(path: Path, timeout: int = 120) -> float:
    """Run one notebook from top to bottom in its own folder, write the outputs back; returns seconds."""
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    # The kernel is stopped at once when the last cell is done: a graceful shutdown waits 2.5 s more for a process
    # pool's resource tracker (chapter 4), which ignores the kernel's SIGTERM, and the outputs are already in.
    NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel_of(notebook),
        resources={"metadata": {"path": str(path.parent)}},
        shutdown_kernel="immediate",
    ).execute()
    elapsed = time.perf_counter() - started
    notebook.metadata.setdefault("agnocourse", {})["outputs_of"] = code_hash(notebook)
    nbformat.write(strip(notebook), path)
    return elapsed


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m agnocourse run NOTEBOOK...", file=sys.stderr)
        return 2
    for name in argv:
        print(f"{name}: {execute(Path(name)):.1f} s")
    return 0
