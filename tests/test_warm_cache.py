"""`python -m agnocourse warm` executes exactly the notebooks the build executes, caches the ones that
run clean where the build looks them up, and leaves a failing one for the build to report."""

from pathlib import Path

import nbformat

from agnocourse import toc
from agnocourse.execute import code_hash, execute, outputs_are_of_its_code
from agnocourse.warm_cache import ROOT, book_notebooks, is_cached, opened, warm


def notebook(folder: Path, name: str, code: str) -> Path:
    path = folder / name
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), path)
    return path


def test_book_notebooks_are_the_executed_toc_entries():
    expected = {
        name for name in toc.pages() if (ROOT / f"{name}.ipynb").is_file() and not name.startswith("exercises/")
    }
    found = {path.relative_to(ROOT).with_suffix("").as_posix() for path in book_notebooks()}
    assert found == expected
    assert "notebooks/01_core_principles" in found and "solutions/01_core_principles" in found


def test_clean_notebooks_are_cached_and_failing_ones_are_not(tmp_path, capsys):
    good = notebook(tmp_path, "good.ipynb", "print(6 * 7)")
    bad = notebook(tmp_path, "bad.ipynb", "raise ValueError('broken on purpose')")
    cache_folder = tmp_path / "cache"

    assert warm(cache_folder, [good, bad], timeout=60, jobs=2) == [bad]
    assert "bad.ipynb failed (ValueError: broken on purpose)" in capsys.readouterr().err

    with opened(cache_folder) as cache:
        assert is_cached(cache, good) and not is_cached(cache, bad)
        _, merged = cache.merge_match_into_notebook(nbformat.read(good, as_version=4))
    assert merged.cells[0].outputs[0]["text"] == "42\n"

    assert warm(cache_folder, [good], timeout=60, jobs=2) == []
    assert "0 notebook(s) to execute" in capsys.readouterr().out


def run_once(path: Path, outputs_text: str) -> None:
    """As if `agnocourse run` had written `outputs_text` for the code the notebook holds now."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text=outputs_text)]
    notebook.metadata["agnocourse"] = {"outputs_of": code_hash(notebook)}
    nbformat.write(notebook, path)


def cached_text(cache_folder: Path, path: Path) -> str:
    with opened(cache_folder) as cache:
        _, merged = cache.merge_match_into_notebook(nbformat.read(path, as_version=4))
    return merged.cells[0].outputs[0]["text"]


def test_outputs_of_the_code_are_cached_as_they_are_without_running(tmp_path, capsys):
    kept = notebook(tmp_path, "kept.ipynb", "raise ValueError('this cell is not run')")
    run_once(kept, "as committed\n")
    assert warm(tmp_path / "cache", [kept], timeout=60, jobs=1) == []
    assert "0 notebook(s) to execute" in capsys.readouterr().out
    assert cached_text(tmp_path / "cache", kept) == "as committed\n"


def test_a_notebook_edited_since_its_run_executes_and_so_does_every_one_when_asked(tmp_path):
    edited = notebook(tmp_path, "edited.ipynb", "print(1)")
    run_once(edited, "1\n")
    source = nbformat.read(edited, as_version=4)
    source.cells[0].source = "print(6 * 7)"
    nbformat.write(source, edited)
    current = notebook(tmp_path, "current.ipynb", "print(2 + 3)")
    run_once(current, "stale, if it were shown\n")

    assert warm(tmp_path / "cache", [edited], timeout=60, jobs=1) == []
    assert cached_text(tmp_path / "cache", edited) == "42\n"
    assert warm(tmp_path / "fresh", [current], timeout=60, jobs=1, execute_all=True) == []
    assert cached_text(tmp_path / "fresh", current) == "5\n"


def test_a_run_stamps_the_code_its_outputs_come_from(tmp_path):
    path = notebook(tmp_path, "run.ipynb", "print('ran')")
    execute(path)
    written = nbformat.read(path, as_version=4)
    assert written.cells[0].outputs[0]["text"] == "ran\n" and outputs_are_of_its_code(written)
    written.cells[0].source = "print('changed')"
    assert not outputs_are_of_its_code(written)


def test_every_notebook_of_the_book_holds_the_outputs_of_its_code():
    """Otherwise a cold `make book` runs it again: run it with `python -m agnocourse run` and commit the result."""
    behind = [str(p.relative_to(ROOT)) for p in book_notebooks() if not outputs_are_of_its_code(nbformat.read(p, 4))]
    assert not behind, f"outputs not written by `agnocourse run` for the code they hold now: {behind}"
