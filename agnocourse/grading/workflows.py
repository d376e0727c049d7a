"""What the chapters expect of a learner's workflow classes: the split-class pattern, RunResponse items ending
in one completion event, return annotations, a free event loop and a fresh run id per async run."""

from __future__ import annotations

import inspect
import typing
from typing import Any

from agno.agent import RunResponse
from agno.run.response import RunEvent
from agno.workflow import Workflow

from agnocourse.grading.feedback import expect, fail, sentence
from agnocourse.tools import company_financials, income_statement, stock_price

COMPLETED = RunEvent.workflow_completed.value
SYNC_CODES = ("AGN101", "AGN102", "AGN105", "AGN108", "AGN109", "AGN110", "AGN112")
ASYNC_CODES = (
    "AGN102",
    "AGN103",
    "AGN104",
    "AGN106",
    "AGN107",
    "AGN108",
    "AGN109",
    "AGN110",
    "AGN111",
    "AGN112",
    "AGN203",
)


def workflow_class(answer: Any, method: str, other: str) -> type[Workflow]:
    """The answer is a Workflow subclass that defines `method` and not `other` (the split-class pattern)."""
    name = getattr(answer, "__name__", repr(answer))
    if not (inspect.isclass(answer) and issubclass(answer, Workflow)):
        fail("Dual Method Pattern", f"{name} is not a Workflow subclass.", "pass the classes themselves to check().")
    if getattr(answer, method) is getattr(Workflow, method):
        fail(
            "Dual Method Pattern", f"{name} does not define {method}().", f"the class for this path defines {method}()."
        )
    if getattr(answer, other) is not getattr(Workflow, other):
        fail(
            "AGN110",
            f"{name} defines both run() and arun(); on agno 1.5.10 its run() then returns None.",
            "split the paths: one subclass defines run(), another defines arun(), both inherit a shared base.",
        )
    return answer


def event_name(item: Any) -> str:
    """The RunEvent value an item carries ("workflow_completed"), or whatever else it carries, as text."""
    event = getattr(item, "event", None)
    try:
        return RunEvent(event).value
    except ValueError:
        return str(event)


def stream_shape(items: list[Any]) -> list[tuple[str, Any]]:
    """What a stream's consumer sees: (event, content) of each item, comparable across the two paths."""
    return [(event_name(item), getattr(item, "content", None)) for item in items]


def expected_prompt(symbol: str) -> str:
    """The prompt the report workflows of chapters 5 and 7 build (the exercises give the learner that helper)."""
    income, financials, price = income_statement(symbol), company_financials(symbol), stock_price(symbol)
    return (
        f"{financials['name']}: revenue {income['revenue_bn']} bn USD, "
        f"net income {income['net_income_bn']} bn USD, price {price['price_usd']} USD"
    )


def expect_runresponses(items: list[Any], where: str) -> None:
    expect(bool(items), "Consistent Return Types", f"{where} yielded nothing.", "yield RunResponse objects.")
    for item in items:
        expect(
            type(item) is RunResponse,
            "AGN102",
            f"{where} yielded a {type(item).__name__}.",
            "yield agno's RunResponse objects only (agent chunks already are RunResponse objects).",
        )
    finals = [i for i, item in enumerate(items) if item.event == COMPLETED]
    expect(
        finals == [len(items) - 1],
        "Consistent Return Types",
        completed_in_words(where, finals, len(items)),
        "the last item, and only the last, carries event=RunEvent.workflow_completed.",
    )


COMPLETED_NAME = "RunEvent.workflow_completed"


def completed_in_words(where: str, finals: list[int], count: int) -> str:
    """What a stream did with RunEvent.workflow_completed, said in words (`finals`: 0-based positions)."""
    items = f"{count} item{'s' if count != 1 else ''}"
    if not finals:
        none = "it did not carry" if count == 1 else "none of them carried"
        return f"{where} yielded {items}, and {none} {COMPLETED_NAME}."
    numbers = ", ".join(str(i + 1) for i in finals)
    if len(finals) > 1:
        return f"{where} yielded {items}, and {len(finals)} of them (items {numbers}) carried {COMPLETED_NAME}."
    return f"{where} yielded {items}, and item {numbers}, not the last, carried {COMPLETED_NAME}."


def expect_returns(function: Any, origin: type, where: str) -> None:
    """`function`'s resolved return annotation is origin[RunResponse]."""
    try:
        returns = typing.get_type_hints(function).get("return")
    except Exception:  # unresolvable annotations count as missing
        returns = None
    expect(
        typing.get_origin(returns) is origin and typing.get_args(returns) == (RunResponse,),
        "AGN108",
        f"{where} is annotated to return {returns!r}.",
        f"annotate it `-> {origin.__name__}[RunResponse]`.",
    )


def expect_annotation(cls: type, method: str, origin: type) -> None:
    expect_returns(getattr(cls, method), origin, f"{cls.__name__}.{method}()")


def loop_stall_limit(latency: float) -> float:
    """The longest stall a free event loop may show beside calls of `latency` seconds, each of which stalls it
    whole when made synchronously: a share of the latency, and never below a tenth of a second, since several
    concurrent agent runs cost some CPU at their start."""
    return max(0.1, 0.6 * latency)


STALL_HINTS = {
    "AGN104": "in an async path, await the agent's async call, agent.arun(...), instead.",
    "AGN107": "await the call's async form, or run it with asyncio.to_thread().",
}


def expect_loop_free(where: str, blocked: float, code: str, hint: str, *, latency: float, answer: Any = None) -> None:
    """The event loop never stalled for most of one call's `latency`, as a sync or blocking call would stall it.

    Given the `answer` (the learner's class or function), a stall is blamed on what the rule checker finds in it (a
    sync agent call, another blocking call); when it finds nothing there, on a call it cannot see in the answer or
    in something the path calls, with the path's hint and the kinds of call that block.
    """
    if blocked < loop_stall_limit(latency):
        return
    observed = f"the event loop was blocked for {blocked:.2f} s while {where} ran, so nothing else could run"
    if answer is None:
        fail(code, f"{observed}.", f"in an async path, {hint}.", timing=True)
    from agnocourse.grading.probes import findings  # probes runs paths; this module only judges them

    found = findings(answer, ("AGN104", "AGN107"))
    if found:
        first = found[0]
        fail(
            first.code,
            sentence(f"{observed}: {answer.__name__}, line {first.line}: {first.message.split(' [', 1)[0]}"),
            f"in an async path, {hint}." if first.code == code else STALL_HINTS[first.code],
            timing=True,
        )
    fail(
        "AGN107",
        f"{observed}. The rule checker finds no blocking call it knows in {answer.__name__}: the call is one it "
        "cannot see there, or it is in something the path calls (a helper function, a tool, a client).",
        f"in an async path, {hint}; whatever the call that blocks (time.sleep, a sync agent or client call, a "
        "future's .result(), file or network I/O), await its async form or run it with asyncio.to_thread().",
        timing=True,
    )


RUN_ID_HINT = (
    "agno 1.5.10 does not wrap arun(): open each async run with `self.run_id = self.start_run(...)`, which gives it "
    "a fresh id, and put that id on every item you yield."
)


def _numbered(kind: str, numbers: list[int]) -> str:
    """ "run 2", "runs 1 and 3", "runs 1, 2 and 3" """
    if len(numbers) == 1:
        return f"{kind} {numbers[0]}"
    return f"{kind}s {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def run_ids_in_words(ids: list[Any], own: list[Any]) -> str:
    """What is wrong with the run ids runs ended with (`ids`, one per run) against their workflows' `own` run ids, in
    words: which runs carried none, which carried one another run carried too, which not their workflow's."""
    counts = {run_id: ids.count(run_id) for run_id in ids if run_id}
    missing = [i for i, run_id in enumerate(ids, 1) if not run_id]
    shared = [i for i, run_id in enumerate(ids, 1) if run_id and counts[run_id] > 1]
    other = [i for i, (run_id, mine) in enumerate(zip(ids, own, strict=True), 1) if run_id and run_id != mine]
    if len(ids) == 1:
        return "carried no run id" if missing else "carried a run id other than its workflow's run_id (self.run_id)"
    problems = [f"{_numbered('run', missing)} carried none"] if missing else []
    problems += [f"{_numbered('run', shared)} carried the same one"] if shared else []
    whose = "its" if len(other) == 1 else "their"
    problems += (
        [f"{_numbered('run', other)} carried one that is not {whose} workflow's run_id (self.run_id)"] if other else []
    )
    return "; ".join(problems)


def expect_own_run_ids(wfs: list[Any], runs: list[Any], cls: type) -> None:
    ids = [run.items[-1].run_id if run.items else None for run in runs]
    own = [wf.run_id for wf in wfs]
    ok = all(ids) and len(set(ids)) == len(ids) and ids == own
    where = f"{cls.__name__}.arun()"
    observed = (
        f"{where}'s last item {run_ids_in_words(ids, own)}."
        if len(ids) == 1
        else f"{len(ids)} runs of {where} at once, and the run ids their last items carried were wrong: "
        f"{run_ids_in_words(ids, own)}."
    )
    expect(ok, "AGN111", observed, RUN_ID_HINT)


def expect_own_run_id(wf: Any, items: list[Any], cls: type) -> None:
    """expect_own_run_ids for one run, given its items."""
    run_id = items[-1].run_id if items else None
    expect(
        bool(items) and bool(wf.run_id) and run_id == wf.run_id,
        "AGN111",
        f"{cls.__name__}.arun()'s last item {run_ids_in_words([run_id], [wf.run_id])}.",
        RUN_ID_HINT,
    )
