"""Checks for chapter 8, Type annotations: method signatures, and pyright with zero errors on the learner's code."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agno.agent import Agent
from agno.run.response import RunEvent

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail, sentence
from agnocourse.grading.harness import untimed
from agnocourse.grading.paths import async_runs, dual_classes, expect_paths_clean, expect_run_recorded, sync_run
from agnocourse.grading.probes import Run, last_chunk_at, model_prompts, probe_agent, run_async_paths
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_annotation, expect_runresponses, workflow_class
from agnocourse.offline import offline_agent
from agnocourse.typecheck import (
    REQUIRED_IMPORTS,
    class_source,
    defining_cell,
    definitions,
    find_pyright,
    pyright_config,
)

PYRIGHT_RULE = "Type Annotations: pyright"
# Every module pyright checks starts with the chapter's required imports (REQUIRED_IMPORTS, from typecheck).
# Bare `# type: ignore` is not honoured, and a `# pyright: ignore[rule]` that silences nothing is an error.
PYRIGHT_CONFIG = pyright_config(enableTypeIgnoreComments=False, reportUnnecessaryTypeIgnoreComment="error")
HINTS = {
    "reportIncompatibleMethodOverride": "this is agno 1.5.10's own typing of run()/arun(), not a bug in your code: "
    "silence exactly that rule, on the line pyright reports, and nothing else.",
    "reportUnnecessaryTypeIgnoreComment": "an ignore comment that silences nothing hides nothing either: remove it.",
    "reportGeneralTypeIssues": "read pyright's message: what does the expression you iterate over give before it is "
    "awaited?",
    "reportAttributeAccessIssue": "read pyright's message: the name you use does not exist on agno 1.5.10.",
    "reportUndefinedVariable": "the check type-checks the cell that defines your class (and the cells of its bases) "
    "after the chapter's required imports, not your earlier cells: import or define that name in the same cell.",
}
DEFAULT_HINT = "run pyright on the cell yourself (as the chapter does) and fix what it reports."


@dataclass(frozen=True)
class PyrightError:
    """One pyright error, placed in the learner's code ("AsyncDigest, line 4"), the rule, pyright's message."""

    where: str
    rule: str
    message: str

    def describe(self) -> str:
        first = self.message.splitlines()[0]
        return f"{self.where}: {self.rule}: {first}"


def pyright_executable() -> Path:
    """The pyright of the running interpreter's environment, else one on the PATH."""
    try:
        return find_pyright()
    except FileNotFoundError:
        fail(PYRIGHT_RULE, "pyright is not installed in this environment.", "install the course's requirements.")


def own_classes(*classes: type) -> list[type]:
    """The classes to type-check: the answers and their bases that are not agno's, Python's or the course's (the
    required imports bring those), bases first."""
    ordered: list[type] = []
    for cls in classes:
        for each in reversed(cls.__mro__):
            module = each.__module__
            if module == "builtins" or module.split(".")[0] in {"agno", "agnocourse", "pydantic", "typing", "abc"}:
                continue
            if each not in ordered:
                ordered.append(each)
    return ordered


@dataclass(frozen=True)
class Unit:
    """What pyright reads of one answer class: the whole notebook cell that defines it (its definitions), or, for a
    class in a file, the class's source; `first` is its first line in the checked module."""

    label: str
    text: str
    first: int = 0

    def place(self, line: int) -> str:
        """Where a line of the checked module is, in the learner's words: a class or function and its line."""
        line = line - self.first + 1
        try:
            tree = ast.parse(self.text)
        except SyntaxError:
            return f"{self.label}, line {line}"
        for node in tree.body:
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                if node.lineno <= line <= (node.end_lineno or node.lineno):
                    return f"{node.name}, line {line - node.lineno + 1}"
        return f"{self.label}, line {line}"


def units(*classes: type) -> list[Unit]:
    """One unit per notebook cell (or class in a file) that defines the answers and their own bases, bases first."""
    found: dict[str, Unit] = {}
    for cls in own_classes(*classes):
        cell = defining_cell(cls)
        if cell is not None:
            name, text = cell
            found.setdefault(name, Unit(f"the cell that defines {cls.__name__}", definitions(text)))
            continue
        try:
            source = textwrap.dedent(class_source(cls))
        except OSError:
            fail(PYRIGHT_RULE, f"the source of {cls.__name__} cannot be found.", "run the cell that defines it again.")
        found.setdefault(f"class {cls.__module__}.{cls.__qualname__}", Unit(cls.__name__, source))
    return list(found.values())


def type_errors(*classes: type, timeout: float = 60.0) -> list[PyrightError]:
    """Run pyright once on the required imports followed by the learner's cells (or classes) that define `classes`."""
    placed: list[Unit] = []
    text = REQUIRED_IMPORTS.rstrip("\n")
    for unit in units(*classes):
        text += "\n\n\n"
        placed.append(Unit(unit.label, unit.text, first=text.count("\n") + 1))
        text += unit.text.rstrip("\n")
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "answer.py").write_text(text + "\n", encoding="utf-8")
        Path(folder, "pyrightconfig.json").write_text(json.dumps(PYRIGHT_CONFIG), encoding="utf-8")
        command = [str(pyright_executable()), "--outputjson", "--pythonpath", sys.executable]
        with untimed():
            done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=timeout)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        fail(PYRIGHT_RULE, f"pyright did not run: {done.stderr.strip()[:200]}", "check that node is installed.")
    errors: list[PyrightError] = []
    for found in report.get("generalDiagnostics", []):
        if found.get("severity") != "error":
            continue
        line = found["range"]["start"]["line"] + 1
        unit = max((u for u in placed if u.first <= line), key=lambda u: u.first, default=None)
        where = unit.place(line) if unit else f"the required imports, line {line}"
        errors.append(PyrightError(where, found.get("rule", "-"), found["message"]))
    return errors


def expect_type_clean(*classes: type) -> None:
    """Fail naming pyright's first error on the learner's classes, with a hint for its rule."""
    errors = type_errors(*classes)
    if errors:
        first = errors[0]
        fail(
            PYRIGHT_RULE,
            sentence(f"pyright reports {len(errors)} error(s); the first: {first.describe()}"),
            HINTS.get(first.rule, DEFAULT_HINT),
        )


# -- 8.1 ---------------------------------------------------------------------------------------------------
def _sections(topics: list[str]) -> dict[str, str]:
    """The writer's section on each topic, with words drawn afresh: only asking the writer gives them."""
    return {topic: f"Section on {topic}: {draws.text(2)}." for topic in topics}


def _brief_writer(sections: dict[str, str], latency: float) -> Agent:
    def reply(prompt: str) -> str:
        words = prompt.split()
        return sections.get(words[-1] if words else "", f"No section on {prompt!r}.")

    return offline_agent("writer", reply=reply, latency=latency)


def _expect_brief(items: list[Any], wf: Any, sections: dict[str, str], where: str) -> None:
    topics = list(sections)
    expect_runresponses(items, where)
    prompts = model_prompts(wf.writer)
    expect(
        sorted(prompts) == sorted(topics),
        "Method Signatures",
        f"{where} yielded {len(items)} item(s) for topics {topics}, and the writer was asked {prompts}.",
        "each section is the writer's answer: the subflow asks the writer once, with its topic as the whole prompt.",
    )
    contents = [item.content for item in items]
    expect(
        contents == [*(sections[t] for t in topics), f"{len(topics)} sections"],
        "Method Signatures",
        f"{where} yielded contents {contents} for topics {topics}.",
        "one item per topic from the subflow, carrying the writer's answer, then the final item.",
    )


@exercise("8.1", "Method signatures", points=3, rule="AGN108", limit=30)
def method_signatures(sync_answer: Any, async_answer: Any) -> None:
    """Requires split classes with subflows `_section` and `_asection`, and reads the resolved return annotations:
    `run()` and `_section()` must be `Iterator[RunResponse]`, `arun()` and `_asection()` `AsyncIterator[RunResponse]`.
    On 2 to 4 topics drawn per run, whose sections carry words drawn per run, the sync path (inside a running event
    loop) and one async run beside a heartbeat (writer agent 0.2 s per call) must ask the writer once per topic, with
    the topic as the whole prompt, and yield one item per topic with the writer's section, then a
    `RunEvent.workflow_completed` item `'<n> sections'`; the loop may not stall for 0.12 s or more and the async run's
    last item must carry its own run id with agno's run state recorded. The rule checker's codes for each path run on
    its class, then pyright runs once on the notebook cells that define both classes and their own bases (after the
    chapter's required imports, with bare `# type: ignore` not honoured and unneeded ignores reported as errors), and
    any error fails."""
    sync_cls, async_cls = dual_classes(sync_answer, async_answer)
    for cls, method in ((sync_cls, "_section"), (async_cls, "_asection")):
        expect(
            callable(getattr(cls, method, None)),
            "Method Signatures",
            f"{cls.__name__} has no {method}() subflow.",
            f"define {method}(self, topic: str) in {cls.__name__}.",
        )
    expect_annotation(sync_cls, "run", Iterator)
    expect_annotation(sync_cls, "_section", Iterator)
    expect_annotation(async_cls, "arun", AsyncIterator)
    expect_annotation(async_cls, "_asection", AsyncIterator)

    sections = _sections(draws.topics(rng.randint(2, 4)))
    topics = list(sections)

    def briefing(latency: float) -> Any:
        def build(cls: type) -> Any:
            wf: Any = cls()
            wf.writer = _brief_writer(sections, latency=latency)
            return wf

        return build

    swf, run = sync_run(sync_cls, briefing(0.0), lambda wf: wf.run(topics=topics))
    _expect_brief(run.items, swf, sections, f"{sync_cls.__name__}.run()")
    awf = briefing(0.2)(async_cls)
    async_runs(
        [awf],
        lambda _, wf: wf.arun(topics=topics),
        latency=0.2,
        stall_code="AGN104",
        stall_hint="await agent.arun(...)",
        expect_each=lambda _, wf, run: _expect_brief(run.items, wf, sections, f"{async_cls.__name__}.arun()"),
    )
    expect_run_recorded(awf, f"{async_cls.__name__}.arun()", "Dual Method Pattern")
    hint = "annotate every path and subflow with what calling it gives."
    expect_paths_clean(sync_cls, async_cls, hint, hint)
    expect_type_clean(sync_cls, async_cls)


# -- 8.2 ---------------------------------------------------------------------------------------------------
# Long enough that a loaded machine cannot blur two concurrent runs (0.7 s) into sequential ones (1.4 s).
DIGEST_LATENCY = 0.4


class WriterDown(RuntimeError):
    """The writer's model failed."""


def _down(prompt: str) -> str:
    raise WriterDown("the writer is down")


def _digest_writer(digest: str, latency: float, failing: bool = False) -> Agent:
    if failing:
        return offline_agent("writer", reply=_down, latency=latency)
    return probe_agent("writer", digest, latency=latency, chunk_delay=0.02)


def _expect_digest(run: Run, wf: Any, digest: str, topic: str, where: str) -> None:
    expect_runresponses(run.items, where)
    chunks = run.items[:-1]
    expect(
        len(chunks) > 3 and "".join(str(c.content) for c in chunks) == digest,
        "Agent Call Patterns",
        f"{where} yielded {len(chunks)} chunk(s) before the final item, with contents "
        f"{[c.content for c in chunks][:3]}...",
        "yield every chunk of the writer's streamed answer as it arrives.",
    )
    expect(
        run.items[-1].content == digest and model_prompts(wf.writer) == [topic],
        "Agent Call Patterns",
        f"the final content was {run.items[-1].content!r}; for topic={topic!r} the writer was asked "
        f"{model_prompts(wf.writer)}.",
        "ask the writer about the topic once; the final item carries its whole text.",
    )
    last = last_chunk_at(wf.writer)
    expect_timing(
        last is not None and run.times[0] < last,
        "AGN103",
        "the first chunk reached the caller after the writer had produced its last chunk.",
        "yield each chunk inside the loop over the stream.",
    )


@exercise("8.2", "Zero pyright errors", points=4, rule="Type annotations: zero pyright errors", limit=30)
def zero_errors(async_answer: Any) -> None:
    """Runs pyright first on the notebook cells that define the class and its own bases, after the chapter's required
    imports, with bare `# type: ignore` not honoured and an ignore comment that silences nothing reported as an error:
    any error fails. Then two workflows run concurrently beside a heartbeat, each with a writer agent streaming 14 words
    drawn per run (0.4 s latency, then chunks 20 ms apart) for a topic drawn per run: each must ask the writer once with
    the topic, relay more than three chunks that join to the text, end with a `RunEvent.workflow_completed` item holding
    the whole text, and deliver its first chunk before the writer produced its last. The loop may not stall for 0.24 s
    or more, the two writer calls must be in flight at one moment, as the spans the model records show, each run's last
    item must carry its own run id with agno's run state recorded; a third run with a writer that raises must end with a
    `RunEvent.run_error` item naming the failure and yield no completion item, and the rule checker's async-path codes
    run on the class."""
    async_cls = workflow_class(async_answer, "arun", "run")
    expect_type_clean(async_cls)

    digests, topics = [draws.text(14) for _ in range(2)], draws.topics(2)
    wfs: list[Any] = [async_cls() for _ in range(2)]
    for each, digest in zip(wfs, digests, strict=True):
        each.writer = _digest_writer(digest, latency=DIGEST_LATENCY)
    async_runs(
        wfs,
        lambda i, wf: wf.arun(topic=topics[i]),
        latency=DIGEST_LATENCY,
        stall_code="AGN104",
        stall_hint="await agent.arun(...)",
        expect_each=lambda i, wf, run: _expect_digest(run, wf, digests[i], topics[i], f"{async_cls.__name__}.arun()"),
        waits=lambda wf: [wf.writer],
        overlap_rule="AGN104",
        overlap_hint="await the agent's async call so that runs overlap.",
    )
    for wf in wfs:
        expect_run_recorded(wf, f"{async_cls.__name__}.arun()", "Dual Method Pattern")

    broken: Any = async_cls()
    broken.writer = _digest_writer("", latency=0.0, failing=True)
    error_hint = "catch the writer's failure and report it with a RunResponse whose event is RunEvent.run_error."

    async def guarded() -> AsyncIterator[Any]:
        try:
            async for item in broken.arun(topic=draws.topic()):
                yield item
        except WriterDown as error:
            fail(
                "Error Handling",
                sentence(f"{async_cls.__name__}.arun() let the writer's failure escape: {error}"),
                error_hint,
            )

    failed, _, _ = run_async_paths([guarded], f"{async_cls.__name__}.arun() with a failing writer", error_hint)
    items = failed[0].items
    seen = [(item.content, item.event) for item in items]
    expect(
        bool(items)
        and items[-1].event == RunEvent.run_error.value
        and "writer is down" in str(items[-1].content)
        and all(item.event != RunEvent.workflow_completed.value for item in items),
        "Error Handling",
        f"with a failing writer {async_cls.__name__}.arun() yielded {seen}.",
        "end a failed run with one RunResponse naming the error, event RunEvent.run_error, and no completion item.",
    )
    expect_paths_clean(None, async_cls, "", "keep the async path's calls and events as the course's patterns show.")
