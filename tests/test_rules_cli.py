"""The rule checker on files, folders and notebooks, and its command line (`python -m agnocourse lint`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from agnocourse.rules import RULES, benchmark, check_notebook, check_paths, check_source, main

BAD = "async def wait():\n    time.sleep(1)\n"  # AGN107, an error
ADVICE_ONLY = "async def fetch(a, b):\n    return await asyncio.gather(a(), b())\n"  # AGN202, advice
CLEAN = "async def wait():\n    await asyncio.sleep(1)\n"


def write_notebook(path: Path, cells: list[tuple[str, str] | str]) -> Path:
    """Cells are code sources, or (kind, source) with kind "markdown" or "raises" (a tagged code cell)."""
    notebook = nbformat.v4.new_notebook()
    for cell in cells:
        kind, source = cell if isinstance(cell, tuple) else ("code", cell)
        if kind == "markdown":
            notebook.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            made = nbformat.v4.new_code_cell(source)
            if kind == "raises":
                made.metadata["tags"] = ["raises-exception"]
            notebook.cells.append(made)
    nbformat.write(notebook, path)
    return path


def run_lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# Notebooks ----------------------------------------------------------------------------------------------


def test_notebook_findings_carry_the_cell_number(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "nb.ipynb", [("markdown", "# Title"), "import time", BAD])
    [finding] = check_paths([path])
    assert (finding.cell, finding.line, finding.col, finding.code) == (3, 2, 5, "AGN107")
    assert finding.location == f"{path}:cell 3:2:5"


def test_notebook_magics_and_shell_lines_are_skipped(tmp_path: Path) -> None:
    cells = [
        "%load_ext autoreload\n!pip list\nfiles = !ls\nx = RunEvent.workflow_failed",
        "%%bash\necho RunEvent.workflow_failed is not python here",
        "%time y = 1\nif True:\n    !echo hi\n    z = RunEvent.workflow_running",
    ]
    found = check_paths([write_notebook(tmp_path / "magic.ipynb", cells)])
    assert [(f.cell, f.line, f.code) for f in found] == [(1, 4, "AGN109"), (3, 4, "AGN109")]


def test_check_source_in_ipython_mode_skips_magics() -> None:
    cell = "%timeit f()\nagent?\nx = RunEvent.workflow_failed"
    assert [f.code for f in check_source(cell)] == ["E999"]
    assert [(f.line, f.code) for f in check_source(cell, ipython=True)] == [(3, "AGN109")]


def test_notebook_top_level_await_and_async_for_parse(tmp_path: Path) -> None:
    cells = [
        "agent = offline_agent('a')",
        "response = await agent.arun('hi', stream=False)",
        "async for chunk in agent.arun('hi', stream=True):\n    print(chunk.content)",
        "async with asyncio.TaskGroup() as tg:\n    tg.create_task(asyncio.sleep(0))",
    ]
    found = check_paths([write_notebook(tmp_path / "top.ipynb", cells)])
    assert [(f.cell, f.code) for f in found] == [(3, "AGN106")]


def test_notebook_syntax_error_is_one_line_and_other_cells_still_checked(tmp_path: Path) -> None:
    cells = ["def broken(:\n    pass", ("raises", "def test_x():\n    async for r in wf.arun():\n        pass"), BAD]
    found = check_paths([write_notebook(tmp_path / "broken.ipynb", cells)])
    assert [(f.cell, f.code) for f in found] == [(1, "E999"), (3, "AGN107")]


def test_notebook_suppression_comment(tmp_path: Path) -> None:
    cells = ["async def wait():\n    time.sleep(1)  # agno-rules: ignore[AGN107]"]
    assert check_paths([write_notebook(tmp_path / "quiet.ipynb", cells)]) == []


def test_not_a_notebook_is_reported_not_raised() -> None:
    [finding] = check_notebook("{not json", "bad.ipynb")
    assert finding.code == "E902" and finding.path == "bad.ipynb"


# Files and folders --------------------------------------------------------------------------------------


def test_folders_are_searched_recursively_skipping_hidden_venv_and_build(tmp_path: Path) -> None:
    for folder in ("pkg/sub", ".venv/lib", "_build/html", ".hidden", "pkg/__pycache__"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "bad.py").write_text(BAD)
    (tmp_path / "pkg" / "notes.txt").write_text(BAD)
    write_notebook(tmp_path / "pkg" / "nb.ipynb", [BAD])
    found = check_paths([tmp_path])
    assert sorted(Path(f.path).relative_to(tmp_path).as_posix() for f in found) == ["pkg/nb.ipynb", "pkg/sub/bad.py"]


def test_missing_path_raises() -> None:
    with pytest.raises(FileNotFoundError):
        check_paths(["no/such/place.py"])


def test_undecodable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.py"
    path.write_bytes(b"x = '\xff'\n")
    [finding] = check_paths([path])
    assert finding.code == "E902"


def test_benchmark_counts_files_and_lines(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(BAD)
    write_notebook(tmp_path / "b.ipynb", ["x = 1", "y = 2\nz = 3"])
    result = benchmark([tmp_path])
    assert (result["files"], result["lines"]) == (2, 6)
    assert result["seconds"] >= 0 and result["lines_per_second"] >= 0


# Command line ----------------------------------------------------------------------------------------


def test_clean_run_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.py").write_text(CLEAN)
    status, out, _ = run_lint(capsys, str(tmp_path))
    assert status == 0
    assert out.strip() == "All checks passed."


def test_findings_exit_one_with_ruff_style_lines_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.py"
    path.write_text(BAD + "x = agent.run('hi')\n")
    status, out, _ = run_lint(capsys, str(path))
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith(f"{path}:2:5 AGN107 [error] ")
    assert lines[1].startswith(f"{path}:3:5 AGN112 [warning] ")
    assert lines[-1] == "Found 2 problems (1 error, 1 warning)."


def test_advice_alone_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "advice.py").write_text(ADVICE_ONLY)
    status, out, _ = run_lint(capsys, str(tmp_path))
    assert status == 0
    assert "AGN202 [advice]" in out and out.splitlines()[-1] == "Found 1 problem (1 advice)."


def test_warning_alone_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "warn.py").write_text("x = agent.run('hi')\n")
    assert run_lint(capsys, str(tmp_path))[0] == 1


def test_unparseable_file_is_one_line_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.py"
    path.write_text("x = 1\n\ndef broken(:\n    pass\n")
    status, out, err = run_lint(capsys, str(path))
    assert status == 1 and err == ""
    assert out.splitlines()[0] == f"{path}:3:12 E999 [error] syntax error: invalid syntax (not checked)"
    assert "Traceback" not in out


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_notebook(tmp_path / "nb.ipynb", ["import time", BAD])
    status, out, _ = run_lint(capsys, "--format", "json", str(path))
    assert status == 1
    [record] = json.loads(out)
    assert record == {
        "path": str(path),
        "cell": 2,
        "line": 2,
        "col": 5,
        "code": "AGN107",
        "severity": "error",
        "message": RULES["AGN107"].message("`time.sleep()` blocks the event loop inside async def"),
    }


def test_json_format_when_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.py").write_text(CLEAN)
    status, out, _ = run_lint(capsys, "--format", "json", str(tmp_path))
    assert (status, json.loads(out)) == (0, [])


@pytest.mark.parametrize(
    ("options", "expected_codes", "status"),
    [
        (["--select", "AGN107"], ["AGN107"], 1),
        (["--select", "AGN2"], ["AGN202"], 0),
        (["--ignore", "AGN107,AGN112"], ["AGN202"], 0),
        (["--select", "AGN1", "--ignore", "AGN107"], ["AGN112"], 1),
        (["--select", "AGN107", "--select", "AGN202"], ["AGN107", "AGN202"], 1),
    ],
)
def test_select_and_ignore_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected_codes: list[str], status: int
) -> None:
    path = tmp_path / "mixed.py"
    path.write_text(BAD + ADVICE_ONLY + "x = agent.run('hi')\n")
    got_status, out, _ = run_lint(capsys, "--format", "json", *options, str(path))
    assert [record["code"] for record in json.loads(out)] == expected_codes
    assert got_status == status


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.py").write_text(BAD + BAD.replace("wait", "pause"))
    _, out, _ = run_lint(capsys, "--statistics", str(tmp_path))
    assert "    2  AGN107  [error]  blocking call inside async def" in out.splitlines()


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["--select", "XYZ9"],
        ["--ignore", "AGN999"],
        ["--format", "xml", "."],
        ["does/not/exist.py"],
    ],
)
def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    status, out, err = run_lint(capsys, *args)
    assert status == 2
    assert out == "" and err.startswith("agnocourse lint: ")


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_lint(capsys, "--help")
    assert status == 0 and "Exit status" in out


def test_module_entry_point(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(BAD)
    result = subprocess.run(
        [sys.executable, "-m", "agnocourse", "lint", "bad.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("bad.py:2:5 AGN107 [error] ")
    assert result.stderr == ""


def test_pre_commit_hook_definition() -> None:
    text = (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text()
    assert "id: agno-async-rules" in text
    assert "entry: python -m agnocourse lint" in text
    assert "language: python" in text and "types_or: [python, jupyter]" in text
