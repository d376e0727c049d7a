"""Chapter 1's graders are honest: right answers pass, however they are written, and each known-wrong answer
fails with a message naming the rule it breaks, including answers that a fixed input would let through (a
hard-coded answer, made-up prices, a fixed count) and an async path that never overlaps its runs."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch01_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("1.1", (w.HardCodedSummary, w.GoodAsyncSummary), "[Dual Method Pattern]", "last item's content was"),
    (
        "1.1",
        (w.GoodSummary, w.StatelessAsyncSummary),
        "[Dual Method Pattern]",
        "the workflow lacks: run_response of this run, this run in memory",
    ),
    ("1.1", (w.GoodSummary, w.LockedAsyncSummary), "[AGN104]", "concurrent runs"),
    ("1.1", (w.GoodSummary, w.NoRunIdSummary), "[AGN111]", "run ids"),
    ("1.2", (w.MadeUpQuotes, w.GoodAsyncQuotes), "[Consistent Return Types]", "asked its price source for []"),
    ("1.2", (w.FixedCountQuotes, w.GoodAsyncQuotes), "[Consistent Return Types]", "the final content was"),
    ("1.3", (w.FixedOutlineStory, w.GoodAsyncStory), "[Agent Call Patterns]", "the writer ['Outline: loops"),
    ("1.3", (w.GoodStory, w.LockedAsyncStory), "[AGN104]", "they did not overlap"),
]
RIGHT = [
    ("1.1", (w.GoodSummary, w.GoodAsyncSummary)),
    ("1.1", (w.GoodSummary, w.StreamingAsyncSummary)),
    ("1.2", (w.GoodQuotes, w.GoodAsyncQuotes)),
    ("1.2", (w.LookupQuotes, w.GoodAsyncQuotes)),
    ("1.3", (w.GoodStory, w.GoodAsyncStory)),
]


def _ids(value):
    if isinstance(value, tuple):
        return "+".join(v.__name__ for v in value)
    return str(value)


@pytest.mark.parametrize(("exercise", "answers", "rule", "observed"), WRONG, ids=_ids)
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, rule, observed):
    message = failure_of(exercise, *answers)
    assert message.startswith(rule), message
    assert observed in message, message


@pytest.mark.parametrize(("exercise", "answers"), RIGHT, ids=_ids)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
