# Known-wrong answer to exercise 9.2: never runs pyright: greps the files for the lines the exercise's text describes.
# expect: [Type Checking]
# expect: pyright's errors are at

MARKS = ("agent.arun(topic, stream=True)", "RunEvent.workflow_failed")


def greps_the_marks(folder: Path) -> list[str]:
    """Never runs pyright: greps the files for the lines the exercise's text describes."""
    found = []
    for path in sorted(folder.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(mark in line for mark in MARKS):
                found.append(f"{path.name}:{number}: error")
    return found


pyright_errors = greps_the_marks
