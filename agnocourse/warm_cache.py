"""Execute the book's notebooks in parallel into Jupyter Book's execution cache: ``python -m agnocourse warm``.

Jupyter Book 1 executes the notebooks of a cold build one at a time. The course's cells mostly wait on
the offline model's latency instead of computing, so running several notebooks at once roughly halves a
cold build on two cores. This command fills the cache the build reads (``_build/.jupyter_cache``): each
notebook the build would execute, and whose code is not cached yet, runs here in its own folder with the
build's timeout, exactly as the build would run it. The build then finds every one of them cached.
A notebook that fails here is not cached, so the build runs it again and reports the failure its usual way.

A notebook whose outputs `agnocourse run` wrote for the code it holds now (its stamp, see
`agnocourse.execute`) is cached as it is, without running: nbval in `make test` checks on every change that a
fresh run reproduces those outputs. Only a notebook whose code changed since its last run executes, and
``--execute`` runs every notebook whatever its stamp says.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from fnmatch import fnmatch
from pathlib import Path

import nbformat
import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn, JupyterCacheAbstract
from jupyter_cache.cache.main import JupyterCacheBase
from jupyter_cache.executors.utils import single_nb_execution

from agnocourse import toc
from agnocourse.execute import outputs_are_of_its_code
from agnocourse.notebook_noise import strip

ROOT = Path(__file__).resolve().parents[1]
ANSI_COLOURS = re.compile(r"\x1b\[[0-9;]*m")  # the kernel colours its tracebacks


def book_notebooks(root: Path = ROOT) -> list[Path]:
    """The notebooks of the table of contents that the build executes (not those `execute` excludes)."""
    excluded = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["execute"]["exclude_patterns"]
    return [
        root / f"{name}.ipynb"
        for name in toc.pages(root)
        if (root / f"{name}.ipynb").is_file() and not any(fnmatch(f"{name}.ipynb", p) for p in excluded)
    ]


@contextmanager
def opened(cache_folder: Path) -> Iterator[JupyterCacheBase]:
    """The cache in `cache_folder`, its database closed on leaving (Python 3.13 warns of an unclosed one)."""
    cache = get_cache(cache_folder)
    try:
        yield cache
    finally:
        cache.db.dispose()


def is_cached(cache: JupyterCacheAbstract, path: Path) -> bool:
    try:
        cache.match_cache_notebook(nbformat.read(path, as_version=4))
    except KeyError:
        return False
    return True


def quiet_kernels() -> None:
    """Each kernel logs a warning about its TCP transport to the stderr it inherits; cell errors do not go there."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)


def execute(path: Path, timeout: int) -> tuple[Path, str | None, float, str | None]:
    """Run one notebook as the build would: (path, executed notebook or None, seconds, error or None)."""
    notebook = nbformat.read(path, as_version=4)
    try:
        result = single_nb_execution(notebook, cwd=str(path.parent), timeout=timeout, allow_errors=False)
    except Exception as error:  # a dead kernel, for one: the build will meet it again and report it
        return path, None, 0.0, f"{type(error).__name__}: {error}"
    executed = nbformat.writes(result.nb) if result.err is None else None
    return path, executed, result.time, result.exc_string


def warm(cache_folder: Path, notebooks: list[Path], timeout: int, jobs: int, execute_all: bool = False) -> list[Path]:
    """Cache the notebooks not yet in the cache: as they are when their outputs are of their code (unless
    `execute_all`), else executed, `jobs` at a time, each that ran clean.

    Returns the notebooks that failed; they stay out of the cache."""
    with opened(cache_folder) as cache:
        return _warm(cache, notebooks, timeout, jobs, execute_all)


def _cache(cache: JupyterCacheBase, path: Path, notebook: nbformat.NotebookNode, data: dict) -> None:
    record = cache.add_nb_to_project(str(path))
    bundle = CacheBundleIn(strip(notebook), record.uri, data=data)
    cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)


def _warm(cache: JupyterCacheBase, notebooks: list[Path], timeout: int, jobs: int, execute_all: bool) -> list[Path]:
    stale = [path for path in notebooks if not is_cached(cache, path)]
    committed = {path: nbformat.read(path, as_version=4) for path in stale}
    if not execute_all:
        ready = [path for path, notebook in committed.items() if outputs_are_of_its_code(notebook)]
        for path in ready:
            _cache(cache, path, committed[path], {"outputs": "committed, of this code"})
        stale = [path for path in stale if path not in ready]
        print(f"warm: {len(ready)} notebook(s) cached with the outputs their code gave (nbval checks them)")
    print(f"warm: {len(stale)} notebook(s) to execute, {jobs} at a time", flush=True)
    failed = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=quiet_kernels) as pool:
        for done in as_completed([pool.submit(execute, path, timeout) for path in stale]):
            path, executed, seconds, error = done.result()
            if executed is None:
                failed.append(path)
                why = " ".join(ANSI_COLOURS.sub("", error or "").strip().splitlines()[-1:])
                print(f"warm: {os.path.relpath(path)} failed ({why}); the build will run it again", file=sys.stderr)
                continue
            _cache(cache, path, nbformat.reads(executed, as_version=4), {"execution_seconds": seconds})
            print(f"warm: {os.path.relpath(path)} {seconds:.1f} s", flush=True)
    return failed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse warm", description="Fill the book's execution cache.")
    parser.add_argument("--cache", type=Path, default=ROOT / "_build" / ".jupyter_cache", help="the cache folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="notebooks run at once")
    parser.add_argument("--execute", action="store_true", help="run every notebook, even one whose outputs are current")
    args = parser.parse_args(argv)
    timeout = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["execute"]["timeout"]
    warm(args.cache, book_notebooks(), timeout, args.jobs, args.execute)
    return 0  # a failure is the build's to report, with its traceback
