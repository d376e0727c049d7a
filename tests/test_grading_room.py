"""The room's report: aggregation per exercise and per learner, the gradebook CSV, and the HTML page, from
grader results written by hand (no notebook runs here)."""

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

from agnocourse.grading.room import aggregate, gradebook, learner_name
from agnocourse.grading.room_html import render
from agnocourse.grading.runner import ExerciseResult, NotebookResult

CHAPTERS = ["01_core_principles", "02_never_do"]
ROOM = Path("/room")
HOSTILE_MESSAGE = 'ValueError: <img src="http://example.invalid/x.png"> </td></table><script>alert(1)</script>'


def ch01(passed: set[str], message: str = "[AGN104] a sync call in async code", altered: str = "") -> list:
    titles = {"1.1": ("Dual paths", 3), "1.2": ("Return types", 3), "1.3": ("Call patterns", 4)}
    results = []
    for id, (title, points) in titles.items():
        if id in passed:
            results.append(ExerciseResult(id, title, points, points, "passed"))
        elif altered and id == "1.3":
            results.append(ExerciseResult(id, title, points, points, "altered", altered=altered))
        else:
            results.append(ExerciseResult(id, title, 0, points, "failed", message))
    return results


def sample_room() -> list[NotebookResult]:
    return [
        NotebookResult(ROOM / "ada" / "01_core_principles.ipynb", ch01({"1.1", "1.2", "1.3"})),
        NotebookResult(ROOM / "bob-01_core_principles.ipynb", ch01({"1.1"})),
        NotebookResult(ROOM / "cy_01_core_principles.ipynb", ch01({"1.1"}, "[Dual paths] arun() is not async")),
        NotebookResult(
            ROOM / "dee-01_core_principles.ipynb",
            ch01({"1.1", "1.2"}, altered="its check cell was edited"),
            altered=["1.3: its check cell was edited"],
        ),
        NotebookResult(
            ROOM / "eve-01_core_principles.ipynb", problems=["/room/eve-01_core_principles.ipynb: not a notebook"]
        ),
        NotebookResult(
            ROOM / "bob-02_never_do.ipynb", [ExerciseResult("2.1", "No asyncio.run", 0, 5, "timed out", "cell 3 ...")]
        ),
    ]


def test_learners_are_named_by_their_folder_or_by_their_file_without_the_chapter():
    assert learner_name(ROOM / "ada" / "01_core_principles.ipynb", ROOM, CHAPTERS) == "ada"
    assert learner_name(ROOM / "ada" / "sub" / "x.ipynb", ROOM, CHAPTERS) == "ada"
    assert learner_name(ROOM / "bob-01_core_principles.ipynb", ROOM, CHAPTERS) == "bob"
    assert learner_name(ROOM / "01_core_principles (cy).ipynb", ROOM, CHAPTERS) == "(cy)"
    assert learner_name(ROOM / "alice.ipynb", ROOM, CHAPTERS) == "alice"
    assert learner_name(ROOM / "01_core_principles.ipynb", ROOM, CHAPTERS) == "01_core_principles"
    # a notebook renamed to its chapter's number alone
    assert learner_name(ROOM / "alice-01.ipynb", ROOM, CHAPTERS) == "alice"
    assert learner_name(ROOM / "02_bob.ipynb", ROOM, CHAPTERS) == "bob"
    assert learner_name(ROOM / "alice-2024.ipynb", ROOM, CHAPTERS) == "alice-2024"
    assert learner_name(ROOM / "01.ipynb", ROOM, CHAPTERS) == "01"


def test_each_exercise_counts_who_passed_and_the_commonest_failures():
    room = aggregate(sample_room(), CHAPTERS, ROOM)
    by_id = {e.id: e for e in room.exercises}
    assert [e.id for e in room.exercises] == ["1.1", "1.2", "1.3", "2.1"]
    assert (by_id["1.1"].passed, by_id["1.1"].attempted) == (4, 4)
    assert (by_id["1.2"].passed, by_id["1.2"].attempted) == (2, 4)
    # dee passed 1.3 with an altered check cell: points, but not counted as a pass of the room
    assert (by_id["1.3"].passed, by_id["1.3"].attempted) == (1, 4)
    assert by_id["1.3"].share == 0.25
    assert by_id["1.2"].failures == [("[AGN104] a sync call in async code", 1), ("[Dual paths] arun() is not async", 1)]
    assert by_id["1.3"].failures[0] == ("[AGN104] a sync call in async code", 1)
    assert any("altered" in message for message, _ in by_id["1.3"].failures)
    assert by_id["1.1"].failures == []


def test_each_learner_gets_one_row_across_chapters_and_an_unreadable_file_is_named():
    room = aggregate(sample_room(), CHAPTERS, ROOM)
    learners = {learner.name: learner for learner in room.learners}
    assert sorted(learners) == ["ada", "bob", "cy", "dee", "eve"]
    assert set(learners["bob"].results) == {"1.1", "1.2", "1.3", "2.1"}
    assert learners["bob"].points == 3
    assert learners["dee"].points == 10 and learners["dee"].altered == [
        "dee-01_core_principles.ipynb: 1.3: its check cell was edited"
    ]
    assert learners["eve"].results == {} and learners["eve"].unreadable == [
        "eve-01_core_principles.ipynb: not a notebook"
    ]


def test_a_chapter_handed_in_twice_counts_once_with_the_better_result():
    results = [
        NotebookResult(ROOM / "ada" / "first.ipynb", ch01(set())),
        NotebookResult(ROOM / "ada" / "second.ipynb", ch01({"1.1", "1.2", "1.3"})),
    ]
    room = aggregate(results, CHAPTERS, ROOM)
    assert room.learners[0].points == 10
    assert [(e.passed, e.attempted) for e in room.exercises] == [(1, 1)] * 3
    assert all(e.failures == [] for e in room.exercises)
    assert any("more than once" in note for note in room.learners[0].altered)


def test_the_gradebook_has_one_row_per_learner_and_a_column_of_points_per_exercise():
    rows = list(csv.reader(io.StringIO(gradebook(aggregate(sample_room(), CHAPTERS, ROOM)))))
    assert rows[0] == [
        "learner",
        "1.1 Dual paths (3 points)",
        "1.2 Return types (3 points)",
        "1.3 Call patterns (4 points)",
        "2.1 No asyncio.run (5 points)",
        "total (15 points)",
    ]
    by_learner = {row[0]: row[1:] for row in rows[1:]}
    assert by_learner["ada"] == ["3", "3", "4", "", "10"]  # chapter 2 not handed in: no grade, not 0
    assert by_learner["bob"] == ["3", "0", "0", "0", "3"]
    assert by_learner["eve"] == ["", "", "", "", ""]
    assert len(rows) == 6


def test_a_learner_name_never_becomes_a_spreadsheet_formula():
    results = [NotebookResult(ROOM / "=HYPERLINK(1)" / "01_core_principles.ipynb", ch01(set()))]
    rows = list(csv.reader(io.StringIO(gradebook(aggregate(results, CHAPTERS, ROOM)))))
    assert rows[1][0] == "'=HYPERLINK(1)"


class Elements(HTMLParser):
    """The tags of a page, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.sources += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Elements:
    elements = Elements()
    elements.feed(page)
    return elements


def test_the_page_shows_the_shares_the_failures_and_a_row_per_learner():
    page = render(aggregate(sample_room(), CHAPTERS, ROOM))
    text = "".join(parse(page).text)
    assert "4/4 passed (100%)" in text and "2/4 passed (50%)" in text and "1/4 passed (25%)" in text
    assert "1× [AGN104] a sync call in async code" in text
    assert (
        "ada✓ 3✓ 3✓ 4–10" in text and "dee✓ 3✓ 3✓ altered 4–10" in text and "bob✓ 3✗ failed✗ failed✗ timed out3" in text
    )
    assert re.search(r"evenot gradednot graded: eve-01_core_principles.ipynb: .*not a notebook", text)
    assert "4 learner(s) graded, 1 with no notebook that could be graded" in text


def test_the_page_is_self_contained():
    page = render(aggregate(sample_room(), CHAPTERS, ROOM))
    elements = parse(page)
    assert "script" not in elements.tags and "link" not in elements.tags and "img" not in elements.tags
    assert elements.sources == []
    assert "default-src 'none'" in page and "url(" not in page and "@import" not in page


def test_learner_strings_are_escaped():
    results = [
        NotebookResult(ROOM / "<script>alert(1)<" / "01_core_principles.ipynb", ch01(set(), HOSTILE_MESSAGE)),
        NotebookResult(ROOM / '"><img src=x onerror=alert(2)>.ipynb', problems=["<b>not a notebook</b>"]),
    ]
    page = render(aggregate(results, CHAPTERS, ROOM))
    elements = parse(page)
    assert elements.tags.count("script") == 0 and "img" not in elements.tags and "b" not in elements.tags
    text = "".join(elements.text)
    assert "<script>alert(1)<" in text and HOSTILE_MESSAGE in text and "<b>not a notebook</b>" in text
