"""Small questions about Python syntax trees that several checks ask."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def walk_own(node: ast.AST) -> Iterator[ast.AST]:
    """Every node under `node` that runs in its own scope: nested functions, lambdas and classes are skipped."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        child = stack.pop()
        yield child
        if not isinstance(child, _SCOPES):
            stack.extend(ast.iter_child_nodes(child))


def qualified_name(node: ast.expr, aliases: Mapping[str, str]) -> str | None:
    """`aio.run` -> "asyncio.run" after `import asyncio as aio`; None for anything but a dotted name."""
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        base = qualified_name(node.value, aliases)
        return f"{base}.{node.attr}" if base else None
    return None


def last_identifier(node: ast.expr) -> str | None:
    """The name that describes an object: `self.report_agent` -> report_agent, `agents[0]` -> agents,
    `make_agent()` -> make_agent."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return last_identifier(node.value)
    if isinstance(node, ast.Call):
        return last_identifier(node.func)
    return None


def identifier_words(name: str) -> set[str]:
    """Lower-case words of an identifier: "ReportAgent2" and "report_agent_2" -> {"report", "agent"}."""
    return {word.lower() for part in name.split("_") for word in _WORD.findall(part)}


def self_attribute(node: ast.expr) -> str | None:
    """`self.writer` -> "writer" (also through `cls.`)."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
        return node.attr
    return None


def method_call(node: ast.AST, names: tuple[str, ...]) -> ast.Call | None:
    """The call if `node` is `<receiver>.<one of names>(...)`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names:
        return node
    return None


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((kw for kw in call.keywords if kw.arg == name), None)


def has_double_star(call: ast.Call) -> bool:
    return any(kw.arg is None for kw in call.keywords)


def is_generator(function: FunctionNode) -> bool:
    return any(isinstance(node, ast.Yield | ast.YieldFrom) for node in walk_own(function))


def _annotation(node: ast.expr) -> ast.expr | None:
    """A string annotation parsed into an expression (the node itself when it is not a string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return ast.parse(node.value, mode="eval").body
        except SyntaxError:
            return None
    return node


RUN_RESPONSE = frozenset({"RunResponse"})


def _names_item(node: ast.expr, items: frozenset[str]) -> bool:
    """Whether the annotation names one of `items`, or a union (`A | B`) of them."""
    node = _annotation(node) or node
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _names_item(node.left, items) and _names_item(node.right, items)
    return last_identifier(node) in items and not isinstance(node, ast.Subscript | ast.Call)


def stream_annotation(annotation: ast.expr | None, items: frozenset[str] = RUN_RESPONSE) -> str | None:
    """ "sync" for Iterator[RunResponse] / Generator[RunResponse, ...], "async" for AsyncIterator[RunResponse] /
    AsyncGenerator[RunResponse, ...] (any module prefix, string annotations too; `items`: the item types
    accepted, RunResponse by default); otherwise None."""
    node = _annotation(annotation) if annotation is not None else None
    if not isinstance(node, ast.Subscript):
        return None
    container = last_identifier(node.value)
    item = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) and node.slice.elts else node.slice
    if not _names_item(item, items):
        return None
    if container in ("Iterator", "Generator"):
        return "sync"
    if container in ("AsyncIterator", "AsyncGenerator"):
        return "async"
    return None


def mentions(annotation: ast.expr | None, name: str) -> bool:
    """Whether an annotation (string annotations too) refers to `name` anywhere."""
    node = _annotation(annotation) if annotation is not None else None
    if node is None:
        return False
    return any(
        (isinstance(sub, ast.Name) and sub.id == name) or (isinstance(sub, ast.Attribute) and sub.attr == name)
        for sub in ast.walk(node)
    )


def root_name(node: ast.expr) -> str | None:
    """The name a dotted expression starts from: `client.chat.completions` -> "client"."""
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None
