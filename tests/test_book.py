"""The book builds with warnings as errors, every page of the table of contents is rendered, and exercise
notebooks are shown unexecuted while chapters and solutions are executed. The `build` fixture (tests/conftest.py)
builds the book once per test run, shared with the browser tests."""

from pathlib import Path

import pytest

from agnocourse import toc

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"


@pytest.mark.slow
def test_book_builds_without_warnings(build):
    log = build.stdout + build.stderr
    assert build.returncode == 0, log[-4000:]
    # Sphinx writes "WARNING:"; a kernel's "[IPKernelApp] WARNING | ... without encryption" is not one.
    assert "WARNING:" not in log, [line for line in log.splitlines() if "WARNING:" in line]


@pytest.mark.slow
def test_build_finds_every_notebook_in_the_cache_warm_filled(build):
    executed_by_build = [line for line in (build.stdout + build.stderr).splitlines() if "Executing notebook" in line]
    assert not executed_by_build, (executed_by_build, build.warm_log[-2000:])


@pytest.mark.slow
@pytest.mark.parametrize("page", toc.pages())
def test_every_toc_entry_is_a_page(build, page):
    assert (HTML / f"{page}.html").is_file()


@pytest.mark.slow
def test_exercises_render_unexecuted_and_chapters_executed(build):
    exercises = list((HTML / "exercises").glob("*.html"))
    assert exercises
    for page in exercises:
        assert 'class="cell_output' not in page.read_text(), f"{page.name} shows outputs: it was executed"
    for page in [*(HTML / "notebooks").glob("*.html"), *(HTML / "agno3").glob("*.html")]:
        assert 'class="cell_output' in page.read_text(), f"{page.name} has no outputs: it was not executed"
