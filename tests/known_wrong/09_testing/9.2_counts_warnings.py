# Known-wrong answer to exercise 9.2: every diagnostic fails the test, warnings included.
# expect: [Type Checking]
# expect: reported a warning as an error


PYRIGHT = Path(sys.executable).with_name("pyright")


def report(folder: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(PYRIGHT), "--outputjson", "--pythonpath", sys.executable], cwd=folder, capture_output=True, text=True
    )
    return json.loads(done.stdout)["generalDiagnostics"]


def place(found: dict[str, Any]) -> str:
    return f"{Path(found['file']).name}:{found['range']['start']['line'] + 1}: {found['message'].splitlines()[0]}"


def counts_warnings(folder: Path) -> list[str]:
    """Every diagnostic fails the test, warnings included."""
    return [place(found) for found in report(folder)]


pyright_errors = counts_warnings
