"""Execute the book's notebooks in parallel into Jupyter Book's execution cache: ``python -m agnocourse warm``.

Jupyter Book 1 executes the notebooks of a cold build one at a time. The course's cells mostly wait on
the offline model's latency instead of computing, so running several notebooks at once roughly halves a
cold build on two cores. This command fills the cache the build reads (``_build/.jupyter_cache``): each
notebook the build would execute, and whose code is not cached yet, runs here in its own folder with the
build's timeout, exactly as the build would run it. The build then finds every one of them cached.
A notebook that fails here is not cached, so the build runs it again and reports the failure its usual way.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from fnmatch import fnmatch
from pathlib import Path

import nbformat
import yaml
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn, JupyterCacheAbstract
from jupyter_cache.executors.utils import single_nb_execution

from agnocourse import toc

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


def warm(cache_folder: Path, notebooks: list[Path], timeout: int, jobs: int) -> list[Path]:
    """Execute the notebooks not yet in the cache, `jobs` at a time, and cache each that ran clean.

    Returns the notebooks that failed; they stay out of the cache."""
    cache = get_cache(cache_folder)
    stale = [path for path in notebooks if not is_cached(cache, path)]
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
            record = cache.add_nb_to_project(str(path))
            notebook = nbformat.reads(executed, as_version=4)
            bundle = CacheBundleIn(notebook, record.uri, data={"execution_seconds": seconds})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            print(f"warm: {os.path.relpath(path)} {seconds:.1f} s", flush=True)
    return failed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse warm", description="Fill the book's execution cache.")
    parser.add_argument("--cache", type=Path, default=ROOT / "_build" / ".jupyter_cache", help="the cache folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="notebooks run at once")
    args = parser.parse_args(argv)
    timeout = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["execute"]["timeout"]
    warm(args.cache, book_notebooks(), timeout, args.jobs)
    return 0  # a failure is the build's to report, with its traceback
