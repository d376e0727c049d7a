"""Chapter 11's graders are honest: right answers pass, and each known-wrong answer (one checklist item left
undone) fails with a message naming the rule or checklist item it breaks."""

from pathlib import Path

import pytest
from grading_cases import ch11_wrong as w

from agnocourse.grading import check
from agnocourse.grading import notebook as nb
from agnocourse.grading.runner import grade

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "11_migration.ipynb"
EXERCISES = ROOT / "exercises" / "11_migration.ipynb"
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("11.1", (w.BothHeadline, w.GoodAsyncHeadline), "[AGN110]"),
    ("11.1", (w.UnannotatedHeadline, w.GoodAsyncHeadline), "[AGN108]"),
    ("11.1", (w.GoodHeadline, w.ContentEventHeadline), "[AGN102]"),
    ("11.1", (w.GoodHeadline, w.NoRunIdHeadline), "[AGN111]"),
    ("11.2", (w.BridgeRevenue, w.GoodAsyncRevenue), "[AGN101]"),
    ("11.2", (w.GoodRevenue, w.SyncCallAsyncRevenue), "[AGN104]"),
    ("11.2", (w.NoStreamArgRevenue, w.GoodAsyncRevenue), "[AGN112]"),
    ("11.3", (w.CollectingDigest,), "[AGN103]"),
    ("11.3", (w.GatherDigest,), "[AGN202]"),
    ("11.3", (w.PlainExceptDigest,), "[Migration checklist: exception handling with except*]"),
    ("11.3", (w.SequentialDigest,), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.GoodRatings, w.BlockingAsyncRatings), "[AGN107]"),
    ("11.4", (w.GoodRatings, w.SequentialAsyncRatings), "[Migration checklist: TaskGroup structured concurrency]"),
    ("11.4", (w.RaisingSyncRatings, w.GoodAsyncRatings), "[Result]"),
    ("11.4", (w.FirstErrorSyncRatings, w.GoodAsyncRatings), "[Migration checklist: test both sync and async"),
]
MESSAGES = {
    "PlainExceptDigest": "ExceptionGroup escape",
    "SequentialDigest": "did not overlap",
    "SequentialAsyncRatings": "did not overlap",
    "RaisingSyncRatings": "SymbolNotFoundError",
    "FirstErrorSyncRatings": "the sync path yielded",
}


@pytest.mark.parametrize(("exercise", "answers", "names"), WRONG, ids=lambda v: getattr(v[-1], "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, names):
    with pytest.raises(AssertionError) as failure:
        check(exercise, *answers)
    message = str(failure.value)
    assert names in message
    assert "Observed:" in message and "Hint:" in message
    assert "\n" not in message
    wrong = next((a for a in answers if not a.__name__.startswith("Good")), answers[-1])
    expected = MESSAGES.get(wrong.__name__)
    assert expected is None or expected in message


@pytest.mark.parametrize(
    ("exercise", "answers"),
    [
        ("11.1", (w.GoodHeadline, w.GoodAsyncHeadline)),
        ("11.2", (w.GoodRevenue, w.GoodAsyncRevenue)),
        ("11.3", (w.GoodDigest,)),
        ("11.4", (w.GoodRatings, w.GoodAsyncRatings)),
    ],
)
def test_a_right_answer_passes(exercise, answers, capsys):
    check(exercise, *answers)
    assert capsys.readouterr().out.strip().endswith("passed")


def test_every_exercise_has_known_wrong_answers():
    ids = {e.id for e in nb.exercises(nb.read(SOLUTION))}
    assert ids == {case[0] for case in WRONG}


@pytest.mark.slow
def test_the_solution_notebook_scores_full_marks():
    result = grade(SOLUTION, nb.exercises(nb.read(SOLUTION)))
    assert [e.status for e in result.exercises] == ["passed"] * 4
    assert result.points == result.max_points == 12 and result.passed


@pytest.mark.slow
def test_the_exercise_notebook_scores_zero_on_its_stubs():
    result = grade(EXERCISES, nb.exercises(nb.read(SOLUTION)))
    assert result.points == 0 and not result.passed
    for e in result.exercises:
        assert e.status == "failed"
        assert e.message.startswith(f"NotImplementedError: Exercise {e.id} ")
