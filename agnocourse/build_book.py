"""Build the book, as `make book` and the test suite do: ``python -m agnocourse book [--execute]``.

The execution cache is filled first (`agnocourse.warm_cache`: a notebook whose committed outputs are of its code
goes in as it is, the others run), then Jupyter Book builds with warnings as errors, under the network guard.

Both `make book` and the tests build into ``_build`` with the same configuration, so the second of them is an
incremental build: Sphinx reads again only the pages that changed. That is only sound if Sphinx never keeps the
state of a build that failed: a page that warned would not be read again, and the next build would pass without
its warning. So a failed build removes Sphinx's saved environment, and the next build reads every page.

``--output FOLDER`` builds into FOLDER/_build instead, with the cache there: `make bench` times cold builds that way.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from agnocourse import warm_cache

ROOT = Path(__file__).resolve().parents[1]
BUILD = [sys.executable, "-m", "agnocourse", "offline", "--", "jupyter-book", "build", ".", "-W", "--keep-going"]


def saved_environment(output: Path) -> Path:
    """Sphinx's saved state of the last build into `output`/_build."""
    return output / "_build" / ".doctrees" / "environment.pickle"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m agnocourse book", description="Build the book into _build/html.")
    parser.add_argument("--execute", action="store_true", help="run every notebook, even one whose outputs are current")
    parser.add_argument("--output", type=Path, default=ROOT, help="build into OUTPUT/_build (make bench: a fresh one)")
    options = parser.parse_args(argv)
    output = options.output.resolve()
    warm_cache.main(["--cache", str(output / "_build" / ".jupyter_cache"), *(["--execute"] if options.execute else [])])
    sys.stdout.flush()
    status = subprocess.run([*BUILD, "--path-output", str(output)], cwd=ROOT, check=False).returncode
    if status != 0:
        saved_environment(output).unlink(missing_ok=True)
        print("book: the build failed; the next build reads every page again", file=sys.stderr)
    return status
