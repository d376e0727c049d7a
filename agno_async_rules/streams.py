"""AGN103: an async stream collected into a list and then re-emitted whole (returned or re-yielded), which
turns a stream into a batch: the first item reaches the caller only after the last one was produced."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from agno_async_rules.findings import Problem
from agno_async_rules.syntax import FunctionNode, walk_own

_ADD_METHODS = ("append", "extend", "insert")


def _is_async_comprehension(node: ast.AST | None) -> bool:
    return isinstance(node, ast.ListComp | ast.SetComp) and any(gen.is_async for gen in node.generators)


def _name(node: ast.AST | None) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def _collected_lists(nodes: list[ast.AST]) -> dict[str, int]:
    """Lists filled from an async stream, with the line where the filling ends."""
    collected: dict[str, int] = {}
    for node in nodes:
        if isinstance(node, ast.AsyncFor):
            end = node.end_lineno or node.lineno
            for inner in (sub for statement in node.body for sub in [statement, *walk_own(statement)]):
                target = None
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
                    target = _name(inner.func.value) if inner.func.attr in _ADD_METHODS else None
                elif isinstance(inner, ast.AugAssign) and isinstance(inner.op, ast.Add):
                    target = _name(inner.target)
                if target is not None:
                    collected[target] = min(end, collected.get(target, end))
        elif isinstance(node, ast.Assign | ast.AnnAssign) and _is_async_comprehension(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in filter(None, map(_name, targets)):
                collected.setdefault(target, node.lineno)
    return collected


def _whole(node: ast.AST | None, collected: dict[str, int], after: int) -> str | None:
    """The list (or async comprehension) that `node` emits as a whole, if any."""
    if _is_async_comprehension(node):
        return "an async comprehension"
    if isinstance(node, ast.Call) and _name(node.func) in ("list", "tuple") and len(node.args) == 1:
        node = node.args[0]
    name = _name(node)
    if name is not None and collected.get(name, after) < after:
        return f"`{name}`"
    return None


def _yields(loop: ast.For) -> bool:
    return any(isinstance(sub, ast.Yield | ast.YieldFrom) for sub in walk_own(loop))


def collect_then_emit(function: FunctionNode) -> Iterator[Problem]:
    nodes = list(walk_own(function))
    if not any(isinstance(node, ast.AsyncFor) or _is_async_comprehension(node) for node in nodes):
        return  # nothing read from an async stream, nothing collected (most functions)
    collected = _collected_lists(nodes)
    for node in nodes:
        if isinstance(node, ast.Return | ast.Yield | ast.YieldFrom):
            emitted = _whole(node.value, collected, node.lineno)
        elif isinstance(node, ast.For) and _yields(node):
            emitted = _whole(node.iter, collected, node.lineno)
        else:
            continue
        if emitted is not None:
            detail = f"async stream collected into {emitted} and re-emitted after it ended"
            yield Problem("AGN103", node.lineno, node.col_offset + 1, detail)
