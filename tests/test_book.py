"""The book builds with warnings as errors, every page of the table of contents is rendered, and exercise
notebooks are shown unexecuted while chapters and solutions show their outputs. The `build` fixture
(tests/conftest.py) builds the book once per test run as `make book` does, shared with the browser tests, from the
committed outputs that nbval checks in the same run."""

from pathlib import Path

import pytest

from agnocourse import build_book, toc

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"


@pytest.mark.slow
def test_book_builds_without_warnings(build):
    log = build.stdout + build.stderr
    assert build.returncode == 0, log[-4000:]
    # Sphinx writes "WARNING:"; a kernel's "[IPKernelApp] WARNING | ... without encryption" is not one.
    assert "WARNING:" not in log, [line for line in log.splitlines() if "WARNING:" in line]


@pytest.mark.slow
def test_the_test_build_renders_committed_outputs_without_executing(build):
    log = build.stdout + build.stderr
    assert "warm: 0 notebook(s) to execute" in log, log[-4000:]
    assert not [line for line in log.splitlines() if "Executing notebook" in line]


def test_a_failed_build_leaves_no_saved_state_for_the_next_build_to_trust(tmp_path, monkeypatch, capsys):
    """An incremental build reads only changed pages: after a failed build, every page must be read again."""
    environment = build_book.saved_environment(tmp_path)
    environment.parent.mkdir(parents=True)
    monkeypatch.setattr(build_book.warm_cache, "main", lambda argv: 0)
    for command, status in ((["true"], 0), (["false"], 1)):
        environment.write_bytes(b"saved")
        monkeypatch.setattr(build_book, "BUILD", command)
        assert build_book.main(["--output", str(tmp_path)]) == status
        assert environment.exists() == (status == 0)
    assert "reads every page again" in capsys.readouterr().err


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


@pytest.mark.slow
def test_the_site_has_an_icon_at_its_root_for_pages_without_the_theme(build):
    """A browser asks for /favicon.ico on a page that names no icon, such as index.html, which redirects."""
    assert 'rel="icon"' not in (HTML / "index.html").read_text(encoding="utf-8")
    assert (HTML / "favicon.ico").read_bytes().startswith(b"\x00\x00\x01\x00")  # an ICO file
    assert 'rel="icon"' in (HTML / "book" / "welcome.html").read_text(encoding="utf-8")
