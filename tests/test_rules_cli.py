"""The rule checker on files, folders and notebooks, and its command line (`python -m agnocourse lint`)."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest

import agno_async_rules
from agno_async_rules.cli import with_deep_stack
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
    assert "entry: agno-async-rules\n" in text
    assert "language: python" in text and "types_or: [python, jupyter]" in text


# The standalone distribution -----------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def test_the_checker_imports_nothing_but_the_standard_library() -> None:
    """`pip install .` must give a working checker with no third-party package: every import is stdlib."""
    imported = set()
    for path in (ROOT / "agno_async_rules").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported - {"agno_async_rules"} <= sys.stdlib_module_names


def test_the_distribution_depends_on_nothing_and_the_course_is_an_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == "agno-async-rules" and project["dependencies"] == []
    assert project["scripts"]["agno-async-rules"] == "agno_async_rules.cli:main"
    course = {re.split(r"[=<>\[]", item)[0].lower() for item in project["optional-dependencies"]["course"]}
    assert {"agno", "matplotlib", "nbformat", "pyyaml", "jupyter-cache", "nbval"} <= course
    pins = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line)
    pins = {name.lower(): version for name, version in pins.items()}
    for item in project["optional-dependencies"]["course"]:
        name, version = item.split("==")
        assert pins[name.lower()] == version, f"{name}: the extra and requirements.txt disagree"


def test_console_script_and_module_run_the_same_checker(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(BAD)
    script = Path(sys.executable).with_name("agno-async-rules")
    for command in ([str(script)], [sys.executable, "-m", "agno_async_rules"]):
        result = subprocess.run([*command, "bad.py"], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert (result.returncode, result.stdout.splitlines()[0][:22]) == (1, "bad.py:2:5 AGN107 [err")


# Configuration -------------------------------------------------------------------------------------------

PROJECT = """
[tool.agno-async-rules]
agno-version = "3.1"
ignore = ["AGN202"]
per-file-ignores = { "tests/*" = ["AGN107"] }
exclude = ["generated"]
non-blocking = ["AGN201"]
"""


def _project(tmp_path: Path, config: str = PROJECT) -> Path:
    (tmp_path / "pyproject.toml").write_text(config)
    (tmp_path / "tests").mkdir()
    (tmp_path / "generated").mkdir()
    (tmp_path / "app.py").write_text(
        "async def f(agent):\n    async for c in await agent.arun('m', stream=True):\n        pass\n"
    )
    (tmp_path / "tests" / "helpers.py").write_text(BAD)
    (tmp_path / "generated" / "out.py").write_text(BAD)
    (tmp_path / "gather.py").write_text(ADVICE_ONLY)
    return tmp_path


def test_pyproject_table_is_found_and_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    status, out, _ = run_lint(capsys, ".", "--statistics")
    assert status == 1
    assert [line.split(" ")[:2] for line in out.splitlines() if line.startswith("app")] == [["app.py:2:20", "AGN106"]]
    assert "helpers.py" not in out and "generated" not in out and "AGN202" not in out
    assert "rules of agno 3.x (pyproject.toml)" in out


def test_option_beats_the_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    status, out, _ = run_lint(capsys, "app.py", "--agno-version", "1.5")
    assert status == 0 and out.strip() == "All checks passed."


def test_config_option_names_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "rules.toml"
    config.write_text('agno-version = "2.9"\nselect = ["AGN106"]\n')
    (tmp_path / "app.py").write_text(
        BAD + "async def g(agent):\n    return [c async for c in await agent.arun('m', stream=True)]\n"
    )
    status, out, _ = run_lint(capsys, str(tmp_path / "app.py"), "--config", str(config))
    assert status == 1
    assert [line.split(" ")[1] for line in out.splitlines()[:-1]] == ["AGN106"]


def test_non_blocking_codes_are_reported_but_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    (tmp_path / "app.py").write_text("async def f(c):\n    asyncio.create_task(c)\n")
    status, out, _ = run_lint(capsys, "app.py")
    assert status == 0 and "AGN201" in out
    status, _, _ = run_lint(capsys, "app.py", "--non-blocking", "AGN107")
    assert status == 1  # the option replaces the table's list


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[tool.agno-async-rules]\nagno-versoin = '1.5'\n", "unknown key 'agno-versoin'"),
        ("[tool.agno-async-rules]\nagno-version = 'latest'\n", "not an agno version"),
        ("[tool.agno-async-rules]\nselect = 'AGN9'\n", "unknown code 'AGN9'"),
        ("[tool.agno-async-rules]\nexclude = [1]\n", "exclude must be a list of strings"),
        ("[tool.agno-async-rules\n", "pyproject.toml"),
    ],
)
def test_a_wrong_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(config)
    (tmp_path / "app.py").write_text(CLEAN)
    status, out, err = run_lint(capsys, str(tmp_path / "app.py"), "--config", str(tmp_path / "pyproject.toml"))
    assert status == 2 and out == "" and message in err and len(err.splitlines()) == 1


def test_bad_agno_version_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_lint(capsys, "--agno-version", "next", "agnocourse")
    assert status == 2 and "not an agno version" in err


def test_github_format_annotates_each_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "gather.py").write_text(ADVICE_ONLY)
    status, out, _ = run_lint(capsys, str(tmp_path), "--format", "github")
    lines = out.splitlines()
    assert status == 1 and len(lines) == 2
    assert lines[0].startswith(f"::error file={tmp_path / 'bad.py'},line=2,col=5,title=AGN107::AGN107 ")
    assert lines[1].startswith("::notice ") and "title=AGN202" in lines[1]


# Never crashes, never hangs --------------------------------------------------------------------------------

DEEP = {
    "sum600.py": "x = " + " + ".join(["1"] * 600) + "\n",
    "elif500.py": "def f(x):\n    if x == 0:\n        return 0\n"
    + "".join(f"    elif x == {n}:\n        return {n}\n" for n in range(1, 500)),
    "not900.py": "x = " + "not " * 900 + "True\n",
    "not3000.py": "x = " + "not " * 3000 + "True\n",
}


def _cli(tmp_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "agno_async_rules", "--agno-version", "1.5", *args]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=timeout, check=False)


def test_deep_valid_code_is_checked_by_the_command_line_and_other_files_too(tmp_path: Path) -> None:
    for name, source in DEEP.items():
        (tmp_path / name).write_text(source)
    (tmp_path / "bad.py").write_text(BAD)
    result = _cli(tmp_path, ".")
    assert result.returncode == 1 and result.stderr == ""
    # Python 3.12's compiler has a fixed C recursion limit that no raised limit lifts: there the file cannot even
    # run, and one E903 line is the honest answer.
    too_deep = [[f"{name}:1:1", "E903"] for name in sorted(DEEP) if not _compiles_here(DEEP[name])]
    assert [line.split(" ")[:2] for line in result.stdout.splitlines()[:-1]] == [["bad.py:2:5", "AGN107"], *too_deep]


def _compiles_here(source: str) -> bool:
    """Whether this interpreter compiles `source` with the stack and recursion limit the command line uses."""
    try:
        with_deep_stack(lambda: compile(source, "deep.py", "exec"))
    except RecursionError:
        return False
    return True


@pytest.mark.parametrize("name", list(DEEP))
def test_deep_valid_code_from_python_is_checked_or_one_too_deep_finding(name: str) -> None:
    found = agno_async_rules.check_source(DEEP[name], name)
    assert found == [] or [(f.code, f.line) for f in found] == [("E903", 1)]


def test_deeply_nested_notebook_json_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "deep.ipynb").write_text('{"cells": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = _cli(tmp_path, "deep.ipynb")
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.splitlines()[0].startswith("deep.ipynb:1:1 E902 [error] cannot read file: not a Jupyter")
    assert len(result.stdout.splitlines()) == 2
    assert [f.code for f in agno_async_rules.check_notebook('{"cells": ' + "[" * 100_000 + "]" * 100_000 + "}")] == [
        "E902"
    ]


def test_pep_263_coding_line_is_honoured(tmp_path: Path) -> None:
    source = '# -*- coding: latin-1 -*-\nimport time\nname = "caf\u00e9"\n\nasync def f():\n    time.sleep(1)\n'
    (tmp_path / "latin.py").write_bytes(source.encode("latin-1"))
    [finding] = check_paths([tmp_path / "latin.py"])
    assert (finding.code, finding.line) == ("AGN107", 6)


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "bad.py").write_text(BAD)
    in_folder = _cli(tmp_path, ".", timeout=60)
    assert in_folder.returncode == 1 and "pipe.py" not in in_folder.stdout and "bad.py:2:5" in in_folder.stdout
    named = _cli(tmp_path, "pipe.py", timeout=60)
    assert named.returncode == 1
    assert named.stdout.splitlines()[0] == "pipe.py:1:1 E902 [error] cannot read file: not a regular file: pipe.py"


@pytest.mark.parametrize("separator", ["\f", "\v", "\x1c", "\x85", "\u2028"])
def test_suppressions_use_python_s_line_numbers(separator: str) -> None:
    """A form feed (and the other characters str.splitlines splits on) does not end a line for Python."""
    second = "\f" if separator == "\f" else f'note = "a{separator}b"  # c{separator}d'
    source = f"import time\n{second}\nasync def f():\n    time.sleep(1)  # agno-rules: ignore[AGN107]\n"
    assert agno_async_rules.check_source(source) == []
    unsuppressed = source.replace("  # agno-rules: ignore[AGN107]", "")
    assert [(f.line, f.code) for f in agno_async_rules.check_source(unsuppressed)] == [(4, "AGN107")]


def test_an_internal_error_exits_three_naming_the_file_and_the_others_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import agno_async_rules.engine as engine

    real = engine.find_problems

    def failing(tree: ast.AST, facts: object, test_module: bool = False) -> list:
        if any(isinstance(node, ast.Name) and node.id == "trigger" for node in ast.walk(tree)):
            raise KeyError("a bug")
        return real(tree, facts, test_module)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "find_problems", failing)
    (tmp_path / "a_trigger.py").write_text("trigger = 1\n")
    (tmp_path / "bad.py").write_text(BAD)
    status, out, err = run_lint(capsys, str(tmp_path))
    assert status == 3
    assert "bad.py:2:5 AGN107" in out
    assert err.splitlines() == [f"agnocourse lint: {tmp_path / 'a_trigger.py'}: internal error: KeyError: 'a bug'"]


def test_the_course_is_clean_under_its_own_checker() -> None:
    """What `make lint` runs: the course's code and notebooks on agno 1.5, the agno 3 track on 3.1."""
    from agnocourse import rules as course_rules

    root = Path(__file__).resolve().parents[1]
    assert course_rules.check_paths([root / name for name in ("notebooks", "solutions", "agnocourse")]) == []
    assert course_rules.check_paths([root / "agno3"], agno_version="3.1") == []
