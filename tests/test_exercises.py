"""exercises/ is generated from solutions/: regions become stubs with hints; output is byte-for-byte stable."""

import inspect
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from agnocourse import exercises

ROOT = Path(__file__).resolve().parents[1]
CHECK = {"agnocourse": {"exercise": "9.1", "title": "Demo", "points": 2}}


def solution_notebook() -> nbformat.NotebookNode:
    solution = new_code_cell(
        "def answer():\n    ### HINT: return the answer.\n"
        "    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION\n",
        execution_count=3,
        outputs=[nbformat.v4.new_output("stream", text="42\n")],
    )
    check = new_code_cell('check("9.1", answer)', metadata=CHECK, execution_count=4)
    notebook = new_notebook(cells=[new_markdown_cell("# Demo"), new_code_cell("x = 1"), solution, check])
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"
    return notebook


def test_a_solution_region_becomes_a_hinted_stub():
    generated = exercises.generate(solution_notebook())
    assert generated.cells[2].source == (
        "def answer():\n"
        "    # Hint: return the answer.\n"
        "    raise NotImplementedError('Exercise 9.1 (Demo): replace this line with your answer')"
    )
    assert generated.cells[3].source == 'check("9.1", answer)'
    assert generated.cells[3].metadata == {**CHECK, "tags": ["raises-exception"]}
    assert all(c.outputs == [] and c.execution_count is None for c in generated.cells if c.cell_type == "code")


def test_the_solutions_title_becomes_the_exercises_title():
    solution = solution_notebook()
    solution.cells[0].source = "# Solutions 9: Demo\n\nSolutions are not # Solutions 9 elsewhere."
    generated = exercises.generate(solution)
    assert generated.cells[0].source == "# Exercises 9: Demo\n\nSolutions are not # Solutions 9 elsewhere."
    assert solution.cells[0].source.startswith("# Solutions 9")


def test_a_hint_can_come_from_the_cell_metadata():
    notebook = solution_notebook()
    notebook.cells[2].source = "### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION"
    notebook.cells[2].metadata["agnocourse"] = {"hint": "forty-two"}
    source = exercises.generate(notebook).cells[2].source
    assert source.splitlines()[0] == "# Hint: forty-two"
    assert source.splitlines()[-1] == "answer = NotImplemented"


def test_a_solution_without_a_check_cell_after_it_is_an_error():
    notebook = solution_notebook()
    notebook.cells = notebook.cells[:3]
    with pytest.raises(exercises.SolutionFormatError, match="no check cell follows"):
        exercises.generate(notebook)


def test_unbalanced_markers_are_an_error():
    notebook = solution_notebook()
    notebook.cells[2].source = "### BEGIN SOLUTION\nanswer = 42\n"
    with pytest.raises(exercises.SolutionFormatError, match="without"):
        exercises.generate(notebook)


def test_generation_is_deterministic_and_check_names_stale_files(tmp_path: Path, capsys):
    solutions, generated = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    nbformat.write(solution_notebook(), solutions / "09_demo.ipynb")
    folders = ["--solutions", str(solutions), "--exercises", str(generated)]
    assert exercises.main(["--check", *folders]) == 1
    assert "09_demo.ipynb" in capsys.readouterr().err
    assert exercises.main(folders) == 0
    first = (generated / "09_demo.ipynb").read_bytes()
    assert exercises.main(folders) == 0
    assert (generated / "09_demo.ipynb").read_bytes() == first
    assert exercises.main(["--check", *folders]) == 0
    (generated / "09_demo.ipynb").write_text("{}", encoding="utf-8")
    assert exercises.main(["--check", *folders]) == 1


def test_a_top_level_region_becomes_placeholders_for_the_names_the_check_reads():
    notebook = solution_notebook()
    notebook.cells[2].source = (
        "### HINT: two of them.\n### BEGIN SOLUTION\nLIMIT = 3\n\n\ndef answer():\n    return LIMIT\n\n\n"
        "class Other:\n    pass\n### END SOLUTION\n"
    )
    notebook.cells[3].source = 'check("9.1", answer, Other)'
    generated = exercises.generate(notebook)
    assert generated.cells[2].source.splitlines() == [
        "# Hint: two of them.",
        "# Exercise 9.1 (Demo): replace the next line with your answer.",
        "answer = Other = NotImplemented",
    ]


def test_answer_and_check_cells_are_tagged_so_run_all_goes_on():
    generated = exercises.generate(solution_notebook())
    setup, answer, check = generated.cells[1:]
    assert "tags" not in setup.metadata
    assert answer.metadata["tags"] == check.metadata["tags"] == ["raises-exception"]
    assert check.metadata["agnocourse"] == CHECK["agnocourse"]


def test_a_top_level_region_that_defines_nothing_is_an_error():
    notebook = solution_notebook()
    notebook.cells[2].source = "### BEGIN SOLUTION\nprint(42)\n### END SOLUTION\n"
    with pytest.raises(exercises.SolutionFormatError, match="defines no name"):
        exercises.generate(notebook)


def test_every_check_says_what_it_observes():
    """Each registered exercise's check has a docstring of one to four sentences (the book's catalog of checks)."""
    from agnocourse.grading.registry import declared

    entries = declared()
    assert len(entries) >= 54
    for entry in entries.values():
        doc = inspect.getdoc(entry.check) or ""
        sentences = len(re.findall(r"[.!?](?:\s|$)", doc))
        assert doc and 1 <= sentences <= 4, f"the check of exercise {entry.id} needs a docstring of 1 to 4 sentences"


def test_the_catalog_of_checks_is_up_to_date():
    """book/checks.md is rendered from the checks' docstrings: regenerate it with `python -m agnocourse exercises`."""
    from agnocourse.grading import catalog

    page = ROOT / "book" / "checks.md"
    assert page.read_text(encoding="utf-8") == catalog.render(ROOT / "solutions"), (
        "book/checks.md is out of date: run `python -m agnocourse exercises`"
    )


def test_the_catalog_reads_the_other_tracks_docstrings_from_source(tmp_path: Path):
    """The agno 3 track's checks are read with `ast` where agno 3 is not installed: their docstrings come along."""
    from agnocourse.grading.registry import AGNO3, read_declarations

    module = tmp_path / "agno3_demo.py"
    module.write_text(
        '@exercise("A3.9", "Demo", points=2, rule="AGN101")\ndef demo(answer):\n    """Runs it twice."""\n',
        encoding="utf-8",
    )
    (entry,) = read_declarations(module, AGNO3)
    assert (entry.id, entry.points, inspect.getdoc(entry.check)) == ("A3.9", 2, "Runs it twice.")
