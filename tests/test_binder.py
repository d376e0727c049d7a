"""The files repo2docker and BinderHub read (binder/), checked in seconds: they describe the same pinned
environment and kernels as `make env`, and their scripts do what they say. `make binder-check` builds that
environment for real, the way repo2docker does (1.5 to 3 minutes, so not part of `make test`)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def requirement_lines(path: Path) -> list[str]:
    """The requirements a file names, its `-r` includes followed relative to it as pip follows them."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            lines += requirement_lines(path.parent / line.removeprefix("-r ").strip())
        else:
            lines.append(line)
    return lines


def test_runtime_is_the_python_the_pins_were_resolved_on():
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert re.fullmatch(r"python-3\.\d+", runtime), runtime
    assert f"on Python {runtime.removeprefix('python-')}" in (ROOT / "requirements.txt").read_text(encoding="utf-8")


def test_binder_requirements_resolve_to_the_pinned_set_of_make_env():
    binder = requirement_lines(BINDER / "requirements.txt")
    assert binder == requirement_lines(ROOT / "requirements.txt")
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=\s]+", line) for line in binder if line != "-e ."), binder
    # repo2docker runs pip from the repository's root, where `-e .` finds the course's package
    assert "-e ." in binder and (ROOT / "pyproject.toml").exists()


def kernel_names() -> set[str]:
    folders = ["notebooks", "solutions", "exercises", "agno3", "book"]
    paths = [p for folder in folders for p in (ROOT / folder).glob("*.ipynb")]
    return {nbformat.read(p, as_version=4).metadata["kernelspec"]["name"] for p in paths}


def test_scripts_are_executable_valid_bash_and_in_git_as_such():
    for name in ("postBuild", "start"):
        script = BINDER / name
        assert os.access(script, os.X_OK), name
        assert script.read_text(encoding="utf-8").startswith("#!/bin/bash\n"), name
        subprocess.run(["bash", "-n", str(script)], check=True)
        mode = subprocess.run(["git", "ls-files", "-s", f"binder/{name}"], cwd=ROOT, capture_output=True, text=True)
        assert mode.stdout.startswith("100755 "), f"git does not keep {name} executable"


def test_start_turns_telemetry_off_and_runs_the_command_it_is_given():
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGNO_")}
    shown = subprocess.run([str(BINDER / "start"), "env"], env=env, capture_output=True, text=True, check=True)
    assert "AGNO_TELEMETRY=false" in shown.stdout.splitlines()
    status = subprocess.run([str(BINDER / "start"), sys.executable, "-c", "raise SystemExit(7)"], env=env)
    assert status.returncode == 7


STUB = """#!/bin/sh
echo "$0 $*" >> "$CALLS"
if [ "$1 $2" = "-m venv" ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi
"""


def test_post_build_makes_the_agno3_environment_and_registers_every_kernel_the_notebooks_use(tmp_path):
    """postBuild run with a stand-in Python that records its calls: each call repo2docker's build would make."""
    kernel = tmp_path / "kernel"
    (kernel / "bin").mkdir(parents=True)
    (kernel / "bin" / "python").write_text(STUB, encoding="utf-8")
    (kernel / "bin" / "python").chmod(0o755)
    calls = tmp_path / "calls"
    env = {
        **os.environ,
        "CALLS": str(calls),
        "KERNEL_PYTHON_PREFIX": str(kernel),
        "NB_PYTHON_PREFIX": str(tmp_path / "notebook"),
        "CONDA_DIR": str(tmp_path / "conda"),
    }
    subprocess.run([str(BINDER / "postBuild")], cwd=ROOT, env=env, check=True)
    made = calls.read_text(encoding="utf-8").splitlines()
    agno3 = tmp_path / "conda" / "envs" / "agno3" / "bin" / "python"
    assert f"{kernel}/bin/python -m venv {agno3.parents[1]}" in made
    assert (
        f"{agno3} -m pip install --quiet --disable-pip-version-check --no-cache-dir -r requirements-agno3.txt" in made
    )
    registered = {m.group(1) for line in made if (m := re.search(r"ipykernel install --prefix \S+ --name (\S+)", line))}
    assert registered == kernel_names() == {"python3", "agno3"}
    installs = [line for line in made if "ipykernel install" in line]
    assert all(f"--prefix {tmp_path / 'notebook'}" in line for line in installs)
    assert all("--env AGNO_TELEMETRY false --env AGNO_API_ENABLED false" in line for line in installs), installs
    assert (ROOT / "requirements-agno3.txt").exists()


def test_post_build_stops_when_repo2docker_did_not_say_where_the_kernel_lives(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("KERNEL_PYTHON_PREFIX", "NB_PYTHON_PREFIX")}
    failed = subprocess.run([str(BINDER / "postBuild")], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert failed.returncode != 0 and "KERNEL_PYTHON_PREFIX" in failed.stderr


def test_launch_buttons_stay_off_until_a_deployment_turns_them_on():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    buttons = config["launch_buttons"]
    assert buttons["binderhub_url"] == "" and buttons["colab_url"] == "" and buttons["thebe"] is False
    assert "repository" not in config
