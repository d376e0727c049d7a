"""pyright for the course: where it is, the settings it needs outside the course's own project, and the source
of classes defined in notebook cells, to hand to it as a module (chapters 8 and 9 and their checks use these)."""

from __future__ import annotations

import ast
import inspect
import linecache
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

# The chapter 8 required imports: every module the course type-checks starts with them.
REQUIRED_IMPORTS = """\
from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import uuid4

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
"""


def find_pyright() -> Path:
    """The pyright of the running interpreter's environment, else one on the PATH; FileNotFoundError if none."""
    beside = Path(sys.executable).with_name("pyright")
    if beside.exists():
        return beside
    found = shutil.which("pyright")
    if found is None:
        raise FileNotFoundError("pyright is not installed in this environment")
    return Path(found)


def course_root() -> Path:
    """The folder that holds the agnocourse package (pyright cannot see an editable install by itself)."""
    return Path(__file__).resolve().parents[1]


def pyright_config(**settings: Any) -> dict[str, Any]:
    """A pyrightconfig.json for a folder outside the course: Python 3.11, standard mode, agnocourse importable."""
    return {"pythonVersion": "3.11", "typeCheckingMode": "standard", "extraPaths": [str(course_root())], **settings}


def _class_in(text: str, name: str, line: int | None = None) -> str | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            if line is None or node.lineno <= line <= (node.end_lineno or node.lineno):
                return ast.get_source_segment(text, node) or None
    return None


def class_source(cls: type) -> str:
    """The source of `cls`, also for a class defined in a notebook cell; OSError when it cannot be found.

    On Python 3.11 `inspect.getsource` cannot find a class defined in a notebook (its module has no file), so the
    class is found again in the cell that defined one of its methods, else in the latest cell defining its name.
    """
    try:
        return inspect.getsource(cls)
    except (OSError, TypeError):
        pass
    for member in vars(cls).values():
        code = getattr(inspect.unwrap(member), "__code__", None) if callable(member) else None
        if code is not None:
            found = _class_in("".join(linecache.getlines(code.co_filename)), cls.__name__, code.co_firstlineno)
            if found:
                return found
    for filename in reversed(list(linecache.cache)):
        found = _class_in("".join(linecache.getlines(filename)), cls.__name__)
        if found:
            return found
    raise OSError(f"the source of {cls.__name__} cannot be found")


def module_text(*classes: type, header: str = REQUIRED_IMPORTS) -> str:
    """A module for pyright: the header (the required imports), then the source of each class in order."""
    parts = [header.rstrip("\n")]
    parts += [textwrap.dedent(class_source(cls)).rstrip("\n") for cls in classes]
    return "\n\n\n".join(parts) + "\n"
