"""The check sequence most workflow exercises share, written once: the classes' shape, the sync path run inside a
loop, several async runs at once beside a ticker, the loop kept free, the runs overlapping, each run's own run
id, and the rule checker's codes on each class. A chapter's grader supplies only what is its own: how to build a
workflow, how to call it, and what its items must be."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from agnocourse.grading.feedback import expect, expect_timing
from agnocourse.grading.probes import Run, expect_clean, run_async_paths, run_sync_path
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
    waits: float | None = None,
    overlap_rule: str = "",
    overlap_hint: str = "",
    share: float = 0.6,
    hint: str = "",
) -> list[Run]:
    """The async paths of `workflows` (instances of one answer class) run at once, `call(i, wf)` starting the i-th;
    then, in this order: the event loop never blocked for most of one `latency`, each run's items
    (`expect_each(i, wf, run)`), the runs overlapped, and each run finished with its own run id.

    `waits` is how long one run spends waiting when nothing overlaps (None: the runs are not timed). Runs that
    overlap take about one run's waits; one after another, their sum. The line sits at `share` of the sum.
    """
    cls = type(workflows[0])
    where = f"{cls.__name__}.arun()"
    runs, seconds, blocked = run_async_paths(
        [lambda i=i, wf=wf: call(i, wf) for i, wf in enumerate(workflows)], where, hint
    )
    expect_loop_free(where, blocked, stall_code, stall_hint, latency=latency, answer=cls)
    for i, (wf, run) in enumerate(zip(workflows, runs, strict=True)):
        expect_each(i, wf, run)
    if waits is not None:
        expect_timing(
            seconds < share * len(workflows) * waits,
            overlap_rule,
            f"{len(workflows)} concurrent runs of {where}, each waiting about {waits:.2f} s, took {seconds:.2f} s: "
            "they did not overlap.",
            overlap_hint,
        )
    expect_own_run_ids(workflows, runs, cls)
    return runs


def expect_paths_clean(sync_cls: type | None, async_cls: type | None, sync_hint: str, async_hint: str) -> None:
    """Neither class shows an anti-pattern of its path that the rule checker can see."""
    if sync_cls is not None:
        expect_clean(sync_cls, SYNC_CODES, sync_hint)
    if async_cls is not None:
        expect_clean(async_cls, ASYNC_CODES, async_hint)


STATE_HINT = (
    "agno 1.5.10 wraps run() only: open the async run with `self.run_id = self.start_run(...)`, passing it "
    "arun()'s arguments, and close it with `self.finish_run(content)` after the last item."
)


def expect_run_recorded(wf: Any, where: str, rule: str) -> None:
    """The run left what agno's sync wrapper leaves: a session, this run's response, this run in memory."""
    response = getattr(wf, "run_response", None)
    recorded = bool(getattr(wf, "run_id", None)) and recorded_run_ids(wf) == [wf.run_id]
    expect(
        getattr(wf, "session_id", None) is not None
        and response is not None
        and response.run_id == wf.run_id
        and recorded,
        rule,
        f"after {where} the workflow's session, run response or memory does not hold this run.",
        STATE_HINT,
    )
