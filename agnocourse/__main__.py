"""The course's command line: ``python -m agnocourse COMMAND``.

Each command lives in its own module and is imported only when used, so `lint` never imports agno.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "lint": ("agnocourse.rules", "check code against the rules (one code per rule)"),
    "grade": ("agnocourse.grading.cli", "grade exercise notebooks and print a scoreboard"),
    "exercises": ("agnocourse.exercises", "generate exercises/ from solutions/ (--check: verify sync)"),
    "run": ("agnocourse.execute", "execute notebooks in place, so their outputs can be committed"),
    "clean-notebooks": ("agnocourse.notebook_noise", "strip run-to-run noise from notebooks (--check: only report)"),
    "book": ("agnocourse.build_book", "build the book into _build/html (--execute: run every notebook)"),
    "warm": ("agnocourse.warm_cache", "execute the book's notebooks in parallel into its execution cache"),
    "offline": ("agnocourse.guarded", "run a command with the network guard on: offline -- CMD ARGS"),
    "bench": ("agnocourse.bench", "measure setup, builds, tests and every notebook"),
    "errata-matrix": ("agnocourse.errata_matrix", "probe every erratum on agno 1.5.10, 1.8.4, 2.9.0 and 3.1.10"),
}


def usage() -> str:
    lines = ["usage: python -m agnocourse COMMAND [ARGS]", "", "commands:"]
    lines += [f"  {name:<10} {summary}" for name, (_, summary) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(usage())
        return 0 if args else 2
    if args[0] not in COMMANDS:
        print(f"agnocourse: unknown command {args[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args[0]][0])
    return module.main(args[1:])


if __name__ == "__main__":
    sys.exit(main())
