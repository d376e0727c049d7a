# Known-wrong answer to exercise 9.2: pyright's JSON counts lines from 0.
# expect: [Type Checking]
# expect: pyright's errors are at
# expect: counted from 1


PYRIGHT = Path(sys.executable).with_name("pyright")


def report(folder: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(PYRIGHT), "--outputjson", "--pythonpath", sys.executable], cwd=folder, capture_output=True, text=True
    )
    return json.loads(done.stdout)["generalDiagnostics"]


def zero_based_lines(folder: Path) -> list[str]:
    """pyright's JSON counts lines from 0."""
    return [
        f"{Path(found['file']).name}:{found['range']['start']['line']}: {found['message']}"
        for found in report(folder)
        if found["severity"] == "error"
    ]


pyright_errors = zero_based_lines
