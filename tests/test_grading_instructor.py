"""Instructor mode: a folder of learners' notebooks becomes a CSV gradebook and a per-exercise summary."""

import csv
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from agnocourse.grading import notebook as nb
from agnocourse.grading.cli import main as grade_main

ROOT = Path(__file__).resolve().parents[1]
NAME = "01_core_principles.ipynb"

pytestmark = pytest.mark.slow


def room(tmp_path: Path) -> Path:
    folder = tmp_path / "room"
    for learner, source in (("ada", "solutions"), ("bob", "exercises"), ("cy", "solutions")):
        (folder / learner).mkdir(parents=True)
        shutil.copyfile(ROOT / source / NAME, folder / learner / NAME)
    notebook = nb.read(folder / "cy" / NAME)
    notebook.cells = [c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") != "1.2"]
    nbformat.write(notebook, folder / "cy" / NAME)
    return folder


def test_a_folder_is_graded_into_a_csv_with_a_summary(tmp_path, capsys):
    gradebook = tmp_path / "grades.csv"
    code = grade_main([str(room(tmp_path)), "--csv", str(gradebook), "--solutions", str(ROOT / "solutions")])
    assert code == 1
    with gradebook.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["file", "exercise", "points", "max_points", "status", "message", "altered"]
    assert len(rows) == 9
    by_learner = {(Path(r["file"]).parent.name, r["exercise"]): r for r in rows}
    assert by_learner["ada", "1.3"]["points"] == "4"
    assert by_learner["bob", "1.1"]["status"] == "failed"
    assert by_learner["cy", "1.2"]["status"] == "missing"
    assert by_learner["cy", "1.2"]["altered"] == "its check cell was deleted"
    out = capsys.readouterr().out
    assert "1.1" in out and "2/3 passed" in out and "1/3 passed (1 failed, 1 missing)" in out


def test_json_output(tmp_path, capsys):
    path = tmp_path / NAME
    shutil.copyfile(ROOT / "solutions" / NAME, path)
    assert grade_main([str(path), "--json", "--solutions", str(ROOT / "solutions")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["points"] == data[0]["max_points"] == 10
    assert [e["status"] for e in data[0]["exercises"]] == ["passed"] * 3
    assert data[0]["altered"] == [] and all(e["altered"] == "" for e in data[0]["exercises"])


def test_a_real_room_misnamed_broken_and_forged_files_each_get_their_row(tmp_path, capsys):
    """alice renamed her notebook, bob's file is not a notebook, cy pasted a check cell twice and edited the first
    copy to print "passed": the room is graded, alice by her exercise ids, bob and cy in rows of their own."""
    folder = tmp_path / "room"
    folder.mkdir()
    shutil.copyfile(ROOT / "solutions" / NAME, folder / "alice-01.ipynb")
    (folder / "bob.ipynb").write_text("{ not json", encoding="utf-8")
    notebook = nb.read(ROOT / "exercises" / NAME)
    check = next(c for c in notebook.cells if (nb.check_meta(c) or {}).get("exercise") == "1.1")
    forged = nbformat.from_dict({**check, "id": "forged", "source": "print('Exercise 1.1 (Dual paths): passed')"})
    notebook.cells.insert(notebook.cells.index(check), forged)
    nbformat.write(notebook, folder / "cy_01_core_principles.ipynb")
    gradebook = tmp_path / "grades.csv"
    code = grade_main([str(folder), "--csv", str(gradebook), "--solutions", str(ROOT / "solutions")])
    assert code == 1
    with gradebook.open(encoding="utf-8") as handle:
        rows = {(Path(r["file"]).name, r["exercise"]): r for r in csv.DictReader(handle)}
    assert [rows["alice-01.ipynb", id]["status"] for id in ("1.1", "1.2", "1.3")] == ["passed"] * 3
    assert rows["bob.ipynb", ""]["status"] == "error" and "not a Jupyter notebook" in rows["bob.ipynb", ""]["message"]
    cy = rows["cy_01_core_principles.ipynb", "1.1"]
    assert cy["status"] == "failed" and cy["points"] == "0" and "appears 2 times" in cy["altered"]
    out = capsys.readouterr().out
    assert "1/2 passed" in out and "altered: " in out and "not graded: " in out


def test_a_notebook_renamed_out_of_recognition_is_matched_by_its_exercise_ids(tmp_path):
    from agnocourse.grading.cli import UsageError, matching_solution

    renamed = tmp_path / "alice-04.ipynb"
    shutil.copyfile(ROOT / "exercises" / "04_parallel_execution.ipynb", renamed)
    assert matching_solution(renamed, ROOT / "solutions").name == "04_parallel_execution.ipynb"
    notebook = nb.read(renamed)
    notebook.cells = [c for c in notebook.cells if nb.check_meta(c) is None]
    nbformat.write(notebook, renamed)
    with pytest.raises(UsageError, match="exercise ids"):
        matching_solution(renamed, ROOT / "solutions")


def test_a_room_also_gets_its_report_and_gradebook_beside_the_csv_with_hostile_names_escaped(tmp_path):
    """A learner named their notebook `<script>...` and made their answer raise an error written in HTML: the
    report shows both as text, and the gradebook has one row per learner with the points per exercise."""
    folder = tmp_path / "room"
    folder.mkdir()
    hostile = "<script>alert(1)<"
    shutil.copyfile(ROOT / "solutions" / NAME, folder / f"{hostile}-{NAME}")
    notebook = nb.read(ROOT / "exercises" / NAME)
    answer = next(c for c in notebook.cells if c.cell_type == "code" and "= NotImplemented" in c.source)
    answer.source = "raise ValueError('<img src=x onerror=alert(2)>')"
    nbformat.write(notebook, folder / f"bob-{NAME}")
    gradebook = tmp_path / "grades.csv"
    assert grade_main([str(folder), "--csv", str(gradebook), "--solutions", str(ROOT / "solutions")]) == 1
    page = (tmp_path / "grades.html").read_text(encoding="utf-8")
    assert hostile not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;" in page and "ValueError: &lt;img src=x onerror=alert(2)&gt;" in page
    assert "1/2 passed (50%)" in page
    with (tmp_path / "grades-gradebook.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "learner" and rows[0][1].startswith("1.1 ") and rows[0][-1] == "total (10 points)"
    assert {row[0]: row[-1] for row in rows[1:]} == {hostile: "10", "bob": "0"}


def test_the_report_and_gradebook_can_be_named_without_a_csv(tmp_path):
    path = tmp_path / f"ada-{NAME}"
    shutil.copyfile(ROOT / "solutions" / NAME, path)
    page, book = tmp_path / "out" / "room.html", tmp_path / "book.csv"
    (tmp_path / "out").mkdir()
    args = [str(path), "--html", str(page), "--gradebook", str(book), "--solutions", str(ROOT / "solutions")]
    assert grade_main(args) == 0
    assert "1/1 passed (100%)" in page.read_text(encoding="utf-8")
    assert book.read_text(encoding="utf-8").splitlines()[1] == "ada,3,3,4,10"
    assert not list(tmp_path.glob("*.html"))
