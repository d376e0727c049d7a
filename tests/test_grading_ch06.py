"""Chapter 6's graders are honest: right answers pass, and each known-wrong answer (an anti-pattern of the
implementation guidelines) fails with a message naming the rule it breaks."""

import pytest
from grading_cases import assert_passes, failure_of
from grading_cases import ch06_wrong as w

pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

WRONG = [
    ("6.1", (w.RulesPipeline, w.GoodAsyncPipeline), "[AGN112]", "stream flag"),
    (
        "6.1",
        (w.TopicToWriterPipeline, w.GoodAsyncPipeline),
        "[Implementation guidelines 1: Workflow Structure]",
        "writer",
    ),
    ("6.1", (w.GoodPipeline, w.SyncCallAsyncPipeline), "[AGN104]", "event loop was blocked"),
    ("6.1", (w.BothPipeline, w.BothPipeline), "[AGN110]", "defines both"),
    ("6.2", (w.RunningEventBrief, w.GoodAsyncBrief), "[AGN109]", "workflow_running"),
    ("6.2", (w.CollectingBrief, w.GoodAsyncBrief), "[AGN103]", "held back"),
    ("6.2", (w.GoodBrief, w.UnannotatedAsyncBrief), "[AGN108]", "_abrief"),
    ("6.2", (w.GoodBrief, w.SyncSubflowAsyncBrief), "[AGN104]", "event loop was blocked"),
    ("6.3", (w.FailedEventRating, w.GoodAsyncRating), "[AGN109]", "workflow_failed"),
    ("6.3", (w.RaisingRating, w.GoodAsyncRating), "[Result]", "SymbolNotFoundError"),
    ("6.3", (w.GoodRating, w.FirstFailureAsyncRating), "[Implementation guidelines 3: Error Handling]", "reported 1"),
    ("6.3", (w.GoodRating, w.SequentialAsyncRating), "[Implementation guidelines 3: Error Handling]", "one after"),
    ("6.1", (w.HardCodedPipeline, w.GoodAsyncPipeline), "[Implementation guidelines 1: Workflow Structure]", "yielded"),
    ("6.1", (w.GoodPipeline, w.HelperSleepAsyncPipeline), "[AGN107]", "something the path calls"),
    (
        "6.2",
        (w.MadeUpBrief, w.GoodAsyncBrief),
        "[Implementation guidelines 2: Subflow Patterns]",
        "asked the analyst []",
    ),
    ("6.3", (w.KnownFailuresRating, w.GoodAsyncRating), "[Result]", "raised SymbolNotFoundError"),
]
RIGHT = [
    ("6.1", (w.GoodPipeline, w.GoodAsyncPipeline)),
    ("6.2", (w.GoodBrief, w.GoodAsyncBrief)),
    ("6.3", (w.GoodRating, w.GoodAsyncRating)),
    ("6.3", (w.GoodRating, w.TaskGroupAsyncRating)),
    ("6.3", (w.GoodRating, w.CopiedRaterAsyncRating)),
    ("6.1", (w.GoodPipeline, w.StepsAsyncPipeline)),
]


def _ids(value):
    if isinstance(value, tuple):
        return "+".join(v.__name__ for v in value)
    return str(value)


@pytest.mark.parametrize(("exercise", "answers", "rule", "observed"), WRONG, ids=_ids)
def test_a_known_wrong_answer_fails_naming_its_rule(exercise, answers, rule, observed):
    message = failure_of(exercise, *answers)
    assert ".." not in message.replace("...", ""), message  # one full stop, whatever a quoted error ends with
    assert message.startswith(rule), message
    assert observed in message, message


@pytest.mark.parametrize(("exercise", "answers"), RIGHT, ids=_ids)
def test_a_right_answer_passes(exercise, answers, capsys):
    assert_passes(capsys, exercise, *answers)
