"""What pyright is handed of a learner's code: the definitions of the whole cell that defines a class, with line
numbers kept, and only the class's source for a class defined in a file."""

from grading_cases.cells import run_cell

from agnocourse.typecheck import class_source, defining_cell, definitions

CELL = """\
import itertools


def helper(value: int) -> int:
    return value + 1


check("8.2", Answer)
LIMIT = helper(1)


class Answer:
    def method(self) -> int:
        return helper(LIMIT)


print(Answer().method())
"""


def test_a_cell_keeps_its_definitions_and_blanks_calls_on_their_own_lines():
    text = definitions(CELL)
    kept = text.splitlines()
    assert kept[0] == "import itertools" and kept[3].startswith("def helper")
    assert kept[8] == "LIMIT = helper(1)" and kept[11] == "class Answer:"  # on the lines they had in the cell
    assert "check(" not in text and "print(" not in text  # calls are not definitions


def test_top_level_await_and_future_imports_are_left_out():
    assert definitions("x = await thing()\ny = 1\n").splitlines() == ["", "y = 1"]
    assert definitions("from __future__ import annotations\nimport os\n").splitlines() == ["", "import os"]


def test_awaits_inside_function_bodies_are_not_top_level():
    cell = "async def fetch():\n    return await thing()\n\n\nclass A:\n    async def f(self):\n        await fetch()\n"
    assert definitions(cell) == cell.rstrip("\n")
    assert definitions("x = [y async for y in z()]\nf = lambda: 1\n").splitlines() == ["", "f = lambda: 1"]


def test_the_defining_cell_of_a_class_run_as_a_notebook_cell_is_found_whole():
    answer = run_cell(CELL.replace('check("8.2", Answer)\n', ""), print=lambda *_: None)["Answer"]
    found = defining_cell(answer)
    assert found is not None
    name, text = found
    assert name.startswith("<cell-") and "def helper" in text and "class Answer" in text


def test_a_class_in_a_file_has_no_cell_and_keeps_its_own_source():
    from agnocourse.patterns import TwoPathWorkflow

    assert defining_cell(TwoPathWorkflow) is None
    assert class_source(TwoPathWorkflow).startswith("class TwoPathWorkflow(")
