"""Every chapter follows the template: numbered title, objectives and time at the top, one setup import, its
exercises linked at the end, and the same stem in notebooks/, solutions/ and exercises/."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def markdown(chapter: Path) -> list[str]:
    cells = json.loads(chapter.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


def test_the_chapters_are_there():
    assert [int(chapter.name[:2]) for chapter in CHAPTERS] == list(range(0, 14))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_a_chapter_opens_with_title_objectives_and_time(chapter: Path):
    opening = "\n".join(markdown(chapter)[:3])
    assert opening.startswith(f"# {int(chapter.name[:2])}. ")
    assert "## What you will be able to do" in opening
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", opening)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_a_chapter_ends_with_a_summary_and_its_exercises(chapter: Path):
    closing = "\n".join(markdown(chapter)[-2:])
    assert "## Summary" in closing
    assert f"(../exercises/{chapter.name})" in closing
    assert (ROOT / "solutions" / chapter.name).is_file() and (ROOT / "exercises" / chapter.name).is_file()
