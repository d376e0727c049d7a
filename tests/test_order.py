"""The order the tests are sent to the workers in (tests/conftest.py): slow ones first; the answer files dealt one
chapter after another; every other module's tests left together, so that a worker keeps its module's fixtures (the
browser) from one test to the next."""

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import conftest


@dataclass
class Item:
    module: str
    id: str
    slow: bool = False
    fixturenames: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return Path("tests") / self.module

    @property
    def callspec(self) -> SimpleNamespace:
        return SimpleNamespace(id=self.id)

    def get_closest_marker(self, name: str) -> object | None:
        return object() if name == "slow" and self.slow else None


def ordered(items: list[Item]) -> list[str]:
    conftest.pytest_collection_modifyitems(items)
    return [f"{item.path.stem.removeprefix('test_')}:{item.id}" for item in items]


def test_answer_files_are_dealt_by_chapter_and_the_book_pages_of_a_module_stay_together():
    answers = [Item("test_answer_files.py", f"{chapter}/{case}") for chapter in ("08", "09") for case in "ab"]
    pages = [
        Item(module, f"{folder}/01_core_principles", slow=True, fixturenames=["build"])
        for module in ("test_book.py", "test_browser.py")
        for folder in ("notebooks", "exercises")
    ]
    assert ordered(answers + pages) == [
        "book:notebooks/01_core_principles",  # the first test that needs the book starts its build
        "book:exercises/01_core_principles",
        "browser:notebooks/01_core_principles",
        "browser:exercises/01_core_principles",
        "answer_files:08/a",
        "answer_files:09/a",
        "answer_files:08/b",
        "answer_files:09/b",
    ]


def test_under_nbval_the_longest_notebooks_go_first_each_with_its_cells_in_order():
    from agnocourse import pytest_plugin

    root = Path(__file__).resolve().parents[1]
    assert all((root / name).is_file() for name in pytest_plugin.LONGEST_NOTEBOOKS), "a listed notebook is gone"
    longest, later = pytest_plugin.LONGEST_NOTEBOOKS[1], "notebooks/01_core_principles.ipynb"
    cells = [SimpleNamespace(path=root / name, cell=cell) for name in (later, longest) for cell in range(3)]
    cells.append(SimpleNamespace(path=root / "tests" / "test_order.py", cell=0))  # not a notebook: after them
    pytest_plugin.pytest_collection_modifyitems(SimpleNamespace(rootpath=root), cells)
    assert [(item.path.relative_to(root).as_posix(), item.cell) for item in cells] == [
        *((longest, cell) for cell in range(3)),
        *((later, cell) for cell in range(3)),
        ("tests/test_order.py", 0),
    ]
