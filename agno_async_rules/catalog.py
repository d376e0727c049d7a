"""The rules: one stable code each, with its severity, its place in the rules document, the fix, and a
bad and a good example (the appendix page and the rule index are built from this table)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from textwrap import dedent
from types import MappingProxyType

from agno_async_rules.findings import Severity
from agno_async_rules.variants import VARIANTS
from agno_async_rules.versions import AgnoVersion

SYNTAX_ERROR = "E999"
READ_ERROR = "E902"
TOO_DEEP = "E903"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    section: str  # where the rules document (or its erratum) states it
    chapter: str  # the course chapter (file stem) that teaches it
    fix: str
    bad: str
    good: str
    since: AgnoVersion | None = None  # the first agno release it applies to (None: every older one)
    until: AgnoVersion | None = None  # the first release it no longer applies to (None: every newer one)
    variants: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # release line -> texts that differ

    def message(self, detail: str = "") -> str:
        return f"{detail or self.title} [{self.section}]. Fix: {self.fix}"

    def applies_to(self, version: AgnoVersion) -> bool:
        return (self.since is None or version >= self.since) and (self.until is None or version < self.until)

    @property
    def versions(self) -> str:
        """Which agno releases the rule applies to, in words."""
        if self.since is None and self.until is None:
            return "every agno release"
        if self.since is None:
            return f"agno before {self.until}"
        return f"agno {self.since} and later" if self.until is None else f"agno {self.since} to before {self.until}"

    def for_line(self, line: str) -> Rule:
        """The rule with the title, fix and examples of one release line."""
        return replace(self, **self.variants.get(line, {}))


def _source(text: str) -> str:
    return dedent(text).strip() + "\n"


_RULES = (
    Rule(
        "AGN101",
        Severity.ERROR,
        "asyncio.run() or run_until_complete() inside a sync workflow method",
        "Never do 1: Mixed Sync/Async Anti-Pattern",
        "02_never_do",
        "keep the sync path sync (agent.run(..., stream=False), a ThreadPoolExecutor for concurrent "
        "blocking work); it raises RuntimeError under a running event loop",
        _source("""
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    facts = asyncio.run(self.fetch_facts(topic))
                    yield RunResponse(run_id=self.run_id, content=facts)
        """),
        _source("""
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    report = self.writer.run(topic, stream=False)
                    yield RunResponse(run_id=self.run_id, content=report.content)
        """),
    ),
    Rule(
        "AGN102",
        Severity.ERROR,
        "RunResponseContentEvent used",
        "Never do 2: Wrong Return Types",
        "02_never_do",
        "use RunResponse (RunResponseContentEvent does not exist on agno 1.5.10)",
        _source("""
            async def relay(self, topic: str) -> AsyncIterator[RunResponseContentEvent]:
                yield RunResponseContentEvent(content=topic)
        """),
        _source("""
            async def relay(self, topic: str) -> AsyncIterator[RunResponse]:
                yield RunResponse(content=topic)
        """),
    ),
    Rule(
        "AGN103",
        Severity.ERROR,
        "async stream collected into a list, then re-emitted",
        "Never do 3: Collecting Async Responses",
        "02_never_do",
        "yield each item inside the `async for` as it arrives",
        _source("""
            async def collect_responses(agent, message: str):
                responses = []
                async for chunk in await agent.arun(message, stream=True):
                    responses.append(chunk)
                return responses
        """),
        _source("""
            async def stream_responses(agent, message: str):
                async for chunk in await agent.arun(message, stream=True):
                    yield chunk
        """),
    ),
    Rule(
        "AGN104",
        Severity.ERROR,
        "sync agent call .run() inside async def",
        "Never do 4: Mixing Agent Call Types",
        "02_never_do",
        "`await agent.arun(m, stream=False)`, or `await asyncio.to_thread(agent.run, m, stream=False)`",
        _source("""
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    report = self.writer.run(topic, stream=False)
                    yield RunResponse(run_id=self.run_id, content=report.content)
        """),
        _source("""
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    report = await self.writer.arun(topic, stream=False)
                    yield RunResponse(run_id=self.run_id, content=report.content)
        """),
    ),
    Rule(
        "AGN105",
        Severity.ERROR,
        "async agent call .arun() inside a sync function",
        "Never do 4: Mixing Agent Call Types",
        "02_never_do",
        "call agent.run(m, stream=False) in sync code; keep arun() for `async def`",
        _source("""
            def summarize(agent, text: str) -> str:
                return asyncio.run(agent.arun(text, stream=False)).content
        """),
        _source("""
            def summarize(agent, text: str) -> str:
                return agent.run(text, stream=False).content
        """),
    ),
    Rule(
        "AGN106",
        Severity.ERROR,
        "`async for` over agent.arun(...) without await",
        "Core principles 3: Agent Call Patterns (erratum: agno 1.x needs await)",
        "01_core_principles",
        "`async for chunk in await agent.arun(m, stream=True)`; on agno 1.x arun() is a coroutine "
        "and iterating it raises TypeError",
        _source("""
            async def relay(agent, message: str):
                async for chunk in agent.arun(message, stream=True):
                    yield chunk
        """),
        _source("""
            async def relay(agent, message: str):
                async for chunk in await agent.arun(message, stream=True):
                    yield chunk
        """),
    ),
    Rule(
        "AGN107",
        Severity.ERROR,
        "blocking call inside async def",
        "Modern async patterns 3: Mixing Blocking and Async Code",
        "05_modern_async",
        "`await asyncio.to_thread(blocking_function, *args)` (pass the function, do not call it), "
        "or use the async form (asyncio.sleep, an async client)",
        _source("""
            async def rating(legacy_tool, symbol: str) -> dict:
                return legacy_tool.blocking_method(symbol)
        """),
        _source("""
            async def rating(legacy_tool, symbol: str) -> dict:
                return await asyncio.to_thread(legacy_tool.blocking_method, symbol)
        """),
    ),
    Rule(
        "AGN108",
        Severity.ERROR,
        "workflow method without its Iterator[RunResponse] / AsyncIterator[RunResponse] return annotation",
        "Core principles 2: Consistent Return Types; Type Annotations",
        "08_type_annotations",
        "annotate sync run() and sync subflows `-> Iterator[RunResponse]`, arun() and async subflows "
        "`-> AsyncIterator[RunResponse]`",
        _source("""
            class ReportWorkflow(Workflow):
                def run(self, topic: str):
                    yield from self.writer.run(topic, stream=True)
        """),
        _source("""
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield from self.writer.run(topic, stream=True)
        """),
    ),
    Rule(
        "AGN109",
        Severity.ERROR,
        "RunEvent member that does not exist",
        "Implementation guidelines 3: Error Handling (erratum: RunEvent members)",
        "06_implementation",
        "report a failure with RunEvent.run_error and an intermediate item with the default RunEvent.run_response",
        _source("""
            def failure(run_id: str, error: Exception) -> RunResponse:
                return RunResponse(run_id=run_id, content=str(error), event=RunEvent.workflow_failed)
        """),
        _source("""
            def failure(run_id: str, error: Exception) -> RunResponse:
                return RunResponse(run_id=run_id, content=str(error), event=RunEvent.run_error)
        """),
    ),
    Rule(
        "AGN110",
        Severity.ERROR,
        "one Workflow subclass defines both run() and arun()",
        "Core principles 1: Dual Method Pattern (erratum: broken on agno 1.5.10)",
        "01_core_principles",
        "split the paths: a sync class with run() and an async class with arun() over a shared base",
        _source("""
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield from self.writer.run(topic, stream=True)

                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    async for chunk in await self.writer.arun(topic, stream=True):
                        yield chunk
        """),
        _source("""
            class ReportSteps(Workflow):
                def __init__(self, **kwargs: Any) -> None:
                    super().__init__(**kwargs)
                    # One agent per workflow object: a class attribute is shared by every run of every instance.
                    self.writer = Agent(name="writer", model=OpenAIChat(id="gpt-4o-mini"))


            class ReportWorkflow(ReportSteps):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield from self.writer.run(topic, stream=True)


            class AsyncReportWorkflow(ReportSteps):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    async for chunk in await self.writer.arun(topic, stream=True):
                        yield chunk
        """),
    ),
    Rule(
        "AGN111",
        Severity.WARNING,
        "workflow arun() never sets self.run_id",
        "Core principles 1: Dual Method Pattern (erratum: agno before 1.7.3 does not wrap arun)",
        "01_core_principles",
        "open each async run with a fresh id (`self.run_id = str(uuid4())`, or a method named in the "
        "`run-starters` setting) before anything reads it: agno before 1.7.3 wraps run() only, so arun() must "
        "also do what run_workflow does around run() (memory, storage) if it relies on them",
        _source("""
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    report = await self.writer.arun(topic, stream=False)
                    yield RunResponse(run_id=self.run_id, content=report.content)
        """),
        _source("""
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    report = await self.writer.arun(topic, stream=False)
                    yield RunResponse(run_id=self.run_id, content=report.content)
        """),
    ),
    Rule(
        "AGN112",
        Severity.WARNING,
        "agent call without an explicit stream= keyword",
        "Core principles 3: Agent Call Patterns (the stream flag sticks up to agno 2.3)",
        "01_core_principles",
        "pass stream=False or stream=True on every agent.run()/arun() call",
        _source("""
            response = agent.run("Summarize the quarter")
            print(response.content)
        """),
        _source("""
            response = agent.run("Summarize the quarter", stream=False)
            print(response.content)
        """),
    ),
    Rule(
        "AGN201",
        Severity.WARNING,
        "task created and its reference discarded (fire-and-forget)",
        "Always do 3: Parallel Execution Patterns (keep task references)",
        "12_beyond",
        "keep a reference that outlives the task (await it, or add it to a set it leaves when done) or create it "
        "in an asyncio.TaskGroup: the event loop holds tasks only weakly, so a discarded one can be "
        "garbage-collected before it finishes, and its failure is never handled",
        _source("""
            async def start_all(agent, topics: list[str]) -> None:
                for topic in topics:
                    asyncio.create_task(agent.arun(topic, stream=False))
        """),
        _source("""
            async def start_all(make_agent, topics: list[str]) -> None:
                async with asyncio.TaskGroup() as tg:
                    for topic in topics:
                        # One agent per task: an agent keeps the state of its current run on itself.
                        tg.create_task(make_agent().arun(topic, stream=False))
        """),
    ),
    Rule(
        "AGN202",
        Severity.ADVICE,
        "asyncio.gather() without return_exceptions=True outside try/except",
        "Always do 3-4: Parallel Execution (gather) and Modern async patterns 2: Exception Handling",
        "04_parallel_execution",
        "pass return_exceptions=True and handle each result, or use an asyncio.TaskGroup with except*, which "
        "cancels the others at the first failure; a try/except around gather() sees the first failure while the "
        "other awaitables keep running",
        _source("""
            async def fetch_all(tools, symbol: str) -> list:
                return await asyncio.gather(tools.get_income_statement(symbol), tools.get_stock_price(symbol))
        """),
        _source("""
            async def fetch_all(tools, symbol: str) -> list:
                return await asyncio.gather(
                    tools.get_income_statement(symbol), tools.get_stock_price(symbol), return_exceptions=True
                )
        """),
    ),
    Rule(
        "AGN203",
        Severity.ERROR,
        "plain except around an asyncio.TaskGroup (its failures arrive as an ExceptionGroup)",
        "Modern async patterns 2: Exception Handling with TaskGroup (except*)",
        "05_modern_async",
        "catch with `except* ValueError:` (each failure of that type in the group), or `except ExceptionGroup`",
        _source("""
            async def fetch_all(tools, symbol: str) -> None:
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(tools.get_income_statement(symbol))
                        tg.create_task(tools.get_stock_price(symbol))
                except ValueError as error:
                    print(f"no data: {error}")
        """),
        _source("""
            async def fetch_all(tools, symbol: str) -> None:
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(tools.get_income_statement(symbol))
                        tg.create_task(tools.get_stock_price(symbol))
                except* ValueError as group:
                    for error in group.exceptions:
                        print(f"no data: {error}")
        """),
    ),
)

# From 1.7.3 agno wraps arun() too; from 2.4 the stream flag no longer sticks.
_UNTIL = {"AGN108": AgnoVersion(2, 0), "AGN110": AgnoVersion(2, 0), "AGN111": AgnoVersion(1, 7, 3)}
_UNTIL["AGN112"] = AgnoVersion(2, 4)

# Every rule, with the texts of the rules document's line (agno 1.5), and the other lines' variants.
RULES: Mapping[str, Rule] = MappingProxyType(
    {
        rule.code: replace(rule, until=_UNTIL.get(rule.code), variants=MappingProxyType(VARIANTS.get(rule.code, {})))
        for rule in _RULES
    }
)


def catalog(version: AgnoVersion) -> Mapping[str, Rule]:
    """The rules that apply to code written for `version`, with that release line's texts."""
    return MappingProxyType(
        {code: rule.for_line(version.line) for code, rule in RULES.items() if rule.applies_to(version)}
    )


# Codes that are not rules but still reported: a file that cannot be parsed or read.
FILE_CODES: Mapping[str, str] = MappingProxyType(
    {SYNTAX_ERROR: "syntax error", READ_ERROR: "cannot read file", TOO_DEEP: "too deeply nested to check"}
)
