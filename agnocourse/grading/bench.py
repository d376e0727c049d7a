"""How long grading takes: one chapter notebook, and a room of 30 copies of it graded with 2 jobs."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from agnocourse.grading.cli import default_solutions, grade_many
from agnocourse.grading.runner import grade

CHAPTER = "01_core_principles.ipynb"


def benchmark(classroom: bool = True, copies: int = 30, jobs: int = 2) -> dict[str, float]:
    """Seconds to grade the chapter 1 solutions once and, with `classroom`, `copies` of it with `jobs` jobs."""
    source = default_solutions() / CHAPTER
    started = time.perf_counter()
    grade(source, source)
    figures = {"grade one chapter notebook": time.perf_counter() - started}
    if classroom:
        with tempfile.TemporaryDirectory(prefix="agnocourse-bench-") as folder:
            paths = []
            for index in range(copies):
                path = Path(folder) / f"learner{index:02d}" / CHAPTER
                path.parent.mkdir()
                shutil.copyfile(source, path)
                paths.append(path)
            started = time.perf_counter()
            grade_many(paths, source.parent, timeout=30, jobs=jobs, quiet=True)
            figures[f"grade {copies} notebooks, {jobs} jobs"] = time.perf_counter() - started
    return figures
