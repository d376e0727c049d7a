# Known-wrong answer to exercise 9.2: one entry for a failed run: the test fails, but says nothing about where.
# expect: [Type Checking]
# expect: without a file and line


PYRIGHT = Path(sys.executable).with_name("pyright")


def exit_status_only(folder: Path) -> list[str]:
    """One entry for a failed run: the test fails, but says nothing about where."""
    done = subprocess.run([str(PYRIGHT), "--pythonpath", sys.executable], cwd=folder, capture_output=True)
    return ["pyright failed"] if done.returncode else []


pyright_errors = exit_status_only
