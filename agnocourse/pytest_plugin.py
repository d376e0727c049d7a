"""pytest plugin loaded by the course's own configuration: the whole test session runs offline, and a notebook
kernel that dies while starting is started once more."""

from __future__ import annotations

import functools
import logging
from typing import Any

from agnocourse import network

network.disable_telemetry()
network.install_guard()


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
