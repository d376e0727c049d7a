"""What the grader reads from a notebook, and the copy it runs: the learner's answers with the course's checks.

A learner's notebook supplies answers only. `seal` builds the copy the grader runs: every check cell of the
learner's notebook is replaced by the grader's own check of the same exercise, made from the solutions
notebook's check cell, and any other cell labelled as a check cell is emptied. `Sealed.altered` says, per
exercise, how the learner's check cells differ from the originals (edited, duplicated, relabelled, moved,
deleted), so that the grader can report it.

The grader's check cell does not call the notebook's ``check``: it imports the course's checks afresh (the
grading and rules modules a notebook may have patched are set aside while it runs), runs the check under
its own time limit and, only when it passed, prints a token derived from a key that exists only in that
cell. The grader counts a check as passed when the cell ended without an error and printed that token.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import hmac
import secrets
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

TOKEN_PREFIX = "agnocourse-grader-token:"


class NotANotebookError(ValueError):
    """The file cannot be read as a Jupyter notebook."""


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    points: int


def read(path: Path) -> Any:
    try:
        with warnings.catch_warnings():  # e.g. duplicated cell ids: nbformat repairs them, grading goes on
            warnings.simplefilter("ignore")
            notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several unrelated types for a file that is not a notebook
        raise NotANotebookError(f"{path}: not a Jupyter notebook ({type(error).__name__}: {error})") from None
    if not isinstance(notebook.get("cells"), list):
        raise NotANotebookError(f"{path}: not a Jupyter notebook (no cells)")
    return notebook


def code_cells(notebook: Any) -> list[Any]:
    """Code cells in order; nbval numbers them the same way ("Cell N", from 0)."""
    return [cell for cell in notebook.cells if cell.get("cell_type") == "code"]


def check_meta(cell: Any) -> dict[str, Any] | None:
    meta = cell.get("metadata", {}).get("agnocourse")
    return meta if isinstance(meta, dict) and "exercise" in meta else None


def check_ids(notebook: Any) -> list[str]:
    """The exercise ids the check cells of a notebook claim, in order, each once."""
    return list(dict.fromkeys(str(m["exercise"]) for c in code_cells(notebook) if (m := check_meta(c))))


def exercises(notebook: Any) -> list[Exercise]:
    """The exercises of a (solutions) notebook, in order, each once; titles and points as declared."""
    from agnocourse.grading.registry import lookup

    found = []
    for id in check_ids(notebook):
        try:
            declared = lookup(id)
            found.append(Exercise(id, declared.title, declared.points))
        except KeyError:
            meta = next(m for c in code_cells(notebook) if (m := check_meta(c)) and str(m["exercise"]) == id)
            found.append(Exercise(id, str(meta.get("title", "")), int(meta.get("points", 1))))
    return found


def layout(notebook: Any) -> tuple[dict[str, int], dict[int, str]]:
    """Where each exercise's (first) check cell is, and which exercise each code cell belongs to.

    A code cell belongs to the exercise of the next check cell; the first code cell is the setup and
    belongs to none, nor do cells after the last check cell. A duplicated check cell counts once: the first.
    """
    checks: dict[str, int] = {}
    owner: dict[int, str] = {}
    pending: list[int] = []
    for index, cell in enumerate(code_cells(notebook)):
        if index == 0:
            continue
        meta = check_meta(cell)
        if meta is None:
            pending.append(index)
            continue
        id = str(meta["exercise"])
        checks.setdefault(id, index)
        for waiting in [*pending, index]:
            owner[waiting] = id
        pending = []
    return checks, owner


# -- the grader's own check cells ------------------------------------------------------------------------------
# Runs in the kernel, in a namespace of its own; the cell gives EXERCISE, KEY, LIMIT, ANSWERS (a function that
# returns the answers) and NOTEBOOK (the notebook's globals). Before the check runs it reports, on a line of
# its own, every function of the grading and rules modules (and the notebook's `check`) that differs from a
# fresh import: a notebook that patched the grader is flagged, while its check runs on the fresh code. It also
# reports what the notebook replaced of the interpreter the check would run on (integrity.replaced): that cannot
# be imported afresh, so the check does not run and the exercise fails, saying what was replaced. It looks again
# after the check, for what the learner's code put in place while the check ran: then the pass does not count.
BOOTSTRAP = """
import hashlib, hmac, importlib, inspect, sys

_FRESH = ("agnocourse.grading", "agnocourse.rules", "agno_async_rules")

def _ours(name):
    return any(name == prefix or name.startswith(prefix + ".") for prefix in _FRESH)

def _signature(function):
    code = function.__code__
    return (function.__module__, function.__qualname__, code.co_filename, code.co_firstlineno, code.co_code)

def _functions(module):
    found = {}
    for name, value in list(vars(module).items()):
        if inspect.isfunction(value):
            found[name] = value
        elif isinstance(value, type) and value.__module__ == module.__name__:
            found.update({f"{name}.{a}": m for a, m in list(vars(value).items()) if inspect.isfunction(m)})
    return found

def _tampered(saved, notebook):
    changed = []
    for name in [name for name in sys.modules if _ours(name)]:
        old = _functions(saved[name]) if name in saved else {}
        for attribute, function in _functions(sys.modules[name]).items():
            mine = old.get(attribute)
            if name in saved and not (inspect.isfunction(mine) and _signature(mine) == _signature(function)):
                changed.append(f"{name}.{attribute}")
    check, mine = sys.modules["agnocourse.grading"].check, notebook.get("check")
    if mine is not None and not (inspect.isfunction(mine) and _signature(mine) == _signature(check)):
        changed.append("check")
    return changed

_saved = {name: module for name, module in sys.modules.items() if _ours(name)}
_parent = sys.modules.get("agnocourse")
_attributes = {name: getattr(_parent, name) for name in ("grading", "rules") if hasattr(_parent, name)}
for _name in _saved:
    del sys.modules[_name]
try:
    _entry = importlib.import_module("agnocourse.grading.registry").lookup(EXERCISE)
    _harness = importlib.import_module("agnocourse.grading.harness")
    _changed = _tampered(_saved, NOTEBOOK)
    _integrity = importlib.import_module("agnocourse.grading.integrity")
    _feedback = importlib.import_module("agnocourse.grading.feedback")
    _replaced = _integrity.replaced()
    if _changed or _replaced:
        print("agnocourse-grader-tampered:", ", ".join(_changed + _replaced))
    if _replaced:  # a check that ran on the notebook's own threading, imports or hooks would prove nothing
        raise _feedback.untrusted(EXERCISE, _replaced)
    _answers = ANSWERS()
    if any(answer is NotImplemented for answer in _answers):  # the exercise's placeholder: not answered yet
        raise _feedback.not_answered(EXERCISE)
    _harness.run_check(f"Exercise {EXERCISE}", lambda: _entry.check(*_answers), timeout=LIMIT)
    _replaced = _integrity.replaced()  # what the learner's code, called by the check, put in place meanwhile
    if _replaced:
        print("agnocourse-grader-tampered:", ", ".join(_replaced))
        raise _feedback.untrusted(EXERCISE, _replaced, during=True)
finally:
    for _name in [name for name in sys.modules if _ours(name)]:
        del sys.modules[_name]
    sys.modules.update(_saved)
    for _name, _module in _attributes.items():
        setattr(_parent, _name, _module)
print(f"Exercise {EXERCISE} ({_entry.title}): passed")
print("agnocourse-grader-token:", hmac.new(KEY.encode(), f"{EXERCISE} passed".encode(), hashlib.sha256).hexdigest())
"""


def token(key: str, exercise: str) -> str:
    """What the grader's check cell of `exercise` prints when the check passed."""
    return hmac.new(key.encode(), f"{exercise} passed".encode(), hashlib.sha256).hexdigest()


def _answers(original: str, exercise: str) -> str:
    """The answer expressions of a solutions check cell ``check("1.2", A, B)``: ``A, B``."""
    tree = ast.parse(original)
    call = tree.body[0].value if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "check"):
        raise ValueError(f"the solutions check cell of {exercise} is not one check(...) call: {original!r}")
    return "".join(f"{ast.get_source_segment(original, arg)}, " for arg in call.args[1:])


def grader_cell_source(original: str, exercise: str, key: str, limit: float) -> str:
    return (
        f"# The grader's check of exercise {exercise}: the course's check, loaded afresh.\n"
        f"exec({BOOTSTRAP!r}, {{'EXERCISE': {exercise!r}, 'KEY': {key!r}, 'LIMIT': {limit!r}, "
        f"'ANSWERS': lambda: ({_answers(original, exercise)}), 'NOTEBOOK': globals()}})\n"
    )


@dataclass
class Sealed:
    """The copy the grader runs, and what it found changed in the learner's check cells."""

    notebook: Any
    checks: dict[str, int]  # exercise id -> code-cell index of the grader's check cell in `notebook`
    keys: dict[str, str]  # exercise id -> the key of its check cell's token
    altered: dict[str, list[str]] = field(default_factory=dict)  # exercise id -> what was changed
    other: list[str] = field(default_factory=list)  # changes that concern no exercise of the notebook


def _source(cell: Any) -> str:
    return str(cell.get("source", "")).strip()


def _moved(order: list[str], position: dict[str, int]) -> set[str]:
    """The ids outside a longest run of `order` whose positions increase: the check cells that were moved."""
    best: list[list[str]] = []
    for i, id in enumerate(order):
        before = [best[j] for j in range(i) if position[order[j]] < position[id]]
        best.append([*max(before, key=len, default=[]), id])
    return set(order) - set(max(best, key=len, default=[]))


def seal(learner: Any, solution: Any, limits: dict[str, float]) -> Sealed:
    """The learner's notebook with the grader's checks in place of its check cells (see the module docstring)."""
    originals = {}
    solution_meta = {}
    for cell in code_cells(solution):
        meta = check_meta(cell)
        if meta is not None and str(meta["exercise"]) not in originals:
            originals[str(meta["exercise"])] = _source(cell)
            solution_meta[str(meta["exercise"])] = dict(meta)
    graded = copy.deepcopy(learner)
    cells = code_cells(graded)
    claims: dict[str, list[int]] = {}
    sealed = Sealed(graded, {}, {})
    for index, cell in enumerate(cells):
        meta = check_meta(cell)
        if meta is not None:
            claims.setdefault(str(meta["exercise"]), []).append(index)
            if str(meta["exercise"]) not in originals:
                sealed.other.append(f"a check cell is labelled {meta['exercise']}, an exercise of another notebook")

    def note(id: str, change: str) -> None:
        sealed.altered.setdefault(id, []).append(change)

    for id, original in originals.items():
        mine = claims.get(id, [])
        if not mine:
            note(id, "its check cell was deleted")
            continue
        chosen = next((i for i in mine if _source(cells[i]) == original), mine[0])
        sealed.checks[id] = chosen
        if len(mine) > 1:
            note(id, f"its check cell appears {len(mine)} times")
        relabelled = [other for other, source in originals.items() if other != id and _source(cells[chosen]) == source]
        if relabelled:
            note(id, f"its check cell is the check cell of {relabelled[0]}, relabelled {id}")
        elif _source(cells[chosen]) != original:
            note(id, "its check cell was edited")
        elif dict(check_meta(cells[chosen]) or {}) != solution_meta[id]:
            note(id, "its check cell's metadata was edited")
        for other, source in originals.items():
            if other != id and any(_source(cells[i]) == source for i in mine):
                note(other, f"its check cell was relabelled {id}")
    for id in _moved([id for id in originals if id in sealed.checks], sealed.checks):
        note(id, "its check cell was moved")
    for index, cell in enumerate(cells):
        meta = check_meta(cell)
        if meta is None:
            continue
        id = str(meta["exercise"])
        if sealed.checks.get(id) == index:
            sealed.keys[id] = secrets.token_hex(16)
            cell.source = grader_cell_source(originals[id], id, sealed.keys[id], limits.get(id, 15.0))
            cell.metadata = nbformat.from_dict({"agnocourse": {"exercise": id}})  # its outputs stay, for a strict run
        else:
            cell.source = "pass  # a cell labelled as a check cell: the grader runs its own check instead"
            cell.metadata = nbformat.from_dict({})
            cell.outputs = []
    return sealed
