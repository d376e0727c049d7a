"""What a module (or a whole notebook) tells about its names before any rule is checked: imports,
which classes are workflows, and which names hold agents, workflows or blocking tools."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass, field

from agnocourse.rules.syntax import identifier_words, last_identifier, self_attribute

AGENT_FACTORIES = frozenset({"Agent", "Team", "offline_agent"})
AGENT_WORDS = frozenset(
    {"agent", "agents", "team", "teams", "writer", "writers", "researcher", "editor", "analyst", "reviewer"}
    | {"summarizer", "planner", "critic", "assistant", "translator", "coordinator", "reporter"}
)
WORKFLOW_WORDS = frozenset({"workflow", "workflows", "wf"})
# Receivers whose .run() is not an agent's: event loops, executors, processes, servers, runners.
NOT_AGENT_WORDS = frozenset(
    {"loop", "executor", "pool", "process", "proc", "subprocess", "thread", "server", "app", "runner", "asyncio"}
)
SYNC_TOOL_CLASSES = frozenset({"SyncFinancialTools", "LegacyReportTool"})
SYNC_TOOL_WORDS = frozenset({"sync", "legacy", "blocking"})
TOOL_WORDS = frozenset({"tool", "tools", "client", "sdk", "api", "service"})


@dataclass
class Facts:
    aliases: dict[str, str] = field(default_factory=dict)  # local name -> dotted import path
    modules: set[str] = field(default_factory=set)  # local names bound by `import X`
    workflow_classes: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)  # names and self attributes bound to agents or teams
    workflows: set[str] = field(default_factory=set)  # names and self attributes bound to workflow objects
    sync_tools: set[str] = field(default_factory=set)  # names and self attributes bound to blocking tools
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)  # classes defined in the module, by name

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

    def kind_of(self, receiver: ast.expr, in_workflow_class: bool) -> str | None:
        """What the receiver of a .run()/.arun() call is: "agent" (or team), "workflow", "self", or None
        when it does not look like either (asyncio, subprocess, an event loop, an unknown object)."""
        if (isinstance(receiver, ast.Name) and receiver.id in ("self", "cls")) or (
            isinstance(receiver, ast.Call) and last_identifier(receiver.func) == "super"
        ):
            return "self"
        name = last_identifier(receiver)
        if name is None or (isinstance(receiver, ast.Name) and name in self.modules):
            return None
        words = identifier_words(name)
        if words & NOT_AGENT_WORDS:
            return None
        if name in self.workflows or name in self.workflow_classes or words & WORKFLOW_WORDS:
            return "workflow"
        if name in self.agents or name in AGENT_FACTORIES or words & AGENT_WORDS:
            return "agent"
        if in_workflow_class and self_attribute(receiver) is not None:
            return "agent"  # inside a workflow, self.<anything>.run() is an agent or team call
        return None

    def is_sync_tool(self, receiver: ast.expr) -> bool:
        """Whether method calls on `receiver` block: a SyncFinancialTools / LegacyReportTool object, or a name
        such as `legacy_tool`, `self.sync_tools`, `blocking_client`."""
        name = last_identifier(receiver)
        if name is None:
            return False
        if name in SYNC_TOOL_CLASSES or (not isinstance(receiver, ast.Call) and name in self.sync_tools):
            return True
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


def _kind_of_value(value: ast.expr | None, annotation: ast.expr | None, facts: Facts) -> set[str] | None:
    """The set a name bound to `value` (annotated `annotation`) belongs in, if any."""
    annotated = last_identifier(annotation) if annotation is not None else None
    if annotated in ("Agent", "Team"):
        return facts.agents
    if not isinstance(value, ast.Call) or (made_by := last_identifier(value.func)) is None:
        return None
    if made_by in AGENT_FACTORIES:
        return facts.agents
    if made_by in facts.workflow_classes or made_by.endswith("Workflow"):
        return facts.workflows
    if facts.is_sync_tool(value.func):
        return facts.sync_tools
    return None


def _workflow_classes(classes: list[ast.ClassDef]) -> set[str]:
    found = {"Workflow"}
    changed = True
    while changed:
        changed = False
        for node in classes:
            if node.name not in found and any(last_identifier(base) in found for base in node.bases):
                found.add(node.name)
                changed = True
    return found


def collect_facts(trees: Iterable[ast.AST]) -> Facts:
    facts = Facts()
    nodes = [node for tree in trees for node in ast.walk(tree)]
    classes = [node for node in nodes if isinstance(node, ast.ClassDef)]
    facts.workflow_classes = _workflow_classes(classes)
    facts.classes = {node.name: node for node in classes}
    rebound: set[str] = set()  # names also bound to something that is not a blocking tool
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            _record_import(node, facts)
        elif isinstance(node, ast.Assign):
            kind = _kind_of_value(node.value, None, facts)
            if kind is not None:
                kind.update(_bound_names(node.targets))
            if kind is not facts.sync_tools:
                rebound.update(_bound_names(node.targets))
        elif isinstance(node, ast.AnnAssign):
            kind = _kind_of_value(node.value, node.annotation, facts)
            if kind is not None:
                kind.update(_bound_names([node.target]))
        elif isinstance(node, ast.arg) and node.annotation is not None:
            if last_identifier(node.annotation) in ("Agent", "Team"):
                facts.agents.add(node.arg)
    facts.sync_tools -= rebound
    return facts
