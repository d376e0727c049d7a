"""Chapter 9's graders are honest: right answers pass, and each known-wrong answer (a test that misses what it
should catch) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch09_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


@pytest.fixture(autouse=True)
def room_for_pyright(monkeypatch):
    """These checks run pyright, which takes seconds alone and far longer on a loaded machine: the check's own time
    limit (made to stop endless loops) is raised, so that a slow pyright is not reported as a timeout."""
    monkeypatch.setenv("AGNOCOURSE_CHECK_TIMEOUT", "120")


WRONG = [
    ("9.1", w.rules_comparison, "[Functional Testing]", "one word in the middle of the async stream differs"),
    ("9.1", w.last_only, "[Functional Testing]", "one word in the middle of the async stream differs"),
    ("9.1", w.joined_text, "[Functional Testing]", "the async path yields one item more"),
    ("9.1", w.sync_only, "[Functional Testing]", "the async path never ran"),
    ("9.1", w.never_iterated, "[Functional Testing]", "the async path never ran"),
    ("9.1", w.async_def_test, "[Functional Testing]", "returned a coroutine, which nobody runs"),
    ("9.2", w.ignores_result, "[Type Checking]", "found no error"),
    ("9.2", w.counts_warnings, "[Type Checking]", "reported a warning as an error"),
    ("9.2", w.exit_status_only, "[Type Checking]", "without a file and line"),
    ("9.2", w.zero_based_lines, "[Type Checking]", "pyright's errors are at"),
    ("9.1", w.order_blind, "[Functional Testing]", "the same items in another order"),
    ("9.2", w.hard_coded_errors, "[Type Checking]", "pyright's errors are at"),
]


@pytest.mark.parametrize(("exercise", "answer", "names", "detail"), WRONG, ids=lambda v: getattr(v, "__name__", None))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answer, names, detail):
    message = failure_of(exercise, answer)
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with
    assert names in message
    assert detail in message


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [("9.1", w.good_paths_agree), ("9.1", w.paths_agree_per_field), ("9.2", w.good_pyright_errors)],
)
def test_a_right_answer_passes(exercise, answer, capsys):
    assert_passes(capsys, exercise, answer)
