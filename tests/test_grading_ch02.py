"""Chapter 2's graders are honest: right answers pass, and each "never do" fails naming the rule it breaks.

Full marks for the solution notebook and zero for the untouched exercises are covered for every chapter by
tests/test_grading_honesty.py (it grades every notebook in solutions/ and exercises/)."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch02_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("2.1", w.BridgePriceReport, "[AGN101]"),
    ("2.1", w.AsyncAgentPriceReport, "[AGN101]"),
    ("2.1", w.SequentialPriceReport, "[Never do 1]"),
    ("2.1", w.FixedSymbolsPriceReport, "[Result]"),
    ("2.2", w.typed_in_relay, "[Result]"),
    ("2.2", w.collecting_relay, "[AGN103]"),
    ("2.2", w.list_relay, "[AGN103]"),
    ("2.2", w.unawaited_relay, "[AGN106]"),
    ("2.3", w.SyncAgentBriefing, "[AGN104]"),
    ("2.3", w.BlockingToolBriefing, "[AGN107]"),
    ("2.3", w.NoRunIdBriefing, "[AGN111]"),
]


@pytest.mark.parametrize(("exercise", "answer", "names"), WRONG, ids=lambda v: getattr(v, "__name__", v))
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answer, names):
    message = failure_of(exercise, answer)
    assert message.startswith(names)


@pytest.mark.parametrize(
    ("exercise", "answer"), [("2.1", w.GoodPriceReport), ("2.2", w.good_relay), ("2.3", w.GoodBriefing)]
)
def test_a_right_answer_passes(exercise, answer, capsys):
    assert_passes(capsys, exercise, answer)
