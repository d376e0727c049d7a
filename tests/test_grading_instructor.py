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
    assert list(rows[0]) == ["file", "exercise", "points", "max_points", "status", "message"]
    assert len(rows) == 9
    by_learner = {(Path(r["file"]).parent.name, r["exercise"]): r for r in rows}
    assert by_learner["ada", "1.3"]["points"] == "4"
    assert by_learner["bob", "1.1"]["status"] == "failed"
    assert by_learner["cy", "1.2"]["status"] == "missing"
    out = capsys.readouterr().out
    assert "1.1" in out and "2/3 passed" in out and "1/3 passed (1 failed, 1 missing)" in out


def test_json_output(tmp_path, capsys):
    path = tmp_path / NAME
    shutil.copyfile(ROOT / "solutions" / NAME, path)
    assert grade_main([str(path), "--json", "--solutions", str(ROOT / "solutions")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["points"] == data[0]["max_points"] == 10
    assert [e["status"] for e in data[0]["exercises"]] == ["passed"] * 3
