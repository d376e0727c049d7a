"""The instructor's agendas add up the times the chapters state, and every chapter states one they can read."""

import json
from pathlib import Path

import pytest

from agnocourse import agenda

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted((ROOT / "agno3").glob("*.ipynb"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_every_chapter_states_a_time_the_agendas_can_read(chapter: Path):
    time = agenda.chapter_time(chapter)
    assert time.reading > 0 and time.title


def test_a_session_takes_the_stated_reading_and_exercise_times():
    zero, one = (agenda.chapter_time(agenda.chapter_path(stem)) for stem in ("00_asyncio", "01_core_principles"))
    session = [("00_asyncio", False), ("01_core_principles", True)]
    assert agenda.minutes(session) == zero.reading + one.reading + one.exercises
    assert f"| **total** | | | **{agenda.minutes(session)} " in agenda.table({"morning": session})


def test_a_chapter_without_a_time_is_named(tmp_path: Path):
    notebook = tmp_path / "99_untimed.ipynb"
    notebook.write_text(json.dumps({"cells": [{"cell_type": "markdown", "source": ["# 99. Untimed\n"]}]}))
    with pytest.raises(ValueError, match=r"99_untimed\.ipynb states no time"):
        agenda.chapter_time(notebook)
