"""Checks for chapter 9, Testing guidelines: a sync/async consistency test that catches drift, and pyright as a test.

The learner writes test code, so the checks run it against workflows and projects the check plants: a correct one
(the test must pass, having run both paths) and wrong ones (the test must fail on each).
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse, Workflow

from agnocourse.grading import draws
from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, fail, sentence
from agnocourse.grading.probes import model_prompts
from agnocourse.grading.registry import describe, exercise
from agnocourse.offline import offline_agent
from agnocourse.patterns import TwoPathWorkflow
from agnocourse.typecheck import pyright_config

CONSISTENCY = "Functional Testing"
TYPES = "Type Checking"

# -- 9.1 ---------------------------------------------------------------------------------------------------
# Every pair of workflows the check runs streams a story and a headline drawn afresh: the learner's test must compare
# the two runs with each other, since no list written in advance (or kept from an earlier run) matches them.


class _Steps(TwoPathWorkflow):
    """A report: the writer streams the story, the editor writes the headline, the completion item names the topic."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.writer = self.own_agent(offline_agent("writer"))
        self.editor = self.own_agent(offline_agent("editor"))

    def prompt_for(self, topic: str) -> str:
        return f"Write about {topic}"

    def headline_for(self, topic: str) -> str:
        return f"Headline for {topic}"


class _SyncReport(_Steps):
    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from self.writer.run(self.prompt_for(topic), stream=True)
        headline = self.editor.run(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _AsyncReport(_Steps):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            yield chunk
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)
        self.finish_run(f"report on {topic}")


class _ChangedWord(_Steps):
    """Same number of items, same first and last: one word in the middle differs."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        position = 0
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            position += 1
            if position == 3:
                chunk.content = " fell"
            yield chunk
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _ExtraItem(_Steps):
    """Same first and last item, same text: one item more (an empty progress item)."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            yield chunk
        yield RunResponse(run_id=self.run_id, content="")
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _NoCompletion(_Steps):
    """Every content the same: the last item lacks the completion event."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            yield chunk
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}")


class _Reordered(_Steps):
    """The same items, events and contents, in another order: two chunks of the stream swapped."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        held = None
        position = 0
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            position += 1
            if position == 2:
                held = chunk
                continue
            yield chunk
            if held is not None:
                yield held
                held = None
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _NotStreaming(_Steps):
    """Same text and same last items: the async path collects the stream and yields it as one item."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        text = ""
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            text += chunk.content or ""
        yield RunResponse(run_id=self.run_id, content=text)
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _EditorsEvent(_Steps):
    """Same items and contents: the headline item in the middle carries the editor's run event, RunCompleted."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            yield chunk
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content, event=RunEvent.run_completed)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _BareHeadline(_Steps):
    """Same number of items, same text: the headline is yielded as a plain string, not as a RunResponse."""

    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self.run_id = self.start_run(topic=topic)
        async for chunk in await self.writer.arun(self.prompt_for(topic), stream=True):
            yield chunk
        headline = await self.editor.arun(self.headline_for(topic), stream=False)
        yield str(headline.content)  # pyright: ignore[reportReturnType]
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


class _SyncNotStreaming(_Steps):
    """The sync path drifted, the async path is right: the writer asked with stream=False, its text as one item."""

    def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
        yield self.writer.run(self.prompt_for(topic), stream=False)
        headline = self.editor.run(self.headline_for(topic), stream=False)
        yield RunResponse(run_id=self.run_id, content=headline.content)
        yield RunResponse(run_id=self.run_id, content=f"report on {topic}", event=RunEvent.workflow_completed)


# (sync class, async class, what differs); the first pair agrees.
AGREEING: tuple[type[Workflow], type[Workflow], str] = (_SyncReport, _AsyncReport, "")
DRIFTS: list[tuple[type[Workflow], type[Workflow], str]] = [
    (
        _SyncReport,
        _ChangedWord,
        "one word in the middle of the async stream differs (same length, first and last item)",
    ),
    (_SyncReport, _ExtraItem, "the async path yields one item more (same first and last item, same text)"),
    (_SyncReport, _NoCompletion, "the async path's last item lacks RunEvent.workflow_completed (same contents)"),
    (
        _SyncReport,
        _NotStreaming,
        "the async path yields the whole text as one item instead of streaming it (same text)",
    ),
    (_SyncReport, _Reordered, "the async path yields the same items in another order (two chunks swapped)"),
    (
        _SyncReport,
        _EditorsEvent,
        "an item in the middle of the async run carries another event, RunCompleted where the sync path's carries "
        "RunResponse (same contents, same number of items)",
    ),
    (
        _SyncReport,
        _BareHeadline,
        "the async path yields one item as a plain str where the sync path yields a RunResponse (same text)",
    ),
    (
        _SyncNotStreaming,
        _AsyncReport,
        "the sync path yields the writer's whole text as one item where the async path streams it (same text)",
    ),
]
COMPARE_HINT = "compare every item of both runs, in order: its event and its content, and the number of items."


def _story() -> str:
    return " ".join(rng.sample(draws.WORDS, rng.randint(7, 9))).capitalize()


class _Factory:
    """Makes workflows of one class, each with its own writer and editor answering what the pair drew, and remembers
    the writers to see which path ran."""

    def __init__(self, cls: type[Workflow], story: str, headline: str) -> None:
        self.cls = cls
        self.story, self.headline = story, headline
        self.writers: list[Agent] = []

    def __call__(self) -> Workflow:
        wf: Any = self.cls()
        wf.writer = offline_agent("writer", reply=self.story)
        wf.editor = offline_agent("editor", reply=self.headline)
        self.writers.append(wf.writer)
        return wf

    @property
    def ran(self) -> bool:
        return any(model_prompts(writer) for writer in self.writers)


def _pair(sync_cls: type[Workflow], async_cls: type[Workflow]) -> tuple[_Factory, _Factory, str]:
    """Factories for one pair, whose agents answer a story and a headline drawn afresh, and the topic to run."""
    story, topic = _story(), draws.topic()
    headline = f"{topic} {draws.word()}".upper()
    return _Factory(sync_cls, story, headline), _Factory(async_cls, story, headline), topic


def _run_test(
    answer: Callable[..., Any], make_sync: _Factory, make_async: _Factory, topic: str, drifted: bool = False
) -> Exception | None:
    """Run the learner's test; the error that failed it is returned. On an agreeing pair only an AssertionError
    counts as the test failing, other errors are reported; on a drifted pair, any error fails the test, as in pytest."""
    name = describe(answer)
    try:
        outcome = answer(make_sync, make_async, topic=topic)
    except AssertionError as failed:
        return failed
    except Exception as error:
        if drifted:
            return error
        if isinstance(error, RuntimeError) and ("running event loop" in str(error) or "already running" in str(error)):
            fail(
                CONSISTENCY,
                sentence(f"{name} raised RuntimeError: {error}"),
                "the check calls your test the way pytest does, from a plain thread: asyncio.run() works there. "
                "Did your test start its loop inside the workflow's path?",
            )
        fail(
            CONSISTENCY,
            sentence(f"{name} raised {type(error).__name__}: {error}"),
            "run it yourself and read the traceback.",
        )
    if inspect.isawaitable(outcome):
        close = getattr(outcome, "close", None)
        if callable(close):
            close()
        fail(
            CONSISTENCY,
            f"{name}(...) returned a {type(outcome).__name__}, which nobody runs: its body never executed.",
            "plain pytest does not run coroutines: write a plain def and drive the async path with asyncio.run().",
        )
    return None


def _expect_agreeing_pair_passes(answer: Callable[..., Any], name: str) -> tuple[_Factory, _Factory]:
    make_sync, make_async, topic = _pair(*AGREEING[:2])
    failed = _run_test(answer, make_sync, make_async, topic)
    said = f"{str(failed)[:200]!r}" if str(failed) else "an AssertionError without a message"
    expect(
        failed is None,
        CONSISTENCY,
        f"{name} failed on a workflow whose two paths yield the same items: {said}.",
        "run each path once with the same inputs and compare the two runs with each other (what each run yields "
        "changes from run to run); compare events and contents, not run ids (they differ by design).",
    )
    return make_sync, make_async


@exercise("9.1", "A consistency test that catches drift", points=4, rule="Testing: both paths give the same result")
def consistency_test(answer: Any) -> None:
    """Calls the learner's test the way pytest does, from a plain thread, as `test(make_sync, make_async, topic=...)`,
    on pairs of workflow classes whose writer and editor answer a story, a headline and a topic drawn afresh for every
    pair. On two agreeing pairs (one first, one at a drawn place among the rest) the test must not fail, must not return
    an awaitable, and must have run both paths (each path's writer was asked). On each of eight drifted pairs the test
    must fail: a word changed in the middle, one item more, no completion event, the text collected into one item, two
    chunks swapped, another event on a middle item, a plain str instead of a RunResponse, and a sync path that stopped
    streaming."""
    name = describe(answer)
    expect(
        callable(answer) and not inspect.isclass(answer),
        CONSISTENCY,
        f"{name} is not a function.",
        "pass the test function itself to check().",
    )
    make_sync, make_async = _expect_agreeing_pair_passes(answer, name)
    expect(
        make_sync.ran,
        CONSISTENCY,
        f"{name} passed, but the sync path's agent was never asked: the sync path never ran.",
        "call make_sync() and consume its run(**inputs) to the end.",
    )
    expect(
        make_async.ran,
        CONSISTENCY,
        f"{name} passed, but the async path's agent was never asked: the async path never ran.",
        "an async generator does nothing until iterated: collect make_async().arun(**inputs) inside a coroutine "
        "that asyncio.run() drives.",
    )
    # A second agreeing pair, with other draws, somewhere among the drifted ones.
    pairs = [*DRIFTS]
    pairs.insert(rng.randint(0, len(pairs)), AGREEING)
    for sync_cls, async_cls, what in pairs:
        if not what:
            _expect_agreeing_pair_passes(answer, name)
            continue
        make_sync, make_async, topic = _pair(sync_cls, async_cls)
        expect(
            _run_test(answer, make_sync, make_async, topic, drifted=True) is not None,
            CONSISTENCY,
            f"{name} passed a workflow whose paths disagree: {what}.",
            COMPARE_HINT,
        )


# -- 9.2 ---------------------------------------------------------------------------------------------------
CLEAN = """\
def double(value: int) -> int:
    return 2 * value
"""
WARNED = """\
def total(values: list[int]) -> int:
    values
    return sum(values)
"""
BUGGY_HEAD = """\
from collections.abc import AsyncIterator

from agno.agent import Agent
from agno.workflow import RunEvent, RunResponse
"""
FILLER = """\
def {name}(value: int) -> int:
    return value + {number}
"""


@dataclass(frozen=True)
class _Kind:
    """One kind of error pyright reports: a function whose line marked @@ holds either the error or, in a function
    that reads alike, the right code. Each error is one pyright error on that line; the right code is none."""

    template: str
    error: str
    right: str


# The buggy file holds three or four of these errors, drawn afresh, and the right forms of others and of its own kinds:
# no fixed text marks an error line, so finding them takes a type checker.
KINDS: tuple[_Kind, ...] = (
    _Kind(  # a coroutine iterated: reportGeneralTypeIssues
        "async def {fn}({agent}: Agent, {arg}: str) -> AsyncIterator[RunResponse]:\n"
        "    async for chunk in @@:\n"
        "        yield chunk\n",
        "{agent}.arun({arg}, stream=True)",
        "await {agent}.arun({arg}, stream=True)",
    ),
    _Kind(  # an enum member agno does not have: reportAttributeAccessIssue
        "def {fn}({arg}: str) -> RunResponse:\n    return RunResponse(content={arg}, event=@@)\n",
        "RunEvent.{missing_event}",
        "RunEvent.{event}",
    ),
    _Kind(  # a sync call awaited: reportGeneralTypeIssues
        "async def {fn}({agent}: Agent, {arg}: str) -> str:\n    reply = @@\n    return str(reply.content)\n",
        "await {agent}.run({arg}, stream=False)",
        "await {agent}.arun({arg}, stream=False)",
    ),
    _Kind(  # an argument of the wrong type: reportArgumentType
        "def {fn}(value: int) -> int:\n    return @@\n",
        "{helper}(str(value))",
        "{helper}(value)",
    ),
    _Kind(  # a missing argument: reportCallIssue
        "def {fn}(value: int) -> int:\n    return {helper}(value) + @@\n",
        "{helper}()",
        "{helper}({number})",
    ),
    _Kind(  # a return value of the wrong type: reportReturnType
        "def {fn}(value: int) -> str:\n    return @@\n",
        "value * {number}",
        "str(value * {number})",
    ),
    _Kind(  # a keyword RunResponse does not take: reportCallIssue
        "def {fn}({arg}: str) -> RunResponse:\n    return RunResponse(@@)\n",
        'content={arg}, {missing_field}="done"',
        'content={arg}, content_type="str"',
    ),
    _Kind(  # an attribute RunResponse does not have: reportAttributeAccessIssue
        "def {fn}(reply: RunResponse) -> str:\n    return @@\n",
        "str(reply.{missing_field})",
        "str(reply.content)",
    ),
    _Kind(  # a value of the wrong type for an annotated name: reportAssignmentType
        "def {fn}({arg}: str) -> int:\n    count: int = @@\n    return count\n",
        "{arg}",
        "len({arg})",
    ),
    _Kind(  # a method called on what may be None: reportOptionalMemberAccess
        "def {fn}({arg}: str | None) -> str:\n    return @@\n",
        "{arg}.upper()",
        '({arg} or "").upper()',
    ),
)
NAMES = {
    "agent": ("agent", "writer", "editor", "analyst"),
    "arg": ("topic", "prompt", "text", "question"),
    "missing_event": ("workflow_failed", "run_failed", "workflow_error", "failed"),
    "event": ("run_error", "workflow_completed", "run_response"),
    "missing_field": ("status", "text", "message", "output"),
}
VERBS = ("brief", "draft", "label", "relay", "tally", "check", "note", "sum")
PLACE = re.compile(r"([\w.-]+\.py):(\d+)")


class _Project:
    """The project of one check: three files under drawn names; the buggy one holds errors of drawn kinds at drawn
    lines, among right code that reads alike. `errors` and `rights` name kinds (KINDS indices) to plant instead."""

    def __init__(self, errors: list[int] | None = None, rights: list[int] | None = None) -> None:
        self.clean, self.warned, self.buggy = (f"{name}.py" for name in draws.topics(3))
        if errors is None:
            errors = rng.sample(range(len(KINDS)), rng.randint(3, 4))
        if rights is None:
            others = [k for k in range(len(KINDS)) if k not in errors]
            rights = [*errors, *rng.sample(others, rng.randint(1, 2))]
        helpers = [f"step_{n}" for n in range(rng.randint(1, 4))]
        names = {key: rng.choice(choices) for key, choices in NAMES.items()}
        planted = [(k, True) for k in errors] + [(k, False) for k in rights]
        rng.shuffle(planted)
        functions = rng.sample([f"{verb}_{word}" for verb in VERBS for word in draws.WORDS], len(planted))
        text = "\n\n".join([BUGGY_HEAD, *(FILLER.format(name=h, number=n) for n, h in enumerate(helpers))])
        self.errors: set[tuple[str, int]] = set()
        for (k, wrong), fn in zip(planted, functions, strict=True):
            kind = KINDS[k]
            at = next(n for n, line in enumerate(kind.template.splitlines()) if "@@" in line)
            text += "\n\n"
            if wrong:
                self.errors.add((self.buggy, text.count("\n") + at + 1))
            code = kind.template.replace("@@", kind.error if wrong else kind.right)
            text += code.format(fn=fn, helper=rng.choice(helpers), number=rng.randint(2, 9), **names)
        self.buggy_text = text

    def write(self, folder: Path) -> None:
        prefix = Path(sys.prefix)
        config = pyright_config(venvPath=str(prefix.parent), venv=prefix.name)
        Path(folder, "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
        for name, text in ((self.clean, CLEAN), (self.warned, WARNED), (self.buggy, self.buggy_text)):
            Path(folder, name).write_text(text, encoding="utf-8")


@exercise("9.2", "pyright as a test", points=3, rule="Testing: pyright as a test", limit=45)
def pyright_as_a_test(answer: Any) -> None:
    """Writes a project of three files under names drawn per run into a temporary folder: a clean one, one with only a
    pyright warning, and one that plants 3 or 4 errors of drawn kinds (out of ten, from an iterated coroutine to a
    member access on an optional value) at drawn lines among right code that reads alike. The function is called once on
    the folder (pyright's own run is not counted against the time limit) and must return a list of strings, each
    starting with `file.py:line`, reporting exactly the planted errors with lines counted from 1 and no warning."""
    name = describe(answer)
    expect(callable(answer), TYPES, f"{name} is not a function.", "pass the function itself to check().")
    project = _Project()
    with tempfile.TemporaryDirectory() as folder:
        project.write(Path(folder))
        try:
            found = answer(Path(folder))
        except (AssertionError, NotImplementedError):
            raise
        except Exception as error:
            fail(TYPES, sentence(f"{name} raised {type(error).__name__}: {error}"), "run it on a folder yourself.")
    expect(
        isinstance(found, list) and all(isinstance(entry, str) for entry in found),
        TYPES,
        f"{name} returned {type(found).__name__} {str(found)[:120]!r}, not a list of strings.",
        "return one string per error, e.g. 'buggy.py:9: <pyright's message>'.",
    )
    entries: list[str] = found
    expect(
        bool(entries),
        TYPES,
        f"{name} found no error in a project where pyright's errors are at {sorted(project.errors)}. A test built on "
        "it always passes.",
        "read pyright's report: run it with --outputjson and keep the diagnostics whose severity is 'error'.",
    )
    places = [PLACE.search(entry) for entry in entries]
    expect(
        all(places),
        TYPES,
        f"{name} returned entries without a file and line, e.g. {entries[0][:100]!r}.",
        "start each entry with the file's name and the line, e.g. 'buggy.py:9: ...' (pyright's lines count from 0).",
    )
    seen = [(match.group(1), int(match.group(2))) for match in places if match]
    warned = [entry for entry, place in zip(entries, seen, strict=True) if place[0] == project.warned]
    expect(
        not warned,
        TYPES,
        f"{name} reported a warning as an error: {warned[0][:120]!r}." if warned else "",
        "pyright's report holds errors, warnings and information: only errors fail the test.",
    )
    counted_from_0 = sorted((file, line + 1) for file, line in seen) == sorted(project.errors)
    expect(
        sorted(seen) == sorted(project.errors),
        TYPES,
        f"{name} reported {sorted(seen)}; pyright's errors are at {sorted(project.errors)}.",
        "one entry per error, with the line counted from 1 (pyright's JSON counts from 0)."
        if counted_from_0
        else "one entry per error pyright reports, and nothing else: the errors' kinds, files and lines change on "
        "every run, so only pyright's own report finds them all.",
    )
