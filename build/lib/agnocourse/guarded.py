"""Run a console command in this process with the network guard on: ``python -m agnocourse offline -- CMD``.

Used for the book build, so that Sphinx and everything it imports run offline as the kernels do.
"""

from __future__ import annotations

import sys
from importlib.metadata import entry_points

from agnocourse import network


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print("usage: python -m agnocourse offline -- COMMAND [ARGS]", file=sys.stderr)
        return 2
    found = entry_points(group="console_scripts", name=argv[0])
    if not found:
        print(f"agnocourse offline: no console command named {argv[0]!r} in this environment", file=sys.stderr)
        return 2
    command = next(iter(found)).load()
    network.install_guard()
    sys.argv = argv
    try:
        result = command()
    except SystemExit as stop:
        result = stop.code
    return result if isinstance(result, int) else (0 if result is None else 1)
