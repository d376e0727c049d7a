"""What a module (or a whole notebook) tells about its names before any rule is checked: imports, which
classes are workflows, what each name is bound to (an agent, a workflow, a blocking client, something else),
and which functions are workflow steps.

A binding beats a guess from the name: `human_in_the_loop_agent = Agent(...)` is an agent although its name
says "loop", and `translator = GoogleTranslator()` is not one although its name says "translator". Names
with no binding in the module are guessed from their words.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field

from agno_async_rules.settings import Settings
from agno_async_rules.syntax import identifier_words, last_identifier, qualified_name, root_name, self_attribute

AGENT_WORDS = frozenset(
    {"agent", "agents", "team", "teams", "writer", "writers", "researcher", "editor", "analyst", "reviewer"}
    | {"summarizer", "planner", "critic", "assistant", "translator", "coordinator", "reporter"}
)
WORKFLOW_WORDS = frozenset({"workflow", "workflows", "wf"})
# Unbound receivers whose .run() is not an agent's: event loops, executors, processes, servers, evaluations.
NOT_AGENT_WORDS = frozenset(
    {"loop", "executor", "pool", "process", "proc", "subprocess", "thread", "server", "app", "runner", "asyncio"}
    | {"eval", "evals", "evaluation", "benchmark"}
)
SYNC_TOOL_WORDS = frozenset({"sync", "legacy", "blocking"})
TOOL_WORDS = frozenset({"tool", "tools", "client", "sdk", "api", "service"})
# Callables that hold workflow steps (agno 1.7+ workflows v2, 2.x, 3.x) and their arguments that name steps.
STEP_HOLDERS = frozenset({"Workflow", "Step", "Steps", "Parallel", "Loop", "Condition", "Router"})
STEP_KEYWORDS = frozenset({"executor", "steps", "choices", "selector", "evaluator", "end_condition"})
AGENT, WORKFLOW, BLOCKING, OTHER = "agent", "workflow", "blocking", "other"


@dataclass
class Facts:
    settings: Settings = field(default_factory=Settings)
    aliases: dict[str, str] = field(default_factory=dict)  # local name -> dotted import path
    modules: set[str] = field(default_factory=set)  # local names bound by `import X`
    workflow_classes: set[str] = field(default_factory=set)
    agent_classes: set[str] = field(default_factory=set)  # classes of the module that subclass Agent or Team
    bindings: dict[str, set[str]] = field(default_factory=dict)  # name or self attribute -> what it was bound to
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)  # classes defined in the module, by name
    steps: set[str] = field(default_factory=set)  # functions handed to a workflow as steps
    module_names: set[str] = field(default_factory=set)  # names the module's top level binds (defs, assignments)

    def is_workflow_class(self, node: ast.ClassDef) -> bool:
        return any(last_identifier(base) in self.workflow_classes for base in node.bases)

    def inherited_methods(self, node: ast.ClassDef, seen: frozenset[str] = frozenset()) -> set[str]:
        """Names of the methods the bases of `node` define, as far as this module shows them."""
        names: set[str] = set()
        for base in map(last_identifier, node.bases):
            parent = self.classes.get(base or "")
            if parent is not None and parent.name not in seen and parent is not node:
                names |= {item.name for item in parent.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)}
                names |= self.inherited_methods(parent, seen | {node.name})
        return names

    def bound(self, name: str) -> str | None:
        """What every binding of `name` in the module agrees it is, or None (no binding, or they differ)."""
        kinds = self.bindings.get(name)
        return next(iter(kinds)) if kinds and len(kinds) == 1 else None

    def kind_of(self, receiver: ast.expr, in_workflow_class: bool) -> str | None:
        """What the receiver of a .run()/.arun() call is: "agent" (or team), "workflow", "self", or None
        when it is something else or cannot be told (asyncio, subprocess, an event loop, an evaluation)."""
        if (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")) or (
            isinstance(receiver, ast.Call) and last_identifier(receiver.func) == "super"
        ):
            return "self"
        name = last_identifier(receiver)
        if name is None or (isinstance(receiver, ast.Name) and name in self.modules):
            return None
        if isinstance(receiver, ast.Call):
            made = self.made_by(receiver)
            return made if made in (AGENT, WORKFLOW) else None
        bound = self.bound(name)
        if bound is not None:
            return bound if bound in (AGENT, WORKFLOW) else None
        words = identifier_words(name)
        if words & NOT_AGENT_WORDS:
            return None
        if name in self.workflow_classes or words & WORKFLOW_WORDS:
            return WORKFLOW
        if words & AGENT_WORDS:
            return AGENT
        if in_workflow_class and self_attribute(receiver) is not None:
            return AGENT  # inside a 1.x workflow, self.<anything>.run() is an agent or team call
        return None

    def made_by(self, call: ast.Call) -> str | None:
        """What a call makes: an agent (Agent(...), Team(...), a configured factory, a subclass of either), a
        workflow, a blocking client, something else (any other class), or None (a function: cannot tell)."""
        made_by = last_identifier(call.func)
        if made_by is None or isinstance(call.func, ast.Call | ast.Subscript):
            return None
        qualified = qualified_name(call.func, self.aliases) or made_by
        settings = self.settings
        if made_by in settings.agent_factories or made_by in self.agent_classes:
            return AGENT
        if made_by in self.workflow_classes or made_by.endswith("Workflow"):
            return WORKFLOW
        if qualified in settings.blocking_classes or made_by in settings.blocking_classes:
            return BLOCKING
        if made_by.endswith(("Agent", "Team")):
            return AGENT
        return OTHER if made_by[:1].isupper() else None

    def is_sync_tool(self, receiver: ast.expr) -> bool:
        """Whether method calls on `receiver` block: an object of a blocking class (a configured one, or a
        sync SDK client such as openai.OpenAI), also through attributes (`client.chat.completions`), or an
        unbound name such as `legacy_tool`, `self.sync_tools`, `blocking_client`."""
        name = last_identifier(receiver)
        if name is None:
            return False
        if isinstance(receiver, ast.Call):
            return self.made_by(receiver) == BLOCKING
        root = root_name(receiver)
        candidates = [name] if root is None or root in ("self", "cls", name) else [name, root]
        for candidate in candidates:
            bound = self.bound(candidate)
            if bound is not None:
                return bound == BLOCKING
        words = identifier_words(name)
        return bool(words & SYNC_TOOL_WORDS and words & TOOL_WORDS)


def _record_import(node: ast.Import | ast.ImportFrom, facts: Facts) -> None:
    for alias in node.names:
        if isinstance(node, ast.Import):
            local = alias.asname or alias.name.split(".")[0]
            facts.aliases[local] = alias.name if alias.asname else local
            facts.modules.add(local)
        elif node.module and node.level == 0 and alias.name != "*":
            facts.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"


def _bound_names(targets: Iterable[ast.expr]) -> Iterable[str]:
    for target in targets:
        if isinstance(target, ast.Name):
            yield target.id
        elif (attribute := self_attribute(target)) is not None:
            yield attribute
        elif isinstance(target, ast.Tuple | ast.List):
            yield from _bound_names(target.elts)


def _annotated(annotation: ast.expr | None, facts: Facts) -> str | None:
    """What an annotation says a name holds: an agent for Agent / Team (also `Agent | None`, Optional[Team]),
    something else for any other class, None when it says nothing usable."""
    if annotation is None:
        return None
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return None
    names = {last_identifier(node) for node in ast.walk(annotation) if isinstance(node, ast.Name | ast.Attribute)}
    names -= {"Optional", "Union", "None", "typing", "list", "List", "ClassVar", "Final"}
    if names & {"Agent", "Team"} or names & facts.agent_classes:
        return AGENT
    if len(names) == 1 and (only := next(iter(names))) and only[:1].isupper() and only not in ("Any", "object"):
        return WORKFLOW if only in facts.workflow_classes else OTHER
    return None


def _subclasses(classes: list[ast.ClassDef], roots: set[str]) -> set[str]:
    found = set(roots)
    changed = True
    while changed:
        changed = False
        for node in classes:
            if node.name not in found and any(last_identifier(base) in found for base in node.bases):
                found.add(node.name)
                changed = True
    return found


def _record_steps(call: ast.Call, facts: Facts) -> None:
    """Functions named as steps: Step(executor=fn), Workflow(steps=fn | [fn, Step(...)]), Parallel(fn, ...)."""
    if last_identifier(call.func) not in STEP_HOLDERS:
        return
    values = [kw.value for kw in call.keywords if kw.arg in STEP_KEYWORDS]
    if last_identifier(call.func) != "Workflow":
        values += call.args
    for value in values:
        items = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
        facts.steps.update(item.id for item in items if isinstance(item, ast.Name))


def _defines(statement: ast.AST) -> Iterable[str]:
    """The names one statement binds in its own scope."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [statement.name]
    return [node.id for node in ast.walk(statement) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)]


def local_names(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    """The parameters of a function and the names its own body binds."""
    arguments = function.args
    names = {arg.arg for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    names |= {arg.arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None}
    if not isinstance(function, ast.Lambda):
        names |= {name for statement in function.body for name in _defines(statement)}
    return names


def collect_facts(trees: Iterable[ast.AST], settings: Settings | None = None) -> Facts:
    facts = Facts(settings=settings or Settings())
    trees_list = list(trees)
    nodes = [node for tree in trees_list for node in ast.walk(tree)]
    classes = [node for node in nodes if isinstance(node, ast.ClassDef)]
    facts.workflow_classes = _subclasses(classes, set(facts.settings.workflow_bases))
    facts.agent_classes = _subclasses(classes, set(facts.settings.agent_factories)) - set(
        facts.settings.agent_factories
    )
    facts.classes = {node.name: node for node in classes}
    facts.module_names = {
        name for tree in trees_list for statement in getattr(tree, "body", []) for name in _defines(statement)
    }
    for node in nodes:
        kind: str | None = None
        targets: list[ast.expr] = []
        if isinstance(node, ast.Import | ast.ImportFrom):
            _record_import(node, facts)
        elif isinstance(node, ast.Call):
            _record_steps(node, facts)
        elif isinstance(node, ast.Assign):
            kind = facts.made_by(node.value) if isinstance(node.value, ast.Call) else None
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            kind = _annotated(node.annotation, facts)
            if kind is None and isinstance(node.value, ast.Call):
                kind = facts.made_by(node.value)
            targets = [node.target]
        elif isinstance(node, ast.withitem) and isinstance(node.context_expr, ast.Call):
            kind = facts.made_by(node.context_expr)
            targets = [node.optional_vars] if node.optional_vars is not None else []
        elif isinstance(node, ast.arg):
            kind = _annotated(node.annotation, facts)
            if kind is not None:
                facts.bindings.setdefault(node.arg, set()).add(kind)
        if kind is not None:
            for name in _bound_names(targets):
                facts.bindings.setdefault(name, set()).add(kind)
    return facts
