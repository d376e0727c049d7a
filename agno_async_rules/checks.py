"""The rules that depend on where code runs: one walk over a module that knows, at every call, whether it
runs on the event loop (inside `async def`), in a sync function, or on a workflow's sync path."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from agno_async_rules.events import ENUMS, RENAMED_IN_2
from agno_async_rules.facts import AGENT, WORKFLOW, Facts, local_names
from agno_async_rules.findings import Problem
from agno_async_rules.streams import collect_then_emit
from agno_async_rules.syntax import (
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
from agno_async_rules.workflows import check_workflow_class

REMOVED_IN_1_6 = "RunResponseContentEvent"  # does not exist on 1.5; on 1.6-1.8 it is what streams yield
WORKFLOW_MODULES = ("agno.workflow", "agno.run.workflow")
BLOCKING_CALLS = frozenset(
    {"time.sleep", "urllib.request.urlopen", "os.system", "os.popen", "os.wait", "os.waitpid", "input", "open"}
    | {"socket.create_connection", "socket.getaddrinfo", "socket.gethostbyname", "sqlite3.connect", "io.open"}
    | {f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput")}
    | {"subprocess.Popen", "shutil.copyfile", "shutil.copy", "shutil.copytree", "shutil.rmtree", "shutil.move"}
    | {f"{client}.{verb}" for client in ("requests", "httpx") for verb in ("get", "post", "put", "patch", "delete")}
    | {f"{client}.{verb}" for client in ("requests", "httpx") for verb in ("head", "options", "request", "stream")}
    # os.path functions that ask the file system (join, basename and the like only compute strings)
    | {f"os.path.{name}" for name in ("exists", "lexists", "isfile", "isdir", "islink", "ismount", "samefile")}
    | {f"os.path.{name}" for name in ("getsize", "getmtime", "getatime", "getctime", "realpath")}
)
BUILTINS = frozenset({"open", "input"})
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
    step: bool = False  # a sync function handed to a workflow as a step (agno 1.7+ workflows, 2.x, 3.x)
    try_depth: int = 0  # how many `try:` bodies with handlers enclose the current node

    def local_names(self) -> set[str]:
        """Parameters and names bound in the function's body (asked only about `open` and `input` calls)."""
        return local_names(self.function) if self.function is not None else set()

    @property
    def is_sync_def(self) -> bool:
        return isinstance(self.function, ast.FunctionDef)

    @property
    def on_event_loop(self) -> bool:
        return isinstance(self.function, ast.AsyncFunctionDef) or self.inline


class RuleVisitor(ast.NodeVisitor):
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.version = facts.settings.agno_version
        self.line = self.version.line
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
            self.problems.extend(
                check_workflow_class(
                    node, self.facts.inherited_methods(node), self.facts.settings.run_starters, self.line
                )
            )
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
        sync_subflow = is_sync and stream_annotation(node.returns) == "sync" and self.line in ("1.5", "1.6-1.8")
        workflow_method = method_of_workflow and self.line in ("1.5", "1.6-1.8")
        scope = Scope(
            function=node,
            in_workflow_class=method_of_workflow or parent.in_workflow_class,
            sync_path=is_sync and (workflow_method or sync_subflow or (parent.is_sync_def and parent.sync_path)),
            step=is_sync and (node.name in self.facts.steps or (parent.is_sync_def and parent.step)),
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
        if self.line in ("2.x", "3.x"):
            self.awaited_stream(node)
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

    # Names: result and event classes a release does not have, and enum members ----------------------

    def removed_name(self, name: str) -> str | None:
        """Why `name` does not exist on the checked release line, or None when it does."""
        if self.line == "1.5" and name == REMOVED_IN_1_6:
            return ""  # the rule's title says it
        if self.line in ("2.x", "3.x") and name in RENAMED_IN_2:
            instead = RENAMED_IN_2[name]
            return f"`{name}` does not exist in agno {self.line}" + (f" (it is `{instead}`)" if instead else "")
        return None

    def visit_Name(self, node: ast.Name) -> None:
        if (why := self.removed_name(node.id)) is not None:
            self.report("AGN102", node, why)

    def visit_alias(self, node: ast.alias) -> None:
        if (why := self.removed_name(node.name.split(".")[-1])) is not None:
            self.report("AGN102", node, why)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if (why := self.removed_name(node.attr)) is not None:
            self.report("AGN102", node, why)
        elif isinstance(node.value, ast.Name | ast.Attribute) and not node.attr.startswith("_"):
            members = self.enum_members(node.value)
            if members is not None and node.attr not in members:
                release = "1.5.10" if self.line == "1.5" else self.line  # the 1.5 list is 1.5.10's
                detail = f"{ast.unparse(node.value)}.{node.attr} does not exist in agno {release}"
                self.report("AGN109", node, detail)
        self.generic_visit(node)

    def enum_members(self, enum: ast.Name | ast.Attribute) -> frozenset[str] | None:
        """The members of the agno enum `enum` names on the checked line, None when it names none."""
        qualified = self.qualified(enum) or ""
        name = qualified.rsplit(".", 1)[-1]  # `AgentEvent` after `from agno.agent import RunEvent as AgentEvent`
        known = ENUMS[self.line]
        if name == "RunEvent" and "RunEvent@workflow" in known and qualified.startswith(WORKFLOW_MODULES):
            return known["RunEvent@workflow"]
        return known.get(name)

    def visit_arg(self, node: ast.arg) -> None:
        self.string_annotations(node.annotation)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.string_annotations(node.annotation)
        self.generic_visit(node)

    def string_annotations(self, annotation: ast.expr | None) -> None:
        """A removed name inside a string annotation such as "AsyncIterator[RunResponseContentEvent]"."""
        for node in ast.walk(annotation) if annotation is not None else ():
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                try:
                    parsed = ast.parse(node.value, mode="eval")
                except (SyntaxError, ValueError, RecursionError):
                    continue
                for sub in ast.walk(parsed):
                    name = sub.id if isinstance(sub, ast.Name) else sub.attr if isinstance(sub, ast.Attribute) else ""
                    if (why := self.removed_name(name)) is not None:
                        self.report("AGN102", node, why)
                        break

    # Streams and tasks --------------------------------------------------------------------------------

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self.stream_form(node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        if node.is_async:
            self.stream_form(node.iter)
        self.generic_visit(node)

    def stream_form(self, iterable: ast.expr) -> None:
        """1.x: arun(stream=True) is a coroutine, iterated only once awaited. 2.x/3.x: it is the async iterator,
        and awaiting it raises TypeError (an awaited arun(stream=True) outside `async for` is found in
        visit_Await)."""
        if self.line in ("2.x", "3.x"):
            return
        call = method_call(iterable, ("arun",))
        if call is None or not isinstance(call.func, ast.Attribute):
            return
        kind = self.facts.kind_of(call.func.value, self.scope.in_workflow_class)
        if kind == AGENT or (kind is None and keyword(call, "stream") is not None):
            self.report("AGN106", iterable, f"`async for` over `{ast.unparse(call.func)}(...)` without await")

    def awaited_stream(self, node: ast.Await) -> None:
        call = method_call(node.value, ("arun",))
        if call is None or not isinstance(call.func, ast.Attribute) or not self.streams(call):
            return
        background = keyword(call, "background")
        if background is not None and not (isinstance(background.value, ast.Constant) and not background.value.value):
            return  # arun(..., stream=True, background=True) is a coroutine that starts the run: awaiting it is right
        if self.facts.kind_of(call.func.value, self.scope.in_workflow_class) in (AGENT, WORKFLOW, None):
            detail = f"`await {ast.unparse(call.func)}(..., stream=True)`: on agno {self.line} it is an async iterator"
            self.report("AGN106", node, detail)

    @staticmethod
    def streams(call: ast.Call) -> bool:
        flag = keyword(call, "stream")
        return flag is not None and isinstance(flag.value, ast.Constant) and flag.value.value is True

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
        if (scope.sync_path or scope.step) and (name == "asyncio.run" or method == "run_until_complete"):
            where = "a sync workflow step" if scope.step else "a sync workflow method"
            self.report("AGN101", node, f"`{ast.unparse(node.func)}()` inside {where}")
        if name == "asyncio.run" and scope.entry_point and node.args:
            # main() or a test may start the event loop, also around a helper: asyncio.run(collect(wf.arun()))
            self.coroutine_factories.update(
                id(inner) for inner in ast.walk(node.args[0]) if isinstance(inner, ast.Call)
            )
        if self.line == "1.6-1.8" and last_identifier(node.func) == "RunResponse" and keyword(node, "event"):
            self.report("AGN102", node, "RunResponse(event=...) raises TypeError on agno 1.6-1.8 (no event field)")
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
        if kind == "self" and scope.in_workflow_class and func.attr in ASYNC_AGENT_METHODS:
            kind = WORKFLOW  # a 1.x workflow's run() that drives its own arun()
        if kind not in (AGENT, WORKFLOW):
            return  # the codes about agent calls are about agents, teams and workflows only
        if func.attr in SYNC_AGENT_METHODS:
            if scope.on_event_loop:
                self.report("AGN104", node, f"sync `{shown}()` blocks the event loop inside async def")
        elif scope.is_sync_def and id(node) not in self.coroutine_factories:
            self.report("AGN105", node, f"async `{shown}()` called inside a sync function")
        if func.attr in ("run", "arun") and kind == AGENT:
            if keyword(node, "stream") is None and not has_double_star(node):
                self.report("AGN112", node, f"`{shown}()` without an explicit stream=")

    def blocks(self, node: ast.Call, name: str | None, method: str | None) -> bool:
        if name in BUILTINS and (name in self.facts.module_names or name in self.scope.local_names()):
            return False  # `input` or `open` is the module's own name here (a parameter, a function), not the builtin
        if name in BLOCKING_CALLS or method in self.facts.settings.blocking_methods:
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
