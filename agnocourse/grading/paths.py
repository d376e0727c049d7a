"""The check sequence most workflow exercises share, written once: the classes' shape, the sync path run inside a
loop, several async runs at once beside a ticker, the loop kept free, the runs overlapping, each run's own run
id, and the rule checker's codes on each class. A chapter's grader supplies only what is its own: how to build a
workflow, how to call it, and what its items must be."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from agnocourse.grading.feedback import expect
from agnocourse.grading.probes import (
    Run,
    expect_clean,
    expect_waits_together,
    record_waits,
    run_async_paths,
    run_sync_path,
    run_timelines,
)
from agnocourse.grading.workflows import (
    ASYNC_CODES,
    SYNC_CODES,
    expect_loop_free,
    expect_own_run_ids,
    workflow_class,
)
from agnocourse.patterns import recorded_run_ids


def dual_classes(sync_answer: Any, async_answer: Any) -> tuple[type, type]:
    """The split-class pattern: a Workflow subclass that defines run() only, another that defines arun() only."""
    return workflow_class(sync_answer, "run", "arun"), workflow_class(async_answer, "arun", "run")


def sync_run(cls: type, build: Callable[[type], Any], call: Callable[[Any], Any], hint: str = "") -> tuple[Any, Run]:
    """A workflow built from `cls`, and its sync path consumed from inside an event loop (so that a bridge to
    async code fails here, as it would under any caller that runs a loop)."""
    wf = build(cls)
    return wf, run_sync_path(lambda: call(wf), f"{cls.__name__}.run()", hint)


def async_runs(
    workflows: list[Any],
    call: Callable[[int, Any], Any],
    *,
    latency: float,
    stall_code: str,
    stall_hint: str,
    expect_each: Callable[[int, Any, Run], None],
    waits: Callable[[Any], Iterable[Any]] | None = None,
    overlap_rule: str = "",
    overlap_hint: str = "",
    hint: str = "",
) -> list[Run]:
    """The async paths of `workflows` (instances of one answer class) run at once, `call(i, wf)` starting the i-th;
    then, in this order: the event loop never blocked for most of one `latency`, each run's items
    (`expect_each(i, wf, run)`), the runs overlapped, and each run finished with its own run id.

    `waits(wf)` names what a run waits on: its agents (on offline models) and clients (None: the runs' overlap is
    not checked). Each run's calls of them are recorded on a timeline of its own, all on one clock, and the runs
    overlapped when at one moment every run had a call in flight: runs that take turns never do, however fast,
    and runs that overlap always do, however slowly a busy machine runs the code around their calls.
    """
    cls = type(workflows[0])
    where = f"{cls.__name__}.arun()"
    timelines = run_timelines(len(workflows))
    if waits is not None:
        for wf, timeline in zip(workflows, timelines, strict=True):
            record_waits(waits(wf), timeline)
    runs, _, blocked = run_async_paths([lambda i=i, wf=wf: call(i, wf) for i, wf in enumerate(workflows)], where, hint)
    expect_loop_free(where, blocked, stall_code, stall_hint, latency=latency, answer=cls)
    for i, (wf, run) in enumerate(zip(workflows, runs, strict=True)):
        expect_each(i, wf, run)
    if waits is not None:
        expect_waits_together(timelines, overlap_rule, where, overlap_hint)
    expect_own_run_ids(workflows, runs, cls)
    return runs


def expect_paths_clean(sync_cls: type | None, async_cls: type | None, sync_hint: str, async_hint: str) -> None:
    """Neither class shows an anti-pattern of its path that the rule checker can see."""
    if sync_cls is not None:
        expect_clean(sync_cls, SYNC_CODES, sync_hint)
    if async_cls is not None:
        expect_clean(async_cls, ASYNC_CODES, async_hint)


RUN_STATE_HINT = (
    "agno 1.5.10 wraps run() only: open the async run with `self.run_id = self.start_run(...)`, passing it arun()'s "
    "arguments, and close it with `self.finish_run(content)` after the last item."
)


def expect_run_recorded(wf: Any, where: str, rule: str) -> None:
    """One run on a fresh workflow left what agno's sync wrapper leaves: a session, this run's response, this run in
    the workflow's memory (what start_run and finish_run record on the async path)."""
    response = getattr(wf, "run_response", None)
    run_id = getattr(wf, "run_id", None)
    state = {
        "session_id set": getattr(wf, "session_id", None) is not None,
        "run_response of this run": response is not None and response.run_id == run_id,
        "this run in memory": bool(run_id) and recorded_run_ids(wf) == [run_id],
    }
    missing = [name for name, ok in state.items() if not ok]
    expect(not missing, rule, f"after {where} the workflow lacks: {', '.join(missing)}.", RUN_STATE_HINT)
