"""pytest plugin loaded by the course's own configuration: the whole test session runs offline, a notebook kernel
that dies while starting is started once more, and under nbval the longest notebooks go first."""

from __future__ import annotations

import functools
import logging
from typing import Any

from agnocourse import network

network.disable_telemetry()
network.install_guard()

# The notebooks that take longest under nbval (`make bench` times each), longest first. `make test` gives nbval's
# workers one notebook at a time in the collection order (`--dist loadfile --no-loadscope-reorder`): sent last, one
# of these would keep a worker busy alone at the end of the run. (By default xdist sends the notebooks with the most
# cells first, and these have few: the instructor kit has 10 cells and runs for 40 s.)
LONGEST_NOTEBOOKS = (
    "book/instructor.ipynb",
    "notebooks/appendix_performance.ipynb",
    "notebooks/09_testing.ipynb",
    "notebooks/11_migration.ipynb",
    "agno3/02_porting_the_capstone.ipynb",
    "notebooks/08_type_annotations.ipynb",
    "notebooks/13_production.ipynb",
    "notebooks/07_performance.ipynb",
    "notebooks/00_asyncio.ipynb",
    "notebooks/04_parallel_execution.ipynb",
)


def _start_twice(start: Any) -> Any:
    """nbval's kernel start, tried once more when the kernel dies before it answers. Kernels started at the same
    moment by parallel workers can pick the same free TCP port (jupyter_client chooses ports before the kernel binds
    them), and the loser exits; that says nothing about the notebook, whose cells then all fail."""

    @functools.wraps(start)
    def start_new_kernel(*args: Any, **kwargs: Any) -> Any:
        try:
            return start(*args, **kwargs)
        except RuntimeError as died:
            logging.getLogger(__name__).warning("notebook kernel did not start (%s); starting it once more", died)
            return start(*args, **kwargs)

    return start_new_kernel


def pytest_configure(config: Any) -> None:
    if config.pluginmanager.hasplugin("nbval"):
        import nbval.kernel

        if not hasattr(nbval.kernel.start_new_kernel, "__wrapped__"):
            nbval.kernel.start_new_kernel = _start_twice(nbval.kernel.start_new_kernel)


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    def rank(item: Any) -> int:
        path = item.path.relative_to(config.rootpath).as_posix() if item.path.is_relative_to(config.rootpath) else ""
        return LONGEST_NOTEBOOKS.index(path) if path in LONGEST_NOTEBOOKS else len(LONGEST_NOTEBOOKS)

    items.sort(key=rank)  # stable: a notebook's cells keep their order, and the other notebooks theirs
