"""The rule index (book/rule_index.md): every rule of the document has a chapter section and exercises that exist,
and on agno 3.1 a section and the track's exercises as the grader declares them, or a reason it is gone."""

import json
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
from myst_parser.mdit_to_docutils.base import default_slugify

from agnocourse.grading import notebook as nb
from agnocourse.rules.catalog import RULES

ROOT = Path(__file__).resolve().parent.parent
INDEX = ROOT / "book" / "rule_index.md"

# The rules of the document, in its order: each heading under its sections, and each migration checklist item.
DOCUMENT_RULES = (
    "Core principles: 1. Dual method pattern",
    "Core principles: 2. Consistent return types",
    "Core principles: 3. Agent call patterns",
    "Never do: 1. Mixed sync/async anti-pattern",
    "Never do: 2. Wrong return types",
    "Never do: 3. Collecting async responses",
    "Never do: 4. Mixing agent call types",
    "Always do: 1. Proper sync implementation",
    "Always do: 2. Proper async implementation",
    "Always do: 3. Parallel execution patterns",
    "Always do: 4. Parallel execution decision framework",
    "Modern async patterns: 1. TaskGroup structured concurrency",
    "Modern async patterns: 2. Exception handling with TaskGroup",
    "Modern async patterns: 3. Mixing blocking and async code",
    "Implementation guidelines: 1. Workflow structure",
    "Implementation guidelines: 2. Subflow patterns",
    "Implementation guidelines: 3. Error handling",
    "Implementation guidelines: 4. Tool integration",
    "Performance best practices: 1. Streaming optimization",
    "Performance best practices: 2. Memory management",
    "Performance best practices: 3. Parallel processing",
    "Type annotations: Required imports",
    "Type annotations: Method signatures",
    "Testing guidelines: 1. Type checking",
    "Testing guidelines: 2. Functional testing",
    "Common pitfalls: 1. Mixing sync/async",
    "Common pitfalls: 2. Wrong return types",
    "Common pitfalls: 3. Inefficient streaming",
    "Common pitfalls: 4. Type errors",
    "Migration checklist: 1. Separate sync and async method implementations",
    "Migration checklist: 2. Update all return type annotations",
    "Migration checklist: 3. Replace `RunResponseContentEvent` with `RunResponse`",
    "Migration checklist: 4. Remove `asyncio.run()` calls from sync methods",
    "Migration checklist: 5. Remove response collection helpers",
    "Migration checklist: 6. Update agent call patterns",
    "Migration checklist: 7. Replace `asyncio.gather()` with `asyncio.TaskGroup` for new code",
    "Migration checklist: 8. Update parallel execution to use TaskGroup structured concurrency",
    "Migration checklist: 9. Use `asyncio.to_thread()` for blocking operations in async contexts",
    "Migration checklist: 10. Implement proper exception handling with `except*` syntax",
    "Migration checklist: 11. Add proper error handling",
    "Migration checklist: 12. Test both sync and async functionality",
    "Migration checklist: 13. Run pyright type checking",
    "Migration checklist: 14. Benchmark performance with Python 3.12+ optimizations",
)

CELL = re.compile(r"\s*([^|]*?)\s*\|")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<path>[^)#]+)(?:#(?P<anchor>[^)]+))?\)")


class Link(NamedTuple):
    text: str
    path: Path
    anchor: str | None


class Row(NamedTuple):
    rule: str
    chapter: list[Link]
    exercises: list[Link]
    codes: list[Link]
    agno3: str  # the column "On agno 3.1", as written


def links(cell: str) -> list[Link]:
    return [Link(m["text"], (INDEX.parent / m["path"]).resolve(), m["anchor"]) for m in LINK.finditer(cell)]


def read_rows(text: str) -> list[Row]:
    table = [line for line in text.splitlines() if line.startswith("| ")][1:]  # the header row is not a rule
    rows = []
    for line in table:
        rule, chapter, exercises, codes, agno3 = CELL.findall(line[1:])
        rows.append(Row(rule, links(chapter), links(exercises), links(codes), agno3))
    return rows


ROWS = read_rows(INDEX.read_text(encoding="utf-8"))


@cache
def anchors(page: Path) -> frozenset[str]:
    """The heading anchors MyST gives the page's first headings (level 1 to 3, as in _config.yml)."""
    cells = json.loads(page.read_text(encoding="utf-8"))["cells"]
    lines = (line for c in cells if c["cell_type"] == "markdown" for line in "".join(c["source"]).splitlines())
    return frozenset(default_slugify(m[1]) for m in map(re.compile(r"^#{1,3} (.+)$").match, lines) if m)


@cache
def exercise_ids(solutions: Path) -> frozenset[str]:
    return frozenset(exercise.id for exercise in nb.exercises(nb.read(solutions)))


def assert_link_resolves(link: Link, folder: str) -> None:
    assert link.path.parent.name == folder and link.path.is_file(), f"{link} does not point to a page in {folder}/"
    assert link.anchor is None or link.anchor in anchors(link.path), f"{link.path.name} has no section #{link.anchor}"


def test_every_rule_of_the_document_has_one_row_in_its_order():
    assert [row.rule for row in ROWS] == list(DOCUMENT_RULES)


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_each_rule_links_a_section_of_a_chapter(row: Row):
    assert len(row.chapter) == 1 and row.chapter[0].anchor, "a rule needs exactly one chapter section"
    assert_link_resolves(row.chapter[0], "notebooks")


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_each_rule_has_exercises_that_exist_or_an_erratum_saying_why_not(row: Row):
    assert row.exercises, "a rule needs exercises, or a link to the erratum that explains their absence"
    for link in row.exercises:
        if link.path.parent.name == "notebooks":
            assert link.path.stem == "appendix_errata" and link.text.startswith("erratum"), link
            assert_link_resolves(link, "notebooks")
            continue
        assert_link_resolves(link, "exercises")
        solutions = ROOT / "solutions" / link.path.name
        assert link.text in exercise_ids(solutions), f"{solutions.name} has no exercise {link.text}"


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_each_checker_code_exists_and_links_its_section(row: Row):
    for link in row.codes:
        assert link.text in RULES, f"{link.text} is not a checker code"
        assert link.path.name == "checker.ipynb", link
        assert_link_resolves(link, "book")


@pytest.mark.parametrize("row", ROWS, ids=[row.rule for row in ROWS])
def test_on_agno3_each_rule_links_its_sections_and_the_tracks_exercises_or_says_it_is_gone(row: Row):
    from agnocourse.grading.registry import AGNO3, lookup

    found = links(row.agno3)
    sections = [link for link in found if link.path.parent.name == "agno3"]
    assert sections or row.agno3.startswith(("gone: ", "none: ")), "a section on agno 3.1, or why the rule is gone"
    for link in found:
        if link.path.parent.name == "agno3":
            assert link.anchor, f"{link} links a page, not a section"
            assert_link_resolves(link, "agno3")
        elif link.path.parent.name == "notebooks":
            assert link.path.stem == "appendix_errata" and link.text.startswith("erratum"), link
            assert_link_resolves(link, "notebooks")
        else:
            assert_link_resolves(link, "exercises")
            assert link.text in exercise_ids(ROOT / "solutions" / link.path.name), f"{link.path.name}: no {link.text}"
            assert lookup(link.text).track == AGNO3, f"{link.text} is not an exercise of the agno 3 track"


def test_every_exercise_of_the_agno3_track_grades_a_rule_of_the_index():
    from agnocourse.grading.registry import AGNO3, declared

    listed = {link.text for row in ROWS for link in links(row.agno3) if link.path.parent.name == "exercises"}
    assert {id for id in declared() if AGNO3.owns(id)} == listed


def test_the_parser_sees_a_missing_section_and_a_missing_exercise():
    text = (
        "| Rule | Chapter section | Exercises | Checker codes | On agno 3.1 |\n|---|---|---|---|---|\n"
        "| A | [x](../notebooks/01_core_principles.ipynb#no-such-section) "
        "| [1.9](../exercises/01_core_principles.ipynb) | — "
        "| [y](../agno3/01_rules_on_agno3.ipynb#no-such-section); [A3.9](../exercises/agno3_01_rules.ipynb) |\n"
    )
    (row,) = read_rows(text)
    with pytest.raises(AssertionError, match="no section #no-such-section"):
        test_each_rule_links_a_section_of_a_chapter(row)
    with pytest.raises(AssertionError, match=r"has no exercise 1\.9"):
        test_each_rule_has_exercises_that_exist_or_an_erratum_saying_why_not(row)
    with pytest.raises(AssertionError, match="no section #no-such-section"):
        test_on_agno3_each_rule_links_its_sections_and_the_tracks_exercises_or_says_it_is_gone(row)
    gone = row._replace(agno3="[A3.9](../exercises/agno3_01_rules.ipynb)")
    with pytest.raises(AssertionError, match="or why the rule is gone"):
        test_on_agno3_each_rule_links_its_sections_and_the_tracks_exercises_or_says_it_is_gone(gone)
    listed = row._replace(agno3="gone: nothing; [A3.9](../exercises/agno3_01_rules.ipynb)")
    with pytest.raises(AssertionError, match=r"no A3\.9"):
        test_on_agno3_each_rule_links_its_sections_and_the_tracks_exercises_or_says_it_is_gone(listed)
