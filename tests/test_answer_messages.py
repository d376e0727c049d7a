"""What some failure messages say beyond naming the rule: the figures they quote are the ones the answer produced.

The answers are files of tests/known_wrong on the main track, graded as tests/test_answer_files.py grades them.
"""

from pathlib import Path

import pytest

from agnocourse.grading.answers import outcome

KNOWN_WRONG = Path(__file__).resolve().parent / "known_wrong"
pytestmark = pytest.mark.filterwarnings(
    "ignore:coroutine .* was never awaited:RuntimeWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)


def failure_of(case: str) -> str:
    result = outcome(KNOWN_WRONG / case)
    assert not result["passed"], result["output"]
    return result["message"]


def test_a_relay_that_records_a_chunk_late_is_told_what_it_delivered():
    message = failure_of("13_production/13.1_counted_ahead_relay.py")
    delivered = message.split("items (")[1].split(")")[0]
    assert f"'delivered': {delivered}" not in message, message


def test_the_one_too_many_reader_is_told_how_many_it_read():
    message = failure_of("00_asyncio/0.2_one_too_many_take.py")
    n = int(message.split("with n=")[1].split(",")[0])
    assert f"read {n + 1} items from the source" in message, message


def test_a_board_that_held_prices_back_is_told_when_they_had_arrived():
    message = failure_of("07_performance/7.3_collected_board.py")
    arrived = float(message.split("reached the caller ")[1].split(" s")[0])
    ended = float(message.split("its call had ended at ")[1].split(" s")[0])
    following = float(message.split("and the next one at ")[1].split(" s")[0])
    # A loaded machine can hold the loop while both calls come due: they then end in one turn, at one moment.
    assert ended <= following <= arrived, message


@pytest.mark.slow
def test_the_errors_9_2_quotes_are_the_ones_pyright_reports(tmp_path):
    """9.2's check does not run pyright: it knows where it planted its errors, and its message quotes those places.
    Planted all at once, each kind is one pyright error on the line the check expects, and its right form, planted
    beside it, is none."""
    import json
    import subprocess
    import sys

    from agnocourse.grading.ch09 import KINDS, _Project

    every = list(range(len(KINDS)))
    project = _Project(errors=every, rights=every)
    project.write(tmp_path)
    pyright = Path(sys.executable).with_name("pyright")
    command = [str(pyright), "--outputjson", "--pythonpath", sys.executable]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(done.stdout)["generalDiagnostics"]
    errors = [(Path(d["file"]).name, d["range"]["start"]["line"] + 1) for d in report if d["severity"] == "error"]
    assert len(errors) == len(KINDS) and sorted(errors) == sorted(project.errors), report
