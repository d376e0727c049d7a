"""Checks on a Workflow subclass as a whole: its run/arun pair (AGN110), the return annotations of its
streaming methods (AGN108) and whether arun() starts its own run (AGN111)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from agno_async_rules.findings import Problem
from agno_async_rules.syntax import (
    RUN_RESPONSE,
    FunctionNode,
    is_generator,
    mentions,
    self_attribute,
    stream_annotation,
)

# What a workflow's streaming methods yield: on agno 1.6-1.8 agents stream RunResponseEvent members.
STREAM_ITEMS = {"1.6-1.8": frozenset({"RunResponse", "RunResponseEvent"})}


def _annotation_problem(method: FunctionNode, class_name: str, items: frozenset[str]) -> Problem | None:
    expected = "async" if isinstance(method, ast.AsyncFunctionDef) else "sync"
    found = stream_annotation(method.returns, items)
    if found == expected:
        return None
    if method.name not in ("run", "arun"):
        # Other methods are subflows only when they generate; a generator of something else (str) is fine.
        if not is_generator(method) or (method.returns is not None and not mentions(method.returns, "RunResponse")):
            return None
    container = "Iterator" if expected == "sync" else "AsyncIterator"
    wanted = " or ".join(f"{container}[{item}]" for item in sorted(items, reverse=True))
    detail = f"`{method.name}` of workflow `{class_name}` is not annotated `-> {wanted}`"
    return Problem("AGN108", method.lineno, method.col_offset + 1, detail)


def _sets_run_id(method: FunctionNode, run_starters: frozenset[str]) -> bool:
    """Whether the method assigns self.run_id, or calls one of the project's run starters on self."""
    for node in ast.walk(method):
        if isinstance(node, ast.Call) and self_attribute(node.func) in run_starters:
            return True
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = [sub for target in node.targets for sub in ast.walk(target)]
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
            targets = [node.target]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and node.args[1].value == "run_id":
                return True
        if any(isinstance(target, ast.expr) and self_attribute(target) == "run_id" for target in targets):
            return True
    return False


def _reads_run_id(node: ast.ClassDef) -> bool:
    """Whether any method of the class reads self.run_id (where a missing one would do harm)."""
    return any(
        self_attribute(sub) == "run_id" and isinstance(sub.ctx, ast.Load)
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute)
    )


def check_workflow_class(
    node: ast.ClassDef, inherited: set[str], run_starters: frozenset[str] = frozenset(), line: str = "1.5"
) -> Iterator[Problem]:
    """`inherited`: the names of the methods its bases define (as far as the module shows); `run_starters`:
    methods whose call sets self.run_id; `line`: the agno release line checked."""
    methods = [statement for statement in node.body if isinstance(statement, FunctionNode)]
    names = {method.name for method in methods}
    if {"run", "arun"} & names and {"run", "arun"} <= names | inherited:
        both = "defines" if {"run", "arun"} <= names else "defines or inherits"
        detail = f"workflow `{node.name}` {both} both run() and arun()"
        yield Problem("AGN110", node.lineno, node.col_offset + 1, detail)
    for method in methods:
        problem = _annotation_problem(method, node.name, STREAM_ITEMS.get(line, RUN_RESPONSE))
        if problem is not None:
            yield problem
        if (
            method.name == "arun"
            and isinstance(method, ast.AsyncFunctionDef)
            and not _sets_run_id(method, run_starters)
            and _reads_run_id(node)
        ):
            detail = f"arun() of workflow `{node.name}` never sets self.run_id"
            yield Problem("AGN111", method.lineno, method.col_offset + 1, detail)
