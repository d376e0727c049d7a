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

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow
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


def _defining_files(cls: type) -> list[str]:
    """The files (or notebook cells, as linecache names them) that may hold the definition of `cls`, best first."""
    files = []
    for member in vars(cls).values():
        code = getattr(inspect.unwrap(member), "__code__", None) if callable(member) else None
        if code is not None and code.co_filename not in files:
            files.append(code.co_filename)
    return files + [name for name in reversed(list(linecache.cache)) if name not in files]


def class_source(cls: type) -> str:
    """The source of `cls`, also for a class defined in a notebook cell; OSError when it cannot be found.

    On Python 3.11 `inspect.getsource` cannot find a class defined in a notebook (its module has no file), so the
    class is found again in the cell that defined one of its methods, else in the latest cell defining its name.
    """
    try:
        return inspect.getsource(cls)
    except (OSError, TypeError):
        pass
    for filename in _defining_files(cls):
        found = _class_in("".join(linecache.getlines(filename)), cls.__name__)
        if found:
            return found
    raise OSError(f"the source of {cls.__name__} cannot be found")


def defining_cell(cls: type) -> tuple[str, str] | None:
    """(name, text) of the notebook cell that defines `cls`, or None for a class defined in a file on disk.

    A notebook cell lives only in linecache (IPython registers each cell's text under a name of its own).
    """
    module_file = getattr(sys.modules.get(cls.__module__), "__file__", None)
    for filename in _defining_files(cls):
        text = "".join(linecache.getlines(filename))
        if not _class_in(text, cls.__name__):
            continue
        if Path(filename).is_file() or (filename == module_file):
            return None
        return filename, text
    return None


_DEFINITIONS = (
    ast.Import,
    ast.ImportFrom,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Assign,
    ast.AnnAssign,
)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _awaits_at_top_level(node: ast.AST) -> bool:
    """`node` awaits outside any function body (top-level await, as a notebook cell allows), an `async for` or
    `async with` included; an await inside a function it defines does not count."""
    if isinstance(node, _SCOPES):
        return False
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Await | ast.AsyncFor | ast.AsyncWith):
            return True
        if isinstance(child, ast.comprehension) and child.is_async:
            return True
        if _awaits_at_top_level(child):
            return True
    return False


def definitions(text: str) -> str:
    """A cell's definitions (imports, functions, classes, assignments), each on its own lines; the rest of the
    cell (calls such as check(...), top-level await, IPython's magics, `from __future__` imports) blanked, so line
    numbers stay the cell's."""
    lines = text.splitlines()
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    keep: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue  # allowed only at the top of a module, which the cell is not once it follows the imports
        if isinstance(node, _DEFINITIONS) and not _awaits_at_top_level(node):
            first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            keep.update(range(first, (node.end_lineno or node.lineno) + 1))
    spans = [(n.lineno, n.end_lineno or n.lineno) for n in tree.body]
    inside = {line for start, end in spans for line in range(start, end + 1)}
    return "\n".join(
        line if number in keep or number not in inside else "" for number, line in enumerate(lines, start=1)
    )


def module_text(*classes: type, header: str = REQUIRED_IMPORTS) -> str:
    """A module for pyright: the header (the required imports), then the source of each class in order."""
    parts = [header.rstrip("\n")]
    parts += [textwrap.dedent(class_source(cls)).rstrip("\n") for cls in classes]
    return "\n\n\n".join(parts) + "\n"
