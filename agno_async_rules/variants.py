"""The texts of the rules that differ on agno's later release lines: code -> line -> field -> text.

The catalog's own texts are those of the 1.5 line (the rules document's API). A line missing here keeps them.
"""

from __future__ import annotations

from textwrap import dedent


def _source(text: str) -> str:
    return dedent(text).strip() + "\n"


# 2.x and 3.x share their texts: results are RunOutput, workflows are declared with steps.
_STEPS_RUN = {
    "title": "asyncio.run() or run_until_complete() inside a sync workflow step (or sync workflow method)",
    "fix": "under workflow.arun() a sync step runs on the event loop's thread, where asyncio.run() raises "
    "RuntimeError (under run() it starts a new loop on every call): keep the step sync and call sync code "
    "(agent.run(m)), or make it `async def` and await when the workflow is run only with arun() (run() cannot "
    "call an async step: the step fails and, by default, is skipped)",
    "bad": _source("""
        def research(step_input: StepInput) -> StepOutput:
            facts = asyncio.run(fetch_facts(step_input.input))
            return StepOutput(content=facts)


        workflow = Workflow(name="report", steps=[Step(name="research", executor=research)])
    """),
    "good": _source("""
        async def research(step_input: StepInput) -> StepOutput:
            facts = await fetch_facts(step_input.input)
            return StepOutput(content=facts)


        workflow = Workflow(name="report", steps=[Step(name="research", executor=research)])
    """),
}
_REMOVED_NAMES = {
    "title": "name that agno 2.0 removed (RunResponse and its events)",
    "section": "Never do 2: Wrong Return Types (agno 2.0 renamed the result types)",
    "fix": "use the 2.x names: RunOutput, RunContentEvent, RunOutputEvent, TeamRunOutput, WorkflowRunOutput",
    "bad": _source("""
        async def relay(agent: Agent, topic: str) -> AsyncIterator[RunResponseContentEvent]:
            async for event in agent.arun(topic, stream=True):
                yield event
    """),
    "good": _source("""
        async def relay(agent: Agent, topic: str) -> AsyncIterator[RunOutputEvent]:
            async for event in agent.arun(topic, stream=True):
                yield event
    """),
}
_COLLECT = {
    "bad": _source("""
        async def collect_responses(agent, message: str):
            responses = []
            async for chunk in agent.arun(message, stream=True):
                responses.append(chunk)
            return responses
    """),
    "good": _source("""
        async def stream_responses(agent, message: str):
            async for chunk in agent.arun(message, stream=True):
                yield chunk
    """),
}
_SYNC_IN_ASYNC = {
    "bad": _source("""
        async def write(step_input: StepInput) -> StepOutput:
            report = writer.run(step_input.input, stream=False)
            return StepOutput(content=report.content)
    """),
    "good": _source("""
        async def write(step_input: StepInput) -> StepOutput:
            report = await writer.arun(step_input.input, stream=False)
            return StepOutput(content=report.content)
    """),
}
_AWAITED_STREAM = {
    "title": "`await` on agent.arun(..., stream=True)",
    "section": "Core principles 3: Agent Call Patterns (agno 2.x and 3.x: arun(stream=True) is an async iterator)",
    "fix": "`async for chunk in agent.arun(m, stream=True)` with no await; awaiting the async iterator raises "
    "TypeError",
    "bad": _source("""
        async def relay(agent, message: str):
            async for chunk in await agent.arun(message, stream=True):
                yield chunk
    """),
    "good": _source("""
        async def relay(agent, message: str):
            async for chunk in agent.arun(message, stream=True):
                yield chunk
    """),
}
_EVENTS_2 = {
    "fix": "use a member that exists: RunEvent.run_content, RunEvent.run_error, RunEvent.run_completed for "
    "agents; WorkflowRunEvent.workflow_error, WorkflowRunEvent.step_completed for workflows",
    "bad": _source("""
        def failed(event) -> bool:
            return event.event == WorkflowRunEvent.workflow_failed
    """),
    "good": _source("""
        def failed(event) -> bool:
            return event.event == WorkflowRunEvent.workflow_error
    """),
}

VARIANTS: dict[str, dict[str, dict[str, str]]] = {
    "AGN101": {"2.x": _STEPS_RUN, "3.x": _STEPS_RUN},
    "AGN108": {
        "1.6-1.8": {
            "title": "workflow method without its Iterator[...] / AsyncIterator[...] return annotation",
            "fix": "annotate sync run() and sync subflows `-> Iterator[RunResponseEvent]`, arun() and async "
            "subflows `-> AsyncIterator[RunResponseEvent]`: on 1.6-1.8 agents stream RunResponseEvent members, "
            "and before 1.7.3 the workflow drops any other item with a warning (RunResponse is accepted from 1.7.3)",
            "good": _source("""
                class ReportWorkflow(Workflow):
                    def run(self, topic: str) -> Iterator[RunResponseEvent]:
                        yield from self.writer.run(topic, stream=True)
            """),
        },
    },
    "AGN110": {
        "1.6-1.8": {
            "section": "Core principles 1: Dual Method Pattern (erratum: broken on agno 1.6-1.8 too)",
            "fix": "split the paths as on 1.5 (a sync class with run(), an async class with arun()): when one class "
            "defines both, run() returns None up to 1.7.2, as on 1.5, and from 1.7.3 agno wraps arun() alone, so "
            "run() starts with no run id",
        },
    },
    "AGN102": {
        "1.6-1.8": {
            "title": "RunResponse(event=...): the event field was removed in agno 1.6",
            "section": "Never do 2: Wrong Return Types (agno 1.6 moved events into their own classes)",
            "fix": "drop event= (RunResponse(...) raises TypeError with it); a stream's items are the event classes, "
            "RunResponseContentEvent among them, which is right on this line",
            "bad": _source("""
                def failure(run_id: str, error: Exception) -> RunResponse:
                    return RunResponse(run_id=run_id, content=str(error), event=RunEvent.run_error)
            """),
            "good": _source("""
                def failure(run_id: str, error: Exception) -> RunResponse:
                    return RunResponse(run_id=run_id, content=str(error))
            """),
        },
        "2.x": _REMOVED_NAMES,
        "3.x": _REMOVED_NAMES,
    },
    "AGN103": {"2.x": _COLLECT, "3.x": _COLLECT},
    "AGN104": {"2.x": _SYNC_IN_ASYNC, "3.x": _SYNC_IN_ASYNC},
    "AGN106": {"2.x": _AWAITED_STREAM, "3.x": _AWAITED_STREAM},
    "AGN109": {
        "1.6-1.8": {
            "fix": "use a member that exists: RunEvent.run_error, RunEvent.run_response_content; "
            "agno.workflow.RunEvent has only workflow_started and workflow_completed",
            "bad": _source("""
                def failed(event) -> bool:
                    return event.event == RunEvent.run_response
            """),
            "good": _source("""
                def failed(event) -> bool:
                    return event.event == RunEvent.run_response_content
            """),
        },
        "2.x": _EVENTS_2,
        "3.x": _EVENTS_2,
    },
}
