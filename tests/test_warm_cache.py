"""`python -m agnocourse warm` executes exactly the notebooks the build executes, caches the ones that
run clean where the build looks them up, and leaves a failing one for the build to report."""

from pathlib import Path

import nbformat

from agnocourse import toc
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
