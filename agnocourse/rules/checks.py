"""The rules that depend on where code runs: one walk over a module that knows, at every call, whether it
runs on the event loop (inside `async def`), in a sync function, or on a workflow's sync path."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from agnocourse.rules.facts import Facts
from agnocourse.rules.findings import Problem
from agnocourse.rules.streams import collect_then_emit
from agnocourse.rules.syntax import (
    FunctionNode,
    has_double_star,
    identifier_words,
    keyword,
    last_identifier,
    method_call,
    qualified_name,
    stream_annotation,
    walk_own,
)
from agnocourse.rules.workflows import check_workflow_class

REMOVED_EVENT = "RunResponseContentEvent"
RUN_EVENTS = frozenset(
    {"run_started", "run_response", "run_completed", "run_error", "run_cancelled", "run_paused", "run_continued"}
    | {"tool_call_started", "tool_call_completed", "reasoning_started", "reasoning_step", "reasoning_completed"}
    | {"updating_memory", "workflow_started", "workflow_completed"}
)
BLOCKING_CALLS = frozenset(
    {"time.sleep", "urllib.request.urlopen", "os.system", "socket.create_connection"}
    | {f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput")}
    | {f"{client}.{verb}" for client in ("requests", "httpx") for verb in ("get", "post", "put", "patch", "delete")}
    | {f"{client}.{verb}" for client in ("requests", "httpx") for verb in ("head", "options", "request", "stream")}
)
BLOCKING_METHODS = frozenset({"blocking_method"})
TASK_FACTORIES = frozenset({"asyncio.create_task", "asyncio.ensure_future"})
LOOP_GETTERS = frozenset({"asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop"})
# What an `except` around a TaskGroup can meet: the group (caught by these), or an exception that a
# TaskGroup does not wrap (the parent's own cancellation, and the two it re-raises as they are).
GROUP_CATCHERS = frozenset({"Exception", "BaseException", "ExceptionGroup", "BaseExceptionGroup"})
UNWRAPPED = frozenset({"asyncio.CancelledError", "CancelledError", "KeyboardInterrupt", "SystemExit"})
SYNC_AGENT_METHODS = ("run", "print_response")
ASYNC_AGENT_METHODS = ("arun", "aprint_response")


@dataclass
class Scope:
    """A function being walked (None for the module) and what is known about where its code runs."""

    function: FunctionNode | ast.Lambda | None = None
    in_workflow_class: bool = False  # a method of a Workflow subclass, or a function nested in one
    sync_path: bool = False  # a sync workflow method or sync subflow (or a sync def nested in one)
    inline: bool = False  # a sync def nested in an async def that calls it directly: it runs on the loop
    called_directly: set[str] = field(default_factory=set)  # names an async def calls (not passes on)
    entry_point: bool = False  # main(), a test function or any function of a test module (and what they nest)
    try_depth: int = 0  # how many `try:` bodies with handlers enclose the current node

    @property
    def is_sync_def(self) -> bool:
        return isinstance(self.function, ast.FunctionDef)

    @property
    def on_event_loop(self) -> bool:
        return isinstance(self.function, ast.AsyncFunctionDef) or self.inline


class RuleVisitor(ast.NodeVisitor):
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.problems: list[Problem] = []
        self.scopes = [Scope()]
        self.coroutine_factories: set[int] = set()  # ids of arun() calls handed on to whoever awaits them
        self.awaited: set[int] = set()  # ids of awaited calls

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    def report(self, code: str, node: ast.expr | ast.stmt | ast.alias | ast.ExceptHandler, detail: str = "") -> None:
        self.problems.append(Problem(code, node.lineno, node.col_offset + 1, detail))

    def qualified(self, node: ast.expr) -> str | None:
        return qualified_name(node, self.facts.aliases)

    # Scopes -------------------------------------------------------------------------------------------

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        is_workflow = self.facts.is_workflow_class(node)
        if is_workflow:
            self.problems.extend(check_workflow_class(node, self.facts.inherited_methods(node)))
        for child in [*node.decorator_list, *node.bases, *node.keywords]:
            self.visit(child)
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                self.enter_function(statement, in_class=True, method_of_workflow=is_workflow)
            else:
                self.visit(statement)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.enter_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self.enter_function(node)

    def enter_function(self, node: FunctionNode, in_class: bool = False, method_of_workflow: bool = False) -> None:
        for child in [*node.decorator_list, node.args, *([node.returns] if node.returns else [])]:
            self.visit(child)
        self.string_annotations(node.returns)
        parent = self.scope
        is_sync = isinstance(node, ast.FunctionDef)
        sync_subflow = is_sync and stream_annotation(node.returns) == "sync"
        scope = Scope(
            function=node,
            in_workflow_class=method_of_workflow or parent.in_workflow_class,
            sync_path=is_sync and (method_of_workflow or sync_subflow or (parent.is_sync_def and parent.sync_path)),
            inline=is_sync and parent.on_event_loop and node.name in parent.called_directly,
            entry_point=node.name.startswith("test")
            or (parent.entry_point and not in_class)
            or (node.name == "main" and parent.function is None and not in_class),
        )
        if not is_sync:
            scope.called_directly = {
                sub.func.id for sub in walk_own(node) if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
            }
        if not scope.entry_point:  # a test may collect a stream to compare it
            self.problems.extend(collect_then_emit(node))
        self.scopes.append(scope)
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit(node.args)
        self.mark_coroutine_factories(node.body)
        self.scopes.append(Scope(function=node, in_workflow_class=self.scope.in_workflow_class))
        self.visit(node.body)
        self.scopes.pop()

    def visit_Try(self, node: ast.Try | ast.TryStar) -> None:
        if isinstance(node, ast.Try) and node.body and all(self.is_task_group(statement) for statement in node.body):
            for handler in node.handlers:
                if handler.type is not None and not self.sees_a_group(handler.type):
                    shown = ast.unparse(handler.type)
                    detail = f"`except {shown}` around a TaskGroup, whose failures arrive inside an ExceptionGroup"
                    self.report("AGN203", handler, detail)
        self.scope.try_depth += 1 if node.handlers else 0
        for statement in node.body:
            self.visit(statement)
        self.scope.try_depth -= 1 if node.handlers else 0
        for child in [*node.handlers, *node.orelse, *node.finalbody]:
            self.visit(child)

    visit_TryStar = visit_Try

    def is_task_group(self, statement: ast.stmt) -> bool:
        """`async with asyncio.TaskGroup() as tg:`: whatever fails inside leaves it wrapped in an ExceptionGroup."""
        return isinstance(statement, ast.AsyncWith) and all(
            isinstance(item.context_expr, ast.Call) and self.qualified(item.context_expr.func) == "asyncio.TaskGroup"
            for item in statement.items
        )

    def sees_a_group(self, caught: ast.expr) -> bool:
        """A handler that catches the group itself, or only what a TaskGroup lets through unwrapped."""
        names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
        qualified = {self.qualified(name) or last_identifier(name) for name in names}
        return bool(qualified & GROUP_CATCHERS) or qualified <= UNWRAPPED

    def visit_Await(self, node: ast.Await) -> None:
        self.awaited.add(id(node.value))
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        self.mark_coroutine_factories(node.value)
        self.generic_visit(node)

    def mark_coroutine_factories(self, value: ast.expr | None) -> None:
        """`return agent.arun(m)` in a sync function hands the coroutine to a caller that awaits it: fine."""
        items = [value] if value is not None else []
        while items:
            item = items.pop()
            if isinstance(item, ast.List | ast.Tuple | ast.Set):
                items.extend(item.elts)
            elif isinstance(item, ast.ListComp | ast.GeneratorExp | ast.SetComp):
                items.append(item.elt)
            elif method_call(item, ASYNC_AGENT_METHODS):
                self.coroutine_factories.add(id(item))

    # Names: RunResponseContentEvent and RunEvent members ---------------------------------------------

    def visit_Name(self, node: ast.Name) -> None:
        if node.id == REMOVED_EVENT:
            self.report("AGN102", node)

    def visit_alias(self, node: ast.alias) -> None:
        if node.name.split(".")[-1] == REMOVED_EVENT:
            self.report("AGN102", node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == REMOVED_EVENT:
            self.report("AGN102", node)
        elif (
            last_identifier(node.value) == "RunEvent"
            and isinstance(node.value, ast.Name | ast.Attribute)
            and node.attr not in RUN_EVENTS
            and not node.attr.startswith("_")
        ):
            detail = f"RunEvent.{node.attr} does not exist in agno 1.5.10"
            self.report("AGN109", node, detail)
        self.generic_visit(node)

    def visit_arg(self, node: ast.arg) -> None:
        self.string_annotations(node.annotation)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.string_annotations(node.annotation)
        self.generic_visit(node)

    def string_annotations(self, annotation: ast.expr | None) -> None:
        """RunResponseContentEvent inside a string annotation such as "AsyncIterator[RunResponseContentEvent]"."""
        for node in ast.walk(annotation) if annotation is not None else ():
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and REMOVED_EVENT in node.value:
                try:
                    parsed = ast.parse(node.value, mode="eval")
                except SyntaxError:
                    continue
                if any(isinstance(sub, ast.Name | ast.Attribute) for sub in ast.walk(parsed)):
                    self.report("AGN102", node)

    # Streams and tasks --------------------------------------------------------------------------------

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self.unawaited_stream(node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        if node.is_async:
            self.unawaited_stream(node.iter)
        self.generic_visit(node)

    def unawaited_stream(self, iterable: ast.expr) -> None:
        call = method_call(iterable, ("arun",))
        if call is None or not isinstance(call.func, ast.Attribute):
            return
        kind = self.facts.kind_of(call.func.value, self.scope.in_workflow_class)
        if kind == "agent" or (kind is None and keyword(call, "stream") is not None):
            self.report("AGN106", iterable, f"`async for` over `{ast.unparse(call.func)}(...)` without await")

    def visit_Expr(self, node: ast.Expr) -> None:
        values = [node.value]
        if isinstance(node.value, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            values.append(node.value.elt)
        if any(isinstance(value, ast.Call) and self.creates_task(value) for value in values):
            self.report("AGN201", node, f"the task made by `{ast.unparse(node.value)[:60]}` is not kept")
        self.generic_visit(node)

    def creates_task(self, call: ast.Call) -> bool:
        if self.qualified(call.func) in TASK_FACTORIES:
            return True
        if not isinstance(call.func, ast.Attribute) or call.func.attr not in ("create_task", "ensure_future"):
            return False
        receiver = call.func.value
        if isinstance(receiver, ast.Call):
            return self.qualified(receiver.func) in LOOP_GETTERS
        name = last_identifier(receiver)
        return name is not None and "loop" in identifier_words(name)

    # Calls -------------------------------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        scope = self.scope
        name = self.qualified(node.func)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if scope.sync_path and (name == "asyncio.run" or method == "run_until_complete"):
            self.report("AGN101", node, f"`{ast.unparse(node.func)}()` inside a sync workflow method")
        if name == "asyncio.run" and scope.entry_point and node.args:
            # main() or a test may start the event loop, also around a helper: asyncio.run(collect(wf.arun()))
            self.coroutine_factories.update(
                id(inner) for inner in ast.walk(node.args[0]) if isinstance(inner, ast.Call)
            )
        if isinstance(node.func, ast.Attribute) and method in SYNC_AGENT_METHODS + ASYNC_AGENT_METHODS:
            self.agent_call(node, node.func)
        if scope.on_event_loop and self.blocks(node, name, method):
            self.report("AGN107", node, f"`{ast.unparse(node.func)}()` blocks the event loop inside async def")
        if name == "asyncio.gather" and scope.try_depth == 0 and not self.handles_failures(node):
            self.report("AGN202", node)
        self.generic_visit(node)

    def agent_call(self, node: ast.Call, func: ast.Attribute) -> None:
        scope = self.scope
        kind = self.facts.kind_of(func.value, scope.in_workflow_class)
        shown = ast.unparse(func)
        if func.attr in SYNC_AGENT_METHODS:
            if scope.on_event_loop and kind in ("agent", "workflow"):
                self.report("AGN104", node, f"sync `{shown}()` blocks the event loop inside async def")
        elif scope.is_sync_def and id(node) not in self.coroutine_factories:
            self.report("AGN105", node, f"async `{shown}()` called inside a sync function")
        if func.attr in ("run", "arun") and kind == "agent":
            if keyword(node, "stream") is None and not has_double_star(node):
                self.report("AGN112", node, f"`{shown}()` without an explicit stream=")

    def blocks(self, node: ast.Call, name: str | None, method: str | None) -> bool:
        if name in BLOCKING_CALLS or method in BLOCKING_METHODS:
            return True
        # A call that is awaited is on an async object, whatever its name suggests.
        on_sync_tool = isinstance(node.func, ast.Attribute) and self.facts.is_sync_tool(node.func.value)
        return on_sync_tool and id(node) not in self.awaited

    @staticmethod
    def handles_failures(gather: ast.Call) -> bool:
        flag = keyword(gather, "return_exceptions")
        if flag is None:
            return has_double_star(gather)
        return not (isinstance(flag.value, ast.Constant) and flag.value.value is False)


def find_problems(tree: ast.AST, facts: Facts, test_module: bool = False) -> list[Problem]:
    """The problems in one module; in a test module (test_*.py, conftest.py) every function may drive the
    paths it tests: start an event loop, collect a stream to compare it."""
    visitor = RuleVisitor(facts)
    visitor.scopes[0].entry_point = test_module
    visitor.visit(tree)
    return visitor.problems
