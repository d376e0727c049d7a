"""The benchmark behind the performance appendix: real overlap, sane figures, and verdict logic."""

import base64
import dataclasses
import sys

import pytest

from agnocourse import performance as perf
from agnocourse.performance import DOES_NOT_HOLD, HOLDS, PARTLY, Measurement

L = 0.05


def measurement(pattern: str, n: int, wall: float, latency: float = L, cpu: float = 0.0) -> Measurement:
    return Measurement(pattern, n, latency, 0, wall, cpu, 1, 1, 1)


# -- measurements -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [perf.TASKGROUP, perf.GATHER, perf.BRIDGE, perf.POOL_SIZED, perf.TO_THREAD_SIZED])
def test_concurrent_patterns_overlap_ten_calls(name):
    def overlaps() -> bool:
        # Against the sequential pattern timed just after it: a busy machine slows both, so the ratio holds.
        concurrent = perf.measure_here(name, 10, L).wall_s
        sequential = perf.measure_here("sequential", 10, L).wall_s
        assert concurrent >= 0.9 * L
        return concurrent < sequential / 2

    assert overlaps() or overlaps()


def test_sequential_takes_every_latency_one_after_another():
    result = perf.measure_here("sequential", 10, L)
    assert result.wall_s >= 10 * L * 0.95
    assert result.repeats == 1


def test_a_default_pool_queues_calls_beyond_its_workers():
    result = perf.measure_here(perf.POOL, 2 * perf.DEFAULT_WORKERS, L)
    assert result.wall_s >= 2 * L * 0.95
    assert result.workers == perf.DEFAULT_WORKERS


def test_a_fresh_process_returns_a_complete_measurement():
    result = perf.measure(perf.TASKGROUP, 100, 0.01)
    assert (result.pattern, result.n, result.latency, result.workers) == (perf.TASKGROUP, 100, 0.01, 0)
    assert result.wall_s >= 0.01 * 0.9 and result.cpu_s >= 0
    assert result.repeats == perf.QUICK_REPEATS and result.spread >= 0
    assert result.peak_resident_kb >= 0 and result.peak_reserved_kb >= 0


def test_memory_per_task_and_per_thread_are_positive_and_threads_reserve_more_than_they_use():
    task, thread = perf.memory_per_task(), perf.memory_per_thread(50)
    assert task["count"] == perf.PARKED_TASKS and thread["count"] == 50
    assert task["resident_kb"] > 0 and thread["resident_kb"] > 0
    assert thread["reserved_kb"] >= thread["resident_kb"]


def test_timelines_show_the_overlap_each_pattern_allows():
    timelines = perf.ten_call_timelines(0.01)
    assert set(timelines) == set(perf.PATTERNS)
    assert all(len(t.spans) == 10 for t in timelines.values())
    assert timelines["sequential"].peak_concurrency == 1
    assert timelines[perf.TASKGROUP].peak_concurrency == 10
    assert timelines[perf.POOL].peak_concurrency <= perf.DEFAULT_WORKERS


def test_asyncio_overhead_reports_every_workload():
    result = perf.asyncio_overhead(repeats=1)
    assert result["version"] == sys.version.split()[0]
    assert all(result[w] > 0 for w in perf.OVERHEAD_WORKLOADS)


def test_the_running_interpreter_is_found_for_its_own_version():
    minor = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert perf.find_interpreter(minor) == sys.executable
    assert perf.find_interpreter("2.1") is None


def test_slow_runs_are_skipped_only_where_their_time_is_known():
    assert perf.is_measured("sequential", 10) and not perf.is_measured("sequential", 100)
    assert perf.is_measured(perf.POOL, 100) and not perf.is_measured(perf.POOL, 1_000)
    assert all(perf.is_measured(name, 10_000) for name in (perf.TASKGROUP, perf.GATHER, perf.BRIDGE, perf.POOL_SIZED))
    assert perf.is_measured(perf.TO_THREAD_SIZED, 1_000) and not perf.is_measured(perf.TO_THREAD_SIZED, 10_000)
    assert perf.expected_seconds("sequential", 100, 0.02) == pytest.approx(2.0)
    assert perf.expected_seconds(perf.POOL, 13, 0.02) == pytest.approx(0.02 * -(-13 // perf.DEFAULT_WORKERS))
    assert perf.expected_seconds(perf.TASKGROUP, 10_000, 0.02) == pytest.approx(0.02)


# -- verdict logic on synthetic figures -------------------------------------------------------------------------


def test_speed_outcome_calls_within_twenty_percent_indistinguishable():
    assert perf.speed_outcome(1.0, 1.15) == "indistinguishable"
    assert perf.speed_outcome(1.0, 0.9) == "indistinguishable"
    assert perf.speed_outcome(1.0, 1.5) == "faster"
    assert perf.speed_outcome(1.5, 1.0) == "slower"


@pytest.mark.parametrize(
    ("ratios", "verdict"),
    [
        ([2.5, 4.0], HOLDS),
        ([1.7, 6.0], HOLDS),
        ([1.0, 1.1], DOES_NOT_HOLD),
        ([20.0], DOES_NOT_HOLD),
        ([1.0, 3.0], PARTLY),
    ],
)
def test_range_verdict(ratios, verdict):
    assert perf.range_verdict(ratios, 2, 5) == verdict


@pytest.mark.parametrize(
    ("outcomes", "verdict"),
    [
        (["faster", "faster"], HOLDS),
        (["faster", "indistinguishable"], PARTLY),
        (["slower", "indistinguishable"], DOES_NOT_HOLD),
    ],
)
def test_order_verdict(outcomes, verdict):
    assert perf.order_verdict(outcomes) == verdict


@pytest.mark.parametrize(
    ("speedups", "verdict"), [([1.8, 1.5], HOLDS), ([1.0, 0.95], DOES_NOT_HOLD), ([1.3, 1.0], PARTLY)]
)
def test_improvement_verdict(speedups, verdict):
    assert perf.improvement_verdict(speedups, 1.75) == verdict


def test_size_and_combined_verdicts():
    assert perf.size_verdict(20, 32) == HOLDS
    assert perf.size_verdict(1, 32) == DOES_NOT_HOLD
    assert perf.combined([HOLDS, HOLDS]) == HOLDS
    assert perf.combined([HOLDS, DOES_NOT_HOLD]) == PARTLY
    assert perf.combined([DOES_NOT_HOLD]) == DOES_NOT_HOLD


def synthetic_grid(pool_10: float, pool_sized_10: float, pool_100: float) -> list[Measurement]:
    return [
        measurement(perf.TASKGROUP, 10, L),
        measurement(perf.TASKGROUP, 100, L),
        measurement(perf.POOL, 10, pool_10 * L),
        measurement(perf.POOL_SIZED, 10, pool_sized_10 * L),
        measurement(perf.POOL, 100, pool_100 * L),
        measurement(perf.GATHER, 100, L),
        measurement(perf.TO_THREAD, 100, 17 * L),
        measurement(perf.BRIDGE, 100, 1.01 * L),
    ]


def test_taskgroup_against_threadpool_verdicts():
    assert perf.taskgroup_vs_threadpool(synthetic_grid(3, 3, 4)).verdict == HOLDS
    assert perf.taskgroup_vs_threadpool(synthetic_grid(3, 1, 4)).verdict == HOLDS  # a pool of N's ratio is noise
    assert perf.taskgroup_vs_threadpool(synthetic_grid(2, 1, 17)).verdict == PARTLY
    assert perf.taskgroup_vs_threadpool(synthetic_grid(1, 1, 1.1)).verdict == DOES_NOT_HOLD


def test_two_runs_within_their_own_spread_are_the_same_speed():
    """On a loaded machine a 20 ms run wakes late: a difference no larger than the noise of repeated runs is none."""
    quiet = [measurement(perf.TASKGROUP, 100, L), measurement(perf.GATHER, 100, 1.3 * L)]
    assert perf.pair_outcome(quiet, perf.TASKGROUP, perf.GATHER) == "faster"
    noisy = [quiet[0], dataclasses.replace(quiet[1], spread=0.4)]
    assert perf.pair_outcome(noisy, perf.TASKGROUP, perf.GATHER) == "indistinguishable"
    assert perf.pair_outcome(noisy, perf.GATHER, perf.TASKGROUP) == "indistinguishable"


def test_hierarchy_reports_each_neighbour_pair():
    grid = synthetic_grid(2, 1, 17)
    outcomes = perf.hierarchy_outcomes(grid)
    assert [outcome for _, _, outcome in outcomes] == ["indistinguishable", "faster", "slower", "faster"]
    verdict = perf.performance_hierarchy(grid)
    assert verdict.verdict == PARTLY
    assert "TaskGroup same speed as gather" in verdict.figures


def overhead(version: str, seconds: float) -> dict:
    return {"version": version} | dict.fromkeys(perf.OVERHEAD_WORKLOADS, seconds)


def test_python_312_is_not_measured_without_an_interpreter_and_judged_with_one():
    assert perf.python_312({"3.11": overhead("3.11.7", 1.0)}).verdict == "not measured"
    assert perf.python_312({"3.11": overhead("3.11.7", 1.0), "3.12": overhead("3.12.1", 1.0)}).verdict == DOES_NOT_HOLD
    assert perf.python_312({"3.11": overhead("3.11.7", 1.0), "3.12": overhead("3.12.1", 0.5)}).verdict == HOLDS


def test_memory_claim_separates_resident_from_reserved():
    task = {"count": 1000, "resident_kb": 1.0, "reserved_kb": 1.0}
    thread = {"count": 200, "resident_kb": 15.0, "reserved_kb": 13_000.0}
    assert perf.memory_claim(task, thread).verdict == PARTLY
    claimed = {"count": 200, "resident_kb": 8192.0, "reserved_kb": 8192.0}
    assert perf.memory_claim({"count": 1, "resident_kb": 32.0, "reserved_kb": 32.0}, claimed).verdict == HOLDS


def test_scaling_claim_needs_a_hundredfold_speedup_over_sequential():
    """10 000 calls of 20 ms take 200 s one by one: concurrently, one latency and their CPU time must stay under 2 s."""
    assert perf.scaling_claim([measurement(perf.TASKGROUP, 10_000, 0.4, latency=0.02, cpu=0.3)]).verdict == HOLDS
    assert (
        perf.scaling_claim([measurement(perf.TASKGROUP, 10_000, 10.0, latency=0.02, cpu=9.9)]).verdict == DOES_NOT_HOLD
    )


def test_scaling_claim_does_not_count_the_time_other_work_holds_the_cores():
    """A machine busy with other work stretches the wall time, not the CPU time the run spent."""
    loaded = measurement(perf.TASKGROUP, 10_000, 5.0, latency=0.02, cpu=0.3)
    assert perf.scaling_claim([loaded]).verdict == HOLDS


def test_taskgroup_runs_picks_the_large_taskgroup_runs_in_order():
    runs = [measurement(perf.TASKGROUP, 100_000, 1), measurement(perf.GATHER, 10_000, 1)]
    runs += [measurement(perf.TASKGROUP, 10_000, 1), measurement(perf.TASKGROUP, 100, 1)]
    assert [m.n for m in perf.taskgroup_runs(runs)] == [10_000, 100_000]


# -- presenting -------------------------------------------------------------------------------------------------


def test_csv_and_download_link_carry_every_figure():
    rows = [measurement(perf.TASKGROUP, 10, 0.02), measurement(perf.GATHER, 10, 0.03)]
    text = perf.to_csv(rows)
    assert text.splitlines()[0].startswith("pattern,n,latency,workers,wall_s")
    assert len(text.splitlines()) == 3
    link = perf.download_link(text, "performance.csv")
    encoded = link.split("base64,")[1].split('"')[0]
    assert base64.b64decode(encoded).decode() == text
    assert 'download="performance.csv"' in link
