"""Committed notebooks carry no run-to-run noise, and the commands that write notebooks write none.

A notebook that fails here: run `python -m agnocourse clean-notebooks` (or `make clean-notebooks`)."""

import json
import subprocess
import sys

import nbformat
import pytest

from agnocourse.execute import execute
from agnocourse.notebook_noise import ROOT, committed, noise, strip
from agnocourse.warm_cache import opened, warm


def tiny(path, code="print(6 * 7)"):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code), nbformat.v4.new_code_cell("1 + 1")])
    nbformat.write(notebook, path)
    return path


def test_every_course_folder_has_notebooks():
    folders = {path.relative_to(ROOT).parts[0] for path in committed()}
    assert {"notebooks", "solutions", "exercises", "agno3", "book"} <= folders


@pytest.mark.parametrize("path", committed(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_committed_notebook_has_no_run_to_run_noise(path):
    assert noise(nbformat.read(path, as_version=4)) == [], "run: python -m agnocourse clean-notebooks"


def test_a_kernel_run_leaves_noise_and_strip_removes_only_it(tmp_path):
    from nbclient import NotebookClient

    notebook = nbformat.read(tiny(tmp_path / "n.ipynb"), as_version=4)
    NotebookClient(notebook, kernel_name="python3").execute()
    found = noise(notebook)
    assert "metadata.language_info.version" in found and "cell 0: metadata.execution" in found
    outputs = [cell.outputs for cell in notebook.cells]
    strip(notebook)
    assert noise(notebook) == []
    assert [cell.outputs for cell in notebook.cells] == outputs  # nbval compares these: they stay
    assert notebook.metadata.language_info.name == "python"


def test_a_stream_split_where_the_kernel_flushed_is_joined_in_place():
    out = nbformat.v4.new_output
    cell = nbformat.v4.new_code_cell("...")
    cell.outputs = [
        out("stream", name="stdout", text="one\n"),
        out("stream", name="stdout", text="two\n"),
        out("stream", name="stderr", text="warned\n"),
        out("stream", name="stdout", text="three\n"),
        out("execute_result", data={"text/plain": "4"}, execution_count=1),
        out("stream", name="stdout", text="five\n"),
        out("stream", name="stdout", text="six\n"),
    ]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    assert noise(notebook) == ["cell 0: a stream split over outputs"]
    strip(notebook)
    assert noise(notebook) == []
    shown = [(o.output_type, o.get("name"), o.get("text")) for o in notebook.cells[0].outputs]
    assert shown == [
        ("stream", "stdout", "one\ntwo\n"),
        ("stream", "stderr", "warned\n"),
        ("stream", "stdout", "three\n"),
        ("execute_result", None, None),
        ("stream", "stdout", "five\nsix\n"),
    ]
    nbformat.validate(notebook)


def test_run_writes_notebooks_without_noise(tmp_path):
    path = tiny(tmp_path / "n.ipynb")
    execute(path)
    written = nbformat.read(path, as_version=4)
    assert written.cells[0].outputs[0]["text"] == "42\n"
    assert noise(written) == []
    before = path.read_bytes()
    execute(path)
    assert path.read_bytes() == before  # a second run with the same outputs changes nothing


def test_warm_caches_notebooks_without_noise(tmp_path):
    path = tiny(tmp_path / "n.ipynb")
    assert warm(tmp_path / "cache", [path], timeout=60, jobs=1) == []
    with opened(tmp_path / "cache") as cache:
        record = cache.match_cache_notebook(nbformat.read(path, as_version=4))
        cached = cache.get_cache_bundle(record.pk).nb
    assert cached.cells[0].outputs[0]["text"] == "42\n"
    assert noise(cached) == []


def test_clean_notebooks_command_checks_then_strips(tmp_path):
    path = tmp_path / "n.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    notebook.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    notebook.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    nbformat.write(notebook, path)
    command = [sys.executable, "-m", "agnocourse", "clean-notebooks"]

    checked = subprocess.run([*command, "--check", str(tmp_path)], capture_output=True, text=True)
    assert checked.returncode == 1 and "n.ipynb: run-to-run noise" in checked.stdout
    assert "execution" in json.loads(path.read_text())["cells"][0]["metadata"]

    assert subprocess.run([*command, str(path)], capture_output=True, text=True).returncode == 0
    assert noise(nbformat.read(path, as_version=4)) == []
    assert subprocess.run([*command, "--check", str(path)], capture_output=True).returncode == 0


def test_a_file_that_is_not_a_notebook_is_named_and_left_alone(tmp_path):
    broken = tmp_path / "conflict.ipynb"
    broken.write_text('{\n<<<<<<< HEAD\n "cells": []\n=======\n>>>>>>> main\n}\n')
    before = broken.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "agnocourse", "clean-notebooks", str(broken)], capture_output=True, text=True
    )
    assert done.returncode == 1 and "conflict.ipynb: not a notebook" in done.stderr
    assert broken.read_bytes() == before


def test_run_writes_one_stream_output_where_the_kernel_flushed_twice(tmp_path):
    path = tiny(tmp_path / "n.ipynb", "import time\nprint('a', flush=True)\ntime.sleep(0.3)\nprint('b')")
    execute(path)
    outputs = nbformat.read(path, as_version=4).cells[0].outputs
    assert [(o.output_type, o.text) for o in outputs] == [("stream", "a\nb\n")]
