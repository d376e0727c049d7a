# Known-wrong answer to exercise 9.2: the document's habit, automated: pyright runs, and nothing looks at what it
# found.
# expect: [Type Checking]
# expect: found no error


PYRIGHT = Path(sys.executable).with_name("pyright")


def ignores_result(folder: Path) -> list[str]:
    """The document's habit, automated: pyright runs, and nothing looks at what it found."""
    subprocess.run([str(PYRIGHT), "--pythonpath", sys.executable], cwd=folder, capture_output=True)
    return []


pyright_errors = ignores_result
