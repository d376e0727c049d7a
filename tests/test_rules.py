"""The rule checker, rule by rule: every code fires on its anti-pattern and stays quiet on the near-misses."""

from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

import agno_async_rules
from agno_async_rules import LINES, AgnoVersion, Settings, catalog, parse_version
from agno_async_rules.config import apply, load_table
from agno_async_rules.events import ENUMS
from agno_async_rules.sources import python_lines
from agno_async_rules.variants import VARIANTS
from agno_async_rules.versions import installed_version, resolve
from agnocourse.rules import COURSE, RULES, Finding, Severity, check_notebook, check_source


def codes(source: str) -> list[str]:
    return [finding.code for finding in check_source(dedent(source))]


# Each entry: code -> (sources that must report the code, near-misses that must not).
CASES: dict[str, tuple[list[str], list[str]]] = {
    "AGN101": (
        [
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    facts = asyncio.run(self.fetch(topic))
                    yield RunResponse(content=facts)
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic):
                    loop = asyncio.get_event_loop()
                    yield RunResponse(content=loop.run_until_complete(self.fetch(topic)))
            """,
            """
            import asyncio as aio

            def subflow(topic: str) -> Iterator[RunResponse]:
                yield RunResponse(content=aio.run(fetch(topic)))
            """,
            """
            from asyncio import run

            class Steps(Workflow):
                pass

            class ReportWorkflow(Steps):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    def fetch_all():
                        return run(self.fetch(topic))
                    yield RunResponse(content=fetch_all())
            """,
        ],
        [
            """
            async def main():
                print("hi")

            if __name__ == "__main__":
                asyncio.run(main())
            """,
            "asyncio.run(main())\n",
            """
            def main() -> None:
                asyncio.run(amain())
            """,
            """
            class Runner:
                def run(self) -> None:
                    asyncio.run(self.amain())
            """,
            '''
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    """Never calls asyncio.run() or loop.run_until_complete()."""
                    with ThreadPoolExecutor() as pool:
                        prices = list(pool.map(self.sync_tools.get_stock_price, [topic]))
                    yield RunResponse(content=str(prices))
            ''',
        ],
    ),
    "AGN102": (
        [
            "from agno.run.response import RunResponseContentEvent\n",
            """
            async def relay(self) -> AsyncIterator[RunResponseContentEvent]:
                yield RunResponse(content="x")
            """,
            "event = agno.run.response.RunResponseContentEvent(content='x')\n",
            """
            async def relay(self) -> "AsyncIterator[RunResponseContentEvent]":
                yield RunResponse(content="x")
            """,
            "ok = isinstance(chunk, RunResponseContentEvent)\n",
        ],
        [
            'print("never use RunResponseContentEvent")\n',
            "# RunResponseContentEvent does not exist on 1.5.10\nx = 1\n",
            "from agno.run.response import RunResponse\n",
            "RunContentEvent = object\n",
            """
            async def relay(self) -> "AsyncIterator[RunResponse]":
                yield RunResponse(content="RunResponseContentEvent")
            """,
        ],
    ),
    "AGN103": (
        [
            """
            async def collect(agent, message):
                responses = []
                async for chunk in await agent.arun(message, stream=True):
                    responses.append(chunk)
                return responses
            """,
            """
            async def arun(self, topic):
                chunks = []
                async for chunk in await self.writer.arun(topic, stream=True):
                    chunks.append(chunk)
                for chunk in chunks:
                    yield chunk
            """,
            """
            async def collect(stream):
                items = [item async for item in stream]
                return items
            """,
            """
            async def collect(stream):
                return [item async for item in stream]
            """,
            """
            async def relay(stream):
                seen = []
                async for item in stream:
                    seen += [item]
                for item in list(seen):
                    yield item
            """,
        ],
        [
            """
            async def relay(agent, message):
                async for chunk in await agent.arun(message, stream=True):
                    yield chunk
            """,
            """
            async def count(stream):
                items = []
                async for item in stream:
                    items.append(item)
                return len(items)
            """,
            """
            async def arun(self, topic):
                parts = []
                async for chunk in await self.writer.arun(topic, stream=True):
                    parts.append(chunk.content)
                    yield chunk
                yield RunResponse(content="".join(parts))
            """,
            """
            def collect(stream):
                items = []
                for item in stream:
                    items.append(item)
                return items
            """,
            """
            async def first(stream):
                found = []
                async for item in stream:
                    found.append(item)
                    return found
            """,
            """
            def test_paths_agree(wf):
                async def collect():
                    return [item async for item in wf.arun(topic="tea")]

                assert asyncio.run(collect())
            """,
        ],
    ),
    "AGN104": (
        [
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    report = self.writer.run(topic, stream=False)
                    yield RunResponse(content=report.content)
            """,
            """
            helper = offline_agent("helper")

            async def ask(question):
                return helper.run(question, stream=False)
            """,
            """
            async def ask(research_team, question):
                return research_team.run(question, stream=False).content
            """,
            """
            async def consume(topic):
                wf = ReportWorkflow()
                return list(wf.run(topic=topic))
            """,
            """
            async def ask(agent, question):
                def inner():
                    return agent.run(question, stream=False)
                return inner()
            """,
            """
            async def ask(agent, question):
                return await asyncio.to_thread(agent.run(question, stream=False))
            """,
        ],
        [
            """
            async def ask(agent, question):
                return await asyncio.to_thread(agent.run, question, stream=False)
            """,
            """
            async def ask(agent, question):
                def inner():
                    return agent.run(question, stream=False)
                return await asyncio.to_thread(inner)
            """,
            """
            async def ask(agent, question):
                return await asyncio.to_thread(lambda: agent.run(question, stream=False))
            """,
            """
            async def ask(agent, question):
                loop = asyncio.get_running_loop()
                return await loop.run_in_executor(None, agent.run, question)
            """,
            """
            def ask(agent, question):
                return agent.run(question, stream=False)
            """,
            """
            async def start(runner):
                return runner.run()
            """,
        ],
    ),
    "AGN105": (
        [
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    report = asyncio.run(self.writer.arun(topic, stream=False))
                    yield RunResponse(content=report.content)
            """,
            """
            def summarize(agent, text):
                coroutine = agent.arun(text, stream=False)
                return coroutine
            """,
            """
            class Steps(Workflow):
                def run(self):
                    return asyncio.run(self.arun())
            """,
            """
            def show(agent):
                asyncio.run(agent.aprint_response("hi"))
            """,
            """
            class Summarizer:
                def main(self, text):
                    return asyncio.run(self.agent.arun(text, stream=False))
            """,
        ],
        [
            """
            async def summarize(agent, text):
                return await agent.arun(text, stream=False)
            """,
            'report = await agent.arun("hi", stream=False)\n',
            """
            def job(agent, text):
                return agent.arun(text, stream=False)
            """,
            """
            def jobs(agent, texts):
                return [agent.arun(text, stream=False) for text in texts]
            """,
            """
            make = lambda agent: agent.arun("hi", stream=False)
            """,
            'asyncio.run(agent.arun("hi", stream=False))\n',
            """
            def test_async_path(agent):
                assert asyncio.run(agent.arun("hi", stream=False)).content
            """,
            """
            def main():
                print(asyncio.run(agent.arun("hi", stream=False)).content)
            """,
            """
            def test_both_paths_agree(make_async):
                assert asyncio.run(collect(make_async().arun(topic="rates")))
            """,
        ],
    ),
    "AGN106": (
        [
            """
            async def relay(agent, message):
                async for chunk in agent.arun(message, stream=True):
                    yield chunk
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    async for chunk in self.writer.arun(topic, stream=True):
                        yield chunk
            """,
            """
            async def collect(team, message):
                return len([chunk async for chunk in team.arun(message, stream=True)])
            """,
            """
            async def relay(thing, message):
                async for chunk in thing.arun(message, stream=True):
                    yield chunk
            """,
            'async for chunk in agent.arun("hi", stream=True):\n    print(chunk.content)\n',
        ],
        [
            """
            async def relay(agent, message):
                async for chunk in await agent.arun(message, stream=True):
                    yield chunk
            """,
            """
            async def consume(topic):
                wf = AsyncReportWorkflow()
                async for item in wf.arun(topic=topic):
                    print(item.content)
            """,
            """
            class Outer(Workflow):
                async def relay(self, topic) -> AsyncIterator[RunResponse]:
                    async for item in self.arun(topic):
                        yield item
            """,
            """
            async def relay(agent, message):
                async for chunk in stream_responses(agent, message):
                    yield chunk
            """,
            """
            async def relay(thing):
                async for item in thing.arun():
                    yield item
            """,
        ],
    ),
    "AGN107": (
        [
            """
            async def wait():
                time.sleep(1)
            """,
            """
            async def fetch(url):
                return requests.get(url, timeout=5).json()
            """,
            """
            import urllib.request

            async def fetch(url):
                return urllib.request.urlopen(url).read()
            """,
            """
            async def build():
                subprocess.run(["make"], check=True)
            """,
            """
            from time import sleep

            async def wait():
                sleep(1)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def rating(self, symbol):
                    return self.legacy_tool.blocking_method(symbol)
            """,
            """
            fin = SyncFinancialTools(latency=0.1)

            async def price(symbol):
                return fin.get_stock_price(symbol)
            """,
            """
            async def price(symbol):
                def fetch():
                    time.sleep(0.1)
                    return symbol
                return fetch()
            """,
        ],
        [
            """
            async def wait():
                await asyncio.to_thread(time.sleep, 1)
            """,
            """
            async def rating(self, symbol):
                return await asyncio.to_thread(self.legacy_tool.blocking_method, symbol)
            """,
            """
            async def price(symbol):
                def fetch():
                    time.sleep(0.1)
                    return symbol
                return await asyncio.to_thread(fetch)
            """,
            """
            def wait():
                time.sleep(1)
            """,
            """
            async def wait():
                await asyncio.sleep(1)
            """,
            """
            async def price(self, symbol):
                return await self.async_tools.get_stock_price(symbol)
            """,
            """
            async def check(wf):
                sync_results = []
                sync_results.append(1)
                return sync_results
            """,
            """
            async def rating(legacy, symbol):
                loop = asyncio.get_running_loop()
                return await loop.run_in_executor(None, legacy.blocking_method, symbol)
            """,
        ],
    ),
    "AGN108": (
        [
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str):
                    yield RunResponse(content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> Iterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> RunResponse:
                    return RunResponse(content=topic)
            """,
            """
            class ReportWorkflow(Workflow):
                async def _aprocess(self, data: str):
                    yield RunResponse(content=data)
            """,
            """
            class ReportWorkflow(Workflow):
                def _process(self, data: str) -> list[RunResponse]:
                    yield RunResponse(content=data)
            """,
        ],
        [
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> typing.Iterator[RunResponse]:
                    yield RunResponse(content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> collections.abc.AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Generator[RunResponse, None, None]:
                    yield RunResponse(content=topic)

                async def _aprocess(self, data: str) -> AsyncGenerator[RunResponse, None]:
                    yield RunResponse(content=data)
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> "Iterator[RunResponse]":
                    yield RunResponse(content=topic)
            """,
            """
            class ReportWorkflow(Workflow):
                def _words(self, text: str) -> Iterator[str]:
                    yield from text.split()

                def prompt_for(self, topic):
                    return f"Write about {topic}"
            """,
            """
            class Runner:
                def run(self, topic):
                    yield topic
            """,
        ],
    ),
    "AGN109": (
        [
            "event = RunEvent.workflow_failed\n",
            "item = RunResponse(content='x', event=RunEvent.workflow_running)\n",
            "event = agno.run.response.RunEvent.workflow_error\n",
            "failed = item.event == RunEvent.failed\n",
        ],
        [
            "event = RunEvent.run_error\n",
            "print(RunEvent.workflow_completed.value)\n",
            "members = RunEvent.__members__\n",
            "event = WorkflowRunEvent.workflow_error\n",
            "events = [RunEvent.run_response, RunEvent.tool_call_started, RunEvent.workflow_started]\n",
        ],
    ),
    "AGN110": (
        [
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(content=topic)

                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
            """
            class Base(agno.workflow.Workflow):
                pass

            class ReportWorkflow(Base):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(content=topic)

                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(content=topic)

            class AsyncReportWorkflow(ReportWorkflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
        ],
        [
            """
            class ReportSteps(Workflow):
                def prompt_for(self, topic):
                    return topic

            class ReportWorkflow(ReportSteps):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(content=topic)

            class AsyncReportWorkflow(ReportSteps):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = "r1"
                    yield RunResponse(content=topic)
            """,
            """
            class Client:
                def run(self):
                    return 1

                async def arun(self):
                    return 1
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(content=topic)
            """,
        ],
    ),
    "AGN111": (
        [
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    yield RunResponse(run_id=self.run_id, content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.session_id = "s1"
                    yield RunResponse(content=self.describe(topic))

                def describe(self, topic: str) -> str:
                    return f"{self.run_id}: {topic}"
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    logger.info("run %s", self.run_id)
                    yield RunResponse(content=topic)
            """,
        ],
        [
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    run_id = str(uuid4())
                    yield RunResponse(run_id=run_id, content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.session_id = "s1"
                    yield RunResponse(content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id = str(uuid4())
                    yield RunResponse(run_id=self.run_id, content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    self.run_id: str = str(uuid4())
                    yield RunResponse(run_id=self.run_id, content=topic)
            """,
            """
            class AsyncReportWorkflow(Workflow):
                async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
                    setattr(self, "run_id", str(uuid4()))
                    yield RunResponse(run_id=self.run_id, content=topic)
            """,
            """
            class Client:
                async def arun(self, topic):
                    return topic
            """,
            """
            class ReportWorkflow(Workflow):
                def run(self, topic: str) -> Iterator[RunResponse]:
                    yield RunResponse(run_id=self.run_id, content=topic)
            """,
        ],
    ),
    "AGN112": (
        [
            'response = agent.run("Summarize")\n',
            """
            async def ask(self, question):
                return await self.writer.arun(question)
            """,
            'team.run("Plan the trip", markdown=True)\n',
        ],
        [
            'response = agent.run("Summarize", stream=False)\n',
            'chunks = list(agent.run("Summarize", stream=True))\n',
            "response = agent.run(message, **options)\n",
            "items = list(wf.run(topic='x'))\n",
            "asyncio.run(main())\n",
            "subprocess.run(['ls'], check=True)\n",
        ],
    ),
    "AGN201": (
        [
            """
            async def start(coroutine):
                asyncio.create_task(coroutine)
            """,
            """
            async def start(coroutine):
                asyncio.ensure_future(coroutine)
            """,
            """
            async def start(loop, coroutine):
                loop.create_task(coroutine)
            """,
            """
            async def start(coroutine):
                asyncio.get_running_loop().create_task(coroutine)
            """,
            """
            from asyncio import create_task

            async def start(coroutines):
                [create_task(coroutine) for coroutine in coroutines]
            """,
        ],
        [
            """
            async def start(coroutine):
                task = asyncio.create_task(coroutine)
                return await task
            """,
            """
            async def start(coroutines, tasks):
                for coroutine in coroutines:
                    tasks.append(asyncio.create_task(coroutine))
            """,
            """
            background = set()

            async def start(coroutine):
                task = asyncio.create_task(coroutine)
                background.add(task)
                task.add_done_callback(background.discard)
            """,
            """
            async def start(coroutine):
                await asyncio.create_task(coroutine)
            """,
            """
            async def start(coroutines):
                async with asyncio.TaskGroup() as tg:
                    for coroutine in coroutines:
                        tg.create_task(coroutine)
            """,
            """
            def start(coroutine):
                return asyncio.create_task(coroutine)
            """,
        ],
    ),
    "AGN202": (
        [
            """
            async def fetch(a, b):
                return await asyncio.gather(a(), b())
            """,
            """
            async def fetch(a, b):
                return await asyncio.gather(a(), b(), return_exceptions=False)
            """,
            """
            async def fetch(a, b):
                try:
                    async def inner():
                        return await asyncio.gather(a(), b())
                except ValueError:
                    pass
                return await inner()
            """,
            """
            from asyncio import gather

            async def fetch(a, b):
                return await gather(a(), b())
            """,
        ],
        [
            """
            async def fetch(a, b):
                return await asyncio.gather(a(), b(), return_exceptions=True)
            """,
            """
            async def fetch(a, b):
                try:
                    return await asyncio.gather(a(), b())
                except ValueError:
                    return None
            """,
            """
            async def fetch(a, b):
                results = None
                try:
                    results = await asyncio.gather(a(), b())
                except* ValueError as group:
                    print(group.exceptions)
                return results
            """,
            """
            async def fetch(a, b, **options):
                return await asyncio.gather(a(), b(), **options)
            """,
            """
            async def fetch(crowd):
                return await crowd.gather()
            """,
        ],
    ),
    "AGN203": (
        [
            """
            async def fetch(a, b):
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(a())
                        tg.create_task(b())
                except ValueError:
                    return None
            """,
            """
            from asyncio import TaskGroup

            async def fetch(a, b):
                try:
                    async with TaskGroup() as tg:
                        tg.create_task(a())
                except (KeyError, asyncio.CancelledError):
                    return None
            """,
            """
            import asyncio as aio

            async def fetch(a):
                try:
                    async with aio.TaskGroup() as tg:
                        tg.create_task(a())
                except aio.CancelledError:
                    raise
                except TimeoutError as error:
                    print(error)
            """,
        ],
        [
            """
            async def fetch(a):
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(a())
                except* ValueError as group:
                    print(group.exceptions)
            """,
            """
            async def fetch(a):
                try:
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(a())
                except asyncio.CancelledError:
                    raise
                except (ValueError, ExceptionGroup) as error:
                    print(error)
                except Exception:
                    pass
            """,
            """
            async def fetch(a, text):
                try:
                    number = int(text)
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(a(number))
                except ValueError:
                    return None
            """,
            """
            async def fetch(a):
                try:
                    async with asyncio.timeout(1), asyncio.TaskGroup() as tg:
                        tg.create_task(a())
                except TimeoutError:
                    return None
            """,
            """
            async def fetch(a, group):
                try:
                    async with group.lock:
                        await a()
                except ValueError:
                    return None
            """,
        ],
    ),
}

POSITIVES = [
    pytest.param(code, source, id=f"{code}-bad{n}") for code, (bad, _) in CASES.items() for n, source in enumerate(bad)
]
NEGATIVES = [
    pytest.param(code, source, id=f"{code}-ok{n}") for code, (_, ok) in CASES.items() for n, source in enumerate(ok)
]


def test_every_rule_has_at_least_three_cases_each_way() -> None:
    assert set(CASES) == set(RULES)
    assert all(len(bad) >= 3 and len(ok) >= 3 for bad, ok in CASES.values())


@pytest.mark.parametrize(("code", "source"), POSITIVES)
def test_rule_reports_its_anti_pattern(code: str, source: str) -> None:
    found = codes(source)
    assert "E999" not in found
    assert code in found


@pytest.mark.parametrize(("code", "source"), NEGATIVES)
def test_rule_stays_quiet_on_near_miss(code: str, source: str) -> None:
    found = codes(source)
    assert "E999" not in found
    assert code not in found


# The RULES table ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(RULES))
def test_bad_example_yields_exactly_its_code(code: str) -> None:
    assert {finding.code for finding in check_source(RULES[code].bad)} == {code}


@pytest.mark.parametrize("code", list(RULES))
def test_good_example_yields_nothing(code: str) -> None:
    assert check_source(RULES[code].good) == []


@pytest.mark.parametrize("code", list(RULES))
def test_rule_metadata_is_complete(code: str) -> None:
    rule = RULES[code]
    assert rule.code == code
    assert rule.title and rule.section and rule.fix and rule.chapter
    finding = check_source(rule.bad)[0]
    assert finding.severity is rule.severity
    assert rule.section in finding.message and rule.fix in finding.message


def test_severities_are_the_documented_ones() -> None:
    warnings = {code for code, rule in RULES.items() if rule.severity is Severity.WARNING}
    advice = {code for code, rule in RULES.items() if rule.severity is Severity.ADVICE}
    assert warnings == {"AGN111", "AGN112", "AGN201"}
    assert advice == {"AGN202"}
    assert all(RULES[code].severity is Severity.ERROR for code in RULES if code.startswith("AGN1") and code < "AGN111")


# Findings ---------------------------------------------------------------------------------------------


def test_finding_location_and_fields() -> None:
    source = "import time\n\nasync def wait():\n    time.sleep(1)\n"
    [finding] = check_source(source, "pkg/wait.py")
    assert (finding.path, finding.cell, finding.line, finding.col, finding.code) == (
        "pkg/wait.py",
        None,
        4,
        5,
        "AGN107",
    )
    assert finding.render().startswith("pkg/wait.py:4:5 AGN107 [error] `time.sleep()` blocks the event loop")
    assert finding.to_dict()["severity"] == "error"


def test_finding_is_frozen() -> None:
    [finding] = check_source("x = RunEvent.workflow_failed\n")
    with pytest.raises(AttributeError):
        finding.line = 2  # type: ignore[misc]


def test_message_names_the_missing_member_and_the_fix() -> None:
    [finding] = check_source("x = RunEvent.workflow_running\n")
    assert "RunEvent.workflow_running does not exist" in finding.message
    assert "RunEvent.run_error" in finding.message and "RunEvent.run_response" in finding.message


def test_findings_are_sorted_by_place() -> None:
    source = "async def f():\n    time.sleep(1)\n\nx = RunEvent.workflow_failed\ny = agent.run('a')\n"
    found = check_source(source)
    assert [(f.line, f.code) for f in found] == [(2, "AGN107"), (4, "AGN109"), (5, "AGN112")]
    assert found == sorted(found, key=Finding.sort_key)


def test_agent_names_are_known_across_notebook_cells() -> None:
    notebook = _notebook(
        ['helper = offline_agent("helper")', "async def ask(q):\n    return helper.run(q, stream=False)"]
    )
    assert [(f.cell, f.code) for f in check_notebook(notebook)] == [(2, "AGN104")]


def _notebook(cells: list[str]) -> str:
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    return nbformat.writes(notebook)


# Syntax errors, suppression, selection -----------------------------------------------------------------


def test_unparseable_source_is_one_finding() -> None:
    [finding] = check_source("def broken(:\n    pass\n", "broken.py")
    assert (finding.code, finding.line, finding.severity) == ("E999", 1, Severity.ERROR)
    assert finding.message.startswith("syntax error: ")


def test_async_for_in_plain_def_is_a_syntax_error() -> None:
    [finding] = check_source("def test_it(wf):\n    async for x in wf.arun():\n        pass\n")
    assert finding.code == "E999" and "outside async function" in finding.message


def test_top_level_await_parses() -> None:
    source = "await agent.arun('hi', stream=False)\nasync with asyncio.TaskGroup() as tg:\n    tg.create_task(f())\n"
    assert check_source(source) == []


@pytest.mark.parametrize(
    ("comment", "reported"),
    [
        ("  # agno-rules: ignore[AGN109]", []),
        ("  # agno-rules: ignore", []),
        ("  # agno-rules: ignore[AGN1]", []),
        ("  # agno-rules: ignore[AGN107, AGN109]", []),
        ("  # agno-rules: ignore[AGN101]", ["AGN109"]),
        ("  # noqa", ["AGN109"]),
    ],
)
def test_suppression_comment(comment: str, reported: list[str]) -> None:
    assert codes(f"event = RunEvent.workflow_failed{comment}\n") == reported


def test_suppression_applies_to_its_line_only() -> None:
    source = "a = RunEvent.workflow_failed  # agno-rules: ignore\nb = RunEvent.workflow_running\n"
    assert [(f.line, f.code) for f in check_source(source)] == [(2, "AGN109")]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (None, None, ["AGN107", "AGN109", "AGN112"]),
        ("AGN109", None, ["AGN109"]),
        ("AGN1", "AGN112", ["AGN107", "AGN109"]),
        (["AGN107", "AGN112"], None, ["AGN107", "AGN112"]),
        (None, "AGN10", ["AGN112"]),
        ("agn2", None, []),
    ],
)
def test_select_and_ignore(select: str | list[str] | None, ignore: str | None, expected: list[str]) -> None:
    source = "async def f():\n    time.sleep(1)\n\nx = RunEvent.workflow_failed\ny = agent.run('a')\n"
    assert [f.code for f in check_source(source, select=select, ignore=ignore)] == expected


def test_syntax_errors_are_reported_whatever_is_selected() -> None:
    assert [f.code for f in check_source("def (:\n", select="AGN101")] == ["E999"]
    assert check_source("def (:\n", ignore="E999") == []


def test_checker_never_imports_agno() -> None:
    import subprocess
    import sys

    script = "import sys; import agnocourse.rules as r; r.check_source('x = 1'); print('agno' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


HELPER_THAT_COLLECTS = """
async def collect(stream):
    return [item async for item in stream]


def run_both(wf):
    return asyncio.run(collect(wf.arun(topic="x")))
"""


@pytest.mark.parametrize("name", ["tests/test_relay.py", "relay_test.py", "tests/conftest.py"])
def test_helpers_of_a_test_module_may_collect_and_start_a_loop(name: str) -> None:
    assert [finding.code for finding in check_source(HELPER_THAT_COLLECTS, name)] == []


@pytest.mark.parametrize("name", ["relay.py", "tests/helpers.py", "test_data.json.py.bak", "<string>"])
def test_the_same_helpers_elsewhere_are_reported(name: str) -> None:
    assert [finding.code for finding in check_source(HELPER_THAT_COLLECTS, name)] == ["AGN103", "AGN105"]


# Fixture files: one per code and release line, every expected finding written on its line -----------------

FIXTURES = Path(__file__).resolve().parent / "rule_fixtures"
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9:,\s]+)$")
_HEADER = re.compile(r"^#\s*([a-z-]+):\s*(.+)$")


def _fixture(path: Path) -> tuple[Settings, list[tuple[int, int, str]]]:
    """The settings a fixture's header asks for and the findings its `# expect: CODE:COLUMN` comments list."""
    text = path.read_text()
    table: dict[str, object] = {}
    for line in text.splitlines():
        header = _HEADER.match(line)
        if header is None:
            break
        key, value = header.groups()
        table[key] = value if key == "agno-version" else [item.strip() for item in value.split(",")]
    settings = apply(Settings(), table, path)
    expected = []
    for number, line in enumerate(python_lines(text), start=1):
        if (match := _EXPECT.search(line)) is not None:
            for item in match.group(1).split(","):
                code, column = item.strip().split(":")
                expected.append((number, int(column), code))
    return settings, sorted(expected)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda path: path.stem)
def test_fixture_findings_are_exactly_the_expected_ones(path: Path) -> None:
    """Every finding on its line and column, none missing, none extra, none twice."""
    settings, expected = _fixture(path)
    found = [
        (f.line, f.col, f.code) for f in agno_async_rules.check_source(path.read_text(), path.name, settings=settings)
    ]
    assert found == expected


def test_every_code_has_a_fixture_that_shows_it() -> None:
    shown = {code for path in FIXTURES.glob("*.py") for _, _, code in _fixture(path)[1]}
    assert shown == set(RULES)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda path: path.stem)
def test_a_fixture_shows_its_code_wherever_the_code_applies(path: Path) -> None:
    settings, expected = _fixture(path)
    code = path.stem.split("_")[0]
    applies = RULES[code].applies_to(settings.agno_version)
    assert (code in {found for _, _, found in expected}) == applies


@pytest.mark.parametrize("line", LINES)
def test_each_release_line_has_fixtures(line: str) -> None:
    assert any(_fixture(path)[0].agno_version.line == line for path in FIXTURES.glob("*.py"))


# Release lines -------------------------------------------------------------------------------------------

# Each line, and the releases inside a line where a rule starts or stops applying.
VERSIONS = {"1.5": "1.5", "1.7.2": "1.6-1.8", "1.8": "1.6-1.8", "2.0": "2.x", "2.9": "2.x", "3.1": "3.x"}


@pytest.mark.parametrize(("version", "line"), VERSIONS.items())
@pytest.mark.parametrize("code", list(RULES))
def test_examples_of_every_line(version: str, line: str, code: str) -> None:
    """Each line's texts: its bad example gives exactly its code there, its good example nothing."""
    rules = catalog(parse_version(version))
    if code not in rules:
        assert not RULES[code].applies_to(parse_version(version))
        return
    rule = rules[code]
    bad = agno_async_rules.check_source(rule.bad, agno_version=version)
    assert {f.code for f in bad} == {code}
    assert all(rule.fix in f.message for f in bad)
    assert agno_async_rules.check_source(rule.good, agno_version=version) == []
    if code in VARIANTS and line in VARIANTS[code]:
        assert rule.bad != RULES[code].bad or rule.fix != RULES[code].fix


@pytest.mark.parametrize(
    ("text", "version", "line"),
    [
        ("1.5", AgnoVersion(1, 5), "1.5"),
        ("1.5.10", AgnoVersion(1, 5, 10), "1.5"),
        ("1.2", AgnoVersion(1, 2), "1.5"),
        ("1.6", AgnoVersion(1, 6), "1.6-1.8"),
        ("1.7.3", AgnoVersion(1, 7, 3), "1.6-1.8"),
        ("1.8.4", AgnoVersion(1, 8, 4), "1.6-1.8"),
        ("2", AgnoVersion(2, 0), "2.x"),
        ("v2.9.0", AgnoVersion(2, 9), "2.x"),
        ("3.1.10", AgnoVersion(3, 1, 10), "3.x"),
        ("4.0", AgnoVersion(4, 0), "3.x"),
    ],
)
def test_versions_and_their_lines(text: str, version: AgnoVersion, line: str) -> None:
    assert parse_version(text) == version and version.line == line


@pytest.mark.parametrize("text", ["", "latest", "one.two", "1.x"])
def test_not_a_version(text: str) -> None:
    with pytest.raises(ValueError, match="not an agno version"):
        parse_version(text)


def test_without_a_version_the_installed_agno_decides_read_from_metadata() -> None:
    from importlib import metadata

    assert installed_version() == parse_version(metadata.version("agno"))
    assert resolve(None) == (installed_version(), "installed agno")


def test_without_agno_installed_the_default_is_1_5(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert resolve(None) == (AgnoVersion(1, 5), "default")
    assert resolve("3.1") == (AgnoVersion(3, 1), "given")


def test_every_rule_says_which_releases_it_applies_to() -> None:
    assert {code: rule.versions for code, rule in RULES.items() if rule.until} == {
        "AGN108": "agno before 2.0",
        "AGN110": "agno before 2.0",
        "AGN111": "agno before 1.7.3",
        "AGN112": "agno before 2.4",
    }
    assert all(rule.versions == "every agno release" for rule in RULES.values() if rule.until is None)


def test_the_1_5_event_members_are_the_installed_release_s() -> None:
    """The course's venv holds agno 1.5.10: the checker's list of its RunEvent members is that enum's."""
    from agno.run.response import RunEvent

    assert ENUMS["1.5"]["RunEvent"] == {member.name for member in RunEvent}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        (
            "async def f(agent):\n    async for c in agent.arun('m', stream=True):\n        pass\n",
            {"1.5", "1.7.2", "1.8"},
        ),
        (
            "async def f(agent):\n    async for c in await agent.arun('m', stream=True):\n        pass\n",
            {"2.0", "2.9", "3.1"},
        ),
        ("x = RunEvent.run_content\n", {"1.5", "1.7.2", "1.8"}),
        ("x = RunEvent.memory_update_completed\n", {"1.5"}),
        ("x = RunEvent.run_response\n", {"1.7.2", "1.8", "2.0", "2.9", "3.1"}),
        ("x: RunResponse\n", {"2.0", "2.9", "3.1"}),
        ("x: RunResponseContentEvent\n", {"1.5", "2.0", "2.9", "3.1"}),
        ("r = agent.run('m')\n", {"1.5", "1.7.2", "1.8", "2.0"}),  # the stream flag sticks up to 2.3
    ],
)
def test_the_same_code_is_right_on_one_line_and_wrong_on_another(source: str, found: set[str]) -> None:
    assert {version for version in VERSIONS if agno_async_rules.check_source(source, agno_version=version)} == found


# Receivers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = Agent()\nasync def f():\n    x.run('m', stream=False)\n", ["AGN104"]),
        ("app_agent = Agent()\nasync def f():\n    app_agent.run('m', stream=False)\n", ["AGN104"]),
        ("runner = Team()\nasync def f():\n    runner.run('m', stream=False)\n", ["AGN104"]),
        ("async def f(pool: Agent):\n    pool.run('m', stream=False)\n", ["AGN104"]),
        ("async def f(pool: 'Team | None'):\n    pool.run('m', stream=False)\n", ["AGN104"]),
        (
            "class W:\n    loop: Agent = Agent()\n    async def f(self):\n        self.loop.run('m', stream=False)\n",
            ["AGN104"],
        ),
        ("writer = Translator()\nasync def f():\n    writer.run('m')\n", []),
        ("async def f(writer: Translator):\n    writer.run('m')\n", []),
        (
            "class MyAgent(Agent):\n    pass\n\nbot = MyAgent()\nasync def f():\n    bot.run('m', stream=False)\n",
            ["AGN104"],
        ),
        ("def f():\n    PerformanceEval(func=g).run()\n", []),
        ("def f(e):\n    evaluation = ReliabilityEval(agent=a)\n    evaluation.arun()\n", []),
    ],
)
def test_a_binding_beats_a_guess_from_the_name(source: str, expected: list[str]) -> None:
    assert [f.code for f in agno_async_rules.check_source(source, agno_version="1.5")] == expected


def test_the_course_s_classes_are_configured_not_built_in() -> None:
    source = "async def f(symbol):\n    LegacyReportTool().rating(symbol)\n    tool.blocking_method(symbol)\n"
    assert agno_async_rules.check_source(source, agno_version="1.5") == []
    assert [f.code for f in check_source(source)] == ["AGN107", "AGN107"]


def test_the_course_settings_are_the_pyproject_table() -> None:
    root = Path(__file__).resolve().parents[1]
    configured = apply(Settings(), load_table(root / "pyproject.toml"), root / "pyproject.toml")
    for name in ("agno_version", "agent_factories", "workflow_bases", "run_starters", "blocking_classes"):
        assert getattr(configured, name) == getattr(COURSE, name)
    assert configured.blocking_methods == COURSE.blocking_methods


IMPORTED_BASE = """
from agnocourse.patterns import TwoPathWorkflow


class Summary(TwoPathWorkflow):
    async def arun(self, topic: str) -> AsyncIterator[RunResponse]:
        {opening}
        yield RunResponse(run_id=self.run_id, content=topic)
"""


@pytest.mark.parametrize(
    ("opening", "course", "plain"),
    [
        ("pass", ["AGN111"], []),  # a configured base makes the class a workflow; unconfigured, it is unknown
        ("self.start_run(topic=topic)", [], []),  # a configured run starter sets the run id
        ("run_id = self.start_run(topic=topic)", [], []),
        ("self.prepare(topic)", ["AGN111"], []),  # any other method is not assumed to
    ],
)
def test_a_workflow_base_imported_from_elsewhere_is_checked_when_configured(opening, course, plain) -> None:
    source = IMPORTED_BASE.format(opening=opening)
    assert [f.code for f in check_source(source)] == course
    assert [f.code for f in agno_async_rules.check_source(source, agno_version="1.5")] == plain
