"""Chapter 3's graders are honest: right answers pass, however they are written, and each known-wrong answer
(an anti-pattern of the "always do" rules, a fixed prompt, made-up prices, an async run that keeps no state)
fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch03_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("3.1", (w.RulesNews,), "[AGN112]", "stream flag"),
    ("3.1", (w.DoubleCallNews,), "[ALWAYS DO 1: Proper Sync Implementation]", "asked the reporter 2 times"),
    ("3.1", (w.CollectingNews,), "[AGN103]", "after the reporter had produced its last chunk"),
    ("3.1", (w.BridgeNews,), "[AGN101]", "running event loop"),
    ("3.1", (w.NoCompletionNews,), "[Consistent Return Types]", "none of them carried RunEvent.workflow_completed"),
    ("3.2", (w.UnawaitedAsyncNews,), "[AGN106]", "got coroutine"),
    ("3.2", (w.SyncCallAsyncNews,), "[AGN104]", "event loop was blocked"),
    ("3.2", (w.NoRunIdAsyncNews,), "[AGN111]", "runs 1, 2 and 3 carried none"),
    ("3.2", (w.CollectingAsyncNews,), "[AGN103]", "after the reporter had produced its last chunk"),
    ("3.2", (w.DoubleCallAsyncNews,), "[ALWAYS DO 2: Proper Async Implementation]", "asked the reporter 2 times"),
    ("3.3", (w.GoodMarket, w.BlockingAsyncMarket), "[AGN107]", "event loop was blocked"),
    ("3.3", (w.CollectingMarket, w.GoodAsyncMarket), "[AGN103]", "after the last price had been fetched"),
    ("3.3", (w.GoodMarket, w.DifferentAsyncMarket), "[ALWAYS DO 1-2: both paths give the same result]", "sync path"),
    ("3.3", (w.ImplicitStreamMarket, w.GoodAsyncMarket), "[AGN112]", "stream flag"),
    (
        "3.1",
        (w.FixedPromptNews,),
        "[ALWAYS DO 1: Proper Sync Implementation]",
        "the reporter was asked ['Report on markets.']",
    ),
    ("3.2", (w.StatelessAsyncNews,), "[ALWAYS DO 2: Proper Async Implementation]", "lacks: run_response of this run"),
    (
        "3.3",
        (w.MadeUpMarket, w.GoodAsyncMarket),
        "[ALWAYS DO 1-2: both paths give the same result]",
        "price source for []",
    ),
    (
        "3.3",
        (w.GoodMarket, w.StatelessAsyncMarket),
        "[ALWAYS DO 1-2: both paths give the same result]",
        "lacks: run_response",
    ),
]
RIGHT = [
    ("3.1", (w.GoodNews,)),
    ("3.2", (w.GoodAsyncNews,)),
    ("3.3", (w.GoodMarket, w.GoodAsyncMarket)),
    ("3.3", (w.GoodMarket, w.FinallyAsyncMarket)),
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
