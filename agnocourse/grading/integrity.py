"""Whether the learner's code has replaced part of the interpreter a check runs on.

A check runs in the learner's kernel, on the standard library, agno and the course's helpers. A notebook that
replaces one of their functions with its own (``threading.Thread.start = lambda self: None`` makes every check's
worker thread a no-op that "passes"), or installs its own import finder, trace function or IPython input
transformer, leaves nothing a check could prove. `replaced` names each such replacement: a function or class
reachable from those modules, or a hook, whose code comes from a notebook cell or from a file outside the Python
installation and the course. The grader's check cell then does not run the check (see notebook.BOOTSTRAP).

The test is where the code comes from, not whether it changed since the kernel started, so it needs nothing the
notebook could also overwrite. A mock, or a builtin in a Python class, counts as replacing the member it is bound
to when the class's source does not bind that name to a value itself (``threading.Thread.start = print``). Functions
made by ``exec`` of a string (as dataclasses makes its methods) count as the installation's, and so do the hooks the
standard library leaves to its caller (``warnings.showwarning``, ``sys.excepthook``). This finds the patches
a learner writes; a notebook written to defeat the grader itself can go further than any check that runs in the
same process can see.
"""

from __future__ import annotations

import functools
import os
import re
import site
import sys
import sysconfig
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The packages whose functions a check relies on, besides the standard library. The grader's own modules are not
# among them: they are imported afresh for every check (notebook.BOOTSTRAP).
PACKAGES = ("agno", "agnocourse", "agno_async_rules")
FRESH = ("agnocourse.grading", "agnocourse.rules", "agno_async_rules")
# Members that hold data, not code: most of what a class holds.
PLAIN = frozenset({str, int, float, bool, bytes, tuple, frozenset, type(None), dict, list, set})
# Hooks the standard library documents as the caller's to replace (and sys.*hook): a check does not rely on them.
HOOK_SLOTS = frozenset(
    {
        "warnings.showwarning",
        "warnings.formatwarning",
        "logging._logRecordFactory",
        "logging._loggerClass",
        "threading.excepthook",
    }
)


def _roots() -> tuple[str, ...]:
    """The installation's folders and the course's, each as named and as resolved (a file is named either way)."""
    paths = sysconfig.get_paths()
    course = Path(__file__).resolve().parents[1]
    found = {paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    found |= set(site.getsitepackages())
    if site.ENABLE_USER_SITE:  # pip install --user puts agno there; a virtual environment turns it off
        found.add(site.getusersitepackages())
    found |= {str(course), str(course.parent / "agno_async_rules")}
    for name in PACKAGES:  # wherever agno was imported from
        file = getattr(sys.modules.get(name), "__file__", None)
        if isinstance(file, str):
            found.add(os.path.dirname(file))
    named = {os.path.normpath(path) for path in found} | {os.path.realpath(path) for path in found}
    return tuple(path + os.sep for path in named)


ROOTS = _roots()
STDLIB = tuple(
    path + os.sep
    for path in {os.path.normpath(sysconfig.get_paths()["stdlib"]), os.path.realpath(sysconfig.get_paths()["stdlib"])}
)


@functools.cache
def trusted_file(filename: str) -> bool:
    """Code compiled from this file name is the installation's or the course's (not a cell, not the learner's)."""
    if filename.startswith(("<frozen ", "<string>")):
        return True
    if filename.startswith("<"):
        return False  # "<ipython-input-...>", "<stdin>", ...
    # The name as imported first (no system call), then resolved: a cell's file is never under a root either way.
    return filename.startswith(ROOTS) or (os.path.realpath(filename) + os.sep).startswith(ROOTS)


def _code(value: Any) -> types.CodeType | None:
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    elif isinstance(value, property):
        value = value.fget
    elif isinstance(value, types.MethodType):
        value = value.__func__
    return value.__code__ if isinstance(value, types.FunctionType) else None


def _foreign(value: Any) -> bool:
    """A function (or method, property, class) written outside the installation and the course."""
    kind = type(value)
    if kind is types.FunctionType:  # most values: first, and with no call in between
        return not trusted_file(value.__code__.co_filename)
    if kind in PLAIN or kind is types.BuiltinFunctionType:
        return False
    try:
        if isinstance(value, type):
            module = sys.modules.get(value.__module__)
            file = getattr(module, "__file__", None)
            return value.__module__ == "__main__" or (isinstance(file, str) and not trusted_file(file))
        code = _code(value)
        return code is not None and not trusted_file(code.co_filename)
    except Exception:  # an object whose attributes misbehave (a mock, a proxy) is not a function of ours
        return False


@functools.cache
def _in_stdlib(file: str) -> bool:
    if file.startswith(STDLIB) or file.startswith(ROOTS):  # as imported (no system call): one root or another
        return file.startswith(STDLIB)
    return os.path.realpath(file).startswith(STDLIB)


@functools.cache
def _source(file: str) -> str:
    try:
        return Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _binds(file: str, name: str) -> bool:
    """The source binds `name` to a value itself (``name =``, ``name:``, ``as name``)."""
    pattern = rf"(?m)^[ \t]*{re.escape(name)}[ \t]*[:=]|\bas[ \t]+{re.escape(name)}\b"
    return re.search(pattern, _source(file)) is not None


def _mock(value: Any) -> bool:
    mock = sys.modules.get("unittest.mock")
    return mock is not None and isinstance(value, mock.NonCallableMock)


def _stand_in(value: Any, name: str, file: str) -> bool:
    """The member `name` of a class defined in `file` holds something in place of what the source puts there: a mock,
    or a builtin (``threading.Thread.start = print``, ``= int``, ``= staticmethod(id)``) where the source binds no
    such name to a value (logging's Formatter binds ``converter = time.localtime``); a builtin type only where the
    source defines a method of that name. A builtin method of a type (``str.maketrans``) is not one."""
    if type(value) is types.FunctionType:  # judged by _foreign
        return False
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    if isinstance(value, functools.partial):
        value = value.func
    if _mock(value):
        return True
    if isinstance(value, types.FunctionType):
        return not trusted_file(value.__code__.co_filename)
    if isinstance(value, types.BuiltinFunctionType):
        if isinstance(value.__self__, type):
            return False
    elif not (isinstance(value, type) and value.__module__ == "builtins"):
        return False
    if value.__name__ == name:
        return False
    if isinstance(value, type) and f"def {name}(" not in _source(file):  # a type where no method of the name is
        return False
    return not _binds(file, name)


def _guarded_modules() -> Iterator[tuple[str, types.ModuleType]]:
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType) or any(name == f or name.startswith(f + ".") for f in FRESH):
            continue
        file = getattr(module, "__file__", None)
        top = name.split(".")[0]
        if not isinstance(file, str):
            standard = top in sys.stdlib_module_names  # built in, or frozen
        else:
            standard = _in_stdlib(file)
        if standard or (top in PACKAGES and isinstance(file, str) and trusted_file(file)):
            yield name, module


def _in_modules() -> Iterator[str]:
    classes: set[int] = set()
    for name, module in _guarded_modules():
        file = getattr(module, "__file__", None)
        file = file if isinstance(file, str) else None
        for attribute, value in list(vars(module).items()):
            if f"{name}.{attribute}" in HOOK_SLOTS or (name == "sys" and attribute.endswith("hook")):
                continue
            if _foreign(value) or _mock(value):
                yield f"{name}.{attribute}"
            elif isinstance(value, type) and id(value) not in classes and value.__module__ == name:
                classes.add(id(value))
                for member, found in list(vars(value).items()):
                    if type(found) in PLAIN:
                        continue
                    if _foreign(found) or (file is not None and _stand_in(found, member, file)):
                        yield f"{name}.{value.__qualname__}.{member}"


def _hooks() -> Iterator[tuple[str, Any]]:
    """Where the interpreter and IPython call code they were given: a hook counts by its code or by its class."""
    import threading

    for index, finder in enumerate(sys.meta_path):
        yield f"the import finder sys.meta_path[{index}]", finder
    for index, hook in enumerate(sys.path_hooks):
        yield f"the import hook sys.path_hooks[{index}]", hook
    yield "the trace function (sys.settrace)", sys.gettrace()
    yield "the profile function (sys.setprofile)", sys.getprofile()
    yield "the threads' trace function (threading.settrace)", threading.gettrace()
    yield "the threads' profile function (threading.setprofile)", threading.getprofile()
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    if shell is None:
        return
    for kind in ("input_transformers_cleanup", "input_transformers_post", "ast_transformers"):
        for transformer in getattr(shell, kind, []):
            yield f"IPython's {kind}", transformer


def replaced() -> list[str]:
    """What of the interpreter a check runs on is now code of the notebook (see the module docstring), in order."""
    found = list(_in_modules())
    found += [where for where, hook in _hooks() if hook is not None and (_foreign(hook) or _foreign(type(hook)))]
    return list(dict.fromkeys(found))
