"""The graders are honest: solutions score full marks, untouched exercises score zero, and each known-wrong
answer (an anti-pattern the rules forbid) fails with a message naming the rule it breaks."""

import ast
from pathlib import Path

import pytest
from grading_cases import ch01_wrong as w

from agnocourse import exercises
from agnocourse.grading import check
from agnocourse.grading import notebook as nb
from agnocourse.grading.cli import main as grade_main
from agnocourse.grading.harness import CheckTimeout, run_check
from agnocourse.grading.runner import grade

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
# Known-wrong answers leave coroutines that were never awaited; the warning may surface in a later test.
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("1.1", w.BridgeSummary, w.GoodAsyncSummary, "[AGN101]"),
    ("1.1", w.BothSummary, w.BothSummary, "[AGN110]"),
    ("1.1", w.GoodSummary, w.NoRunIdSummary, "[AGN111]"),
    ("1.1", w.GoodSummary, w.SyncCallSummary, "[AGN104]"),
    ("1.1", w.NoStreamArgSummary, w.GoodAsyncSummary, "[AGN112]"),
    ("1.2", w.FailedEventQuotes, w.GoodAsyncQuotes, "[AGN109]"),
    ("1.2", w.RaisingQuotes, w.GoodAsyncQuotes, "RunEvent.run_error"),
    ("1.2", w.DictQuotes, w.GoodAsyncQuotes, "[AGN102]"),
    ("1.2", w.UnannotatedQuotes, w.GoodAsyncQuotes, "[AGN108]"),
    ("1.2", w.GoodQuotes, w.BlockingAsyncQuotes, "[AGN107]"),
    ("1.3", w.CollectingStory, w.GoodAsyncStory, "[AGN103]"),
    ("1.3", w.GoodStory, w.UnawaitedStory, "[AGN106]"),
    ("1.3", w.ImplicitStreamStory, w.GoodAsyncStory, "[AGN112]"),
    ("1.3", w.BridgeStory, w.GoodAsyncStory, "[AGN101]"),
]


@pytest.mark.parametrize(("exercise", "sync", "async_", "names"), WRONG, ids=lambda v: getattr(v, "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, sync, async_, names):
    with pytest.raises(AssertionError) as failure:
        check(exercise, sync, async_)
    message = str(failure.value)
    assert names in message
    assert "Observed:" in message and "Hint:" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("exercise", "sync", "async_"),
    [
        ("1.1", w.GoodSummary, w.GoodAsyncSummary),
        ("1.2", w.GoodQuotes, w.GoodAsyncQuotes),
        ("1.3", w.GoodStory, w.GoodAsyncStory),
    ],
)
def test_a_right_answer_passes(exercise, sync, async_, capsys):
    check(exercise, sync, async_)
    assert capsys.readouterr().out.strip().endswith("passed")


def known_wrong_ids() -> set[str]:
    """Exercise ids of the WRONG tables of every tests/test_grading*.py (one per chapter)."""
    ids: set[str] = set()
    for path in Path(__file__).parent.glob("test_grading*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "WRONG" for t in node.targets):
                assert isinstance(node.value, ast.List)
                ids |= {ast.literal_eval(case.elts[0]) for case in node.value.elts if isinstance(case, ast.Tuple)}
    return ids


def test_every_exercise_has_known_wrong_answers():
    ids = {e.id for path in SOLUTIONS for e in nb.exercises(nb.read(path))}
    assert ids
    assert ids <= known_wrong_ids(), f"exercises without a known-wrong answer: {sorted(ids - known_wrong_ids())}"
    assert known_wrong_ids() <= ids, f"wrong answers for no exercise: {sorted(known_wrong_ids() - ids)}"


def test_an_endless_await_in_a_check_times_out():
    with pytest.raises(CheckTimeout, match="timed out"):
        check_with_timeout("1.1", w.GoodSummary, w.EndlessSummary)


def test_an_endless_loop_in_a_check_is_stopped():
    def spin() -> None:
        while True:
            pass

    with pytest.raises(CheckTimeout, match=r"did not finish within 0\.5 s"):
        run_check("Exercise 0.0", spin, timeout=0.5)


def check_with_timeout(exercise, *answers):
    from agnocourse.grading.registry import lookup

    entry = lookup(exercise)
    run_check(exercise, lambda: entry.check(*answers), timeout=1.0)


def test_exercises_are_in_sync_with_solutions(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert exercises.main(["--check"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_every_solution_notebook_scores_full_marks(solution):
    result = grade(solution, nb.exercises(nb.read(solution)))
    failed = {e.id: e.message for e in result.exercises if e.status != "passed"}
    assert not failed, f"a right answer failed: {failed}"
    assert result.points == result.max_points > 0 and result.passed


@pytest.mark.slow
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_every_exercise_notebook_scores_zero_on_its_stubs(solution):
    result = grade(ROOT / "exercises" / solution.name, nb.exercises(nb.read(solution)))
    assert result.points == 0 and not result.passed
    for e in result.exercises:
        assert e.status == "failed"
        assert e.message.startswith(f"NotAnswered: Exercise {e.id} is not answered yet: ")


@pytest.mark.slow
def test_the_command_line_exits_zero_only_when_all_pass(capsys):
    solution = SOLUTIONS[0]
    assert grade_main([str(solution), "--solutions", str(ROOT / "solutions")]) == 0
    assert "all passed" in capsys.readouterr().out
    assert grade_main([str(ROOT / "exercises" / solution.name), "--solutions", str(ROOT / "solutions")]) == 1
