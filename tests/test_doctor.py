"""`make doctor` passes this machine's set-up course and names what is wrong with a broken one."""

import os
import shutil
from pathlib import Path

from agnocourse import doctor

ROOT = Path(__file__).resolve().parents[1]


def by_name(checks: list[doctor.Check]) -> dict[str, doctor.Check]:
    return {check.name: check for check in checks}


def test_the_set_up_course_is_ready():
    checks = list(doctor.diagnose(ROOT))
    assert doctor.ready(checks), "\n".join(check.line() for check in checks)


def test_a_clone_with_nothing_installed_is_told_to_run_make_env(tmp_path: Path):
    for name in ("requirements.txt", "requirements-agno3.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    checks = by_name(list(doctor.diagnose(tmp_path)))
    assert not doctor.ready(list(checks.values()))
    for name in ("environment .venv", "environment .venv-agno3", "Jupyter kernels", "offline run on .venv"):
        assert not checks[name].ok and "make env" in checks[name].detail, checks[name].line()
    assert checks["network guard"].line().startswith("FIX")


def test_a_missing_node_is_named(tmp_path: Path):
    check = doctor.node(path=str(tmp_path))
    assert not check.ok and check.required and "install" in check.detail


def test_an_unsupported_python_is_named():
    assert doctor.python_version((3, 12, 1)).ok
    for version in ((3, 9, 18), (3, 11, 4), (3, 14, 0)):
        check = doctor.python_version(version)
        assert not check.ok and f"{'.'.join(map(str, version))} is not supported" in check.detail


def borrowed_environment(tmp_path: Path, requirements: str) -> Path:
    """A root whose .venv is this course's, and whose requirements.txt says `requirements`."""
    (tmp_path / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "requirements.txt").write_text(requirements)
    os.utime(tmp_path / "requirements.txt", (0, 0))  # older than the environment
    os.utime(tmp_path / "pyproject.toml", (0, 0))
    return tmp_path


def test_a_package_at_another_version_than_its_pin_is_named(tmp_path: Path):
    root = borrowed_environment(tmp_path, "agno==0.0.1\nnbval==0.11.0\n")
    check = doctor.environment(root, ".venv", "requirements.txt")
    assert not check.ok and "agno 1.5.10 (pinned 0.0.1)" in check.detail and "nbval" not in check.detail


def test_requirements_changed_since_setup_are_named(tmp_path: Path):
    root = borrowed_environment(tmp_path, "nbval==0.11.0\n")
    os.utime(root / "requirements.txt")  # now: newer than the environment
    check = doctor.environment(root, ".venv", "requirements.txt")
    assert not check.ok and "requirements.txt changed since it was set up" in check.detail
