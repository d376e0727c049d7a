# A right answer to exercise 9.2: pyright's text report read line by line instead of its JSON (its lines already
# count from 1), the errors kept.
import re

ERROR_LINE = re.compile(r"^\s*(?P<path>\S+\.py):(?P<line>\d+):\d+ - error: (?P<message>.*)$")


def pyright_errors(folder: Path) -> list[str]:
    pyright = Path(sys.executable).with_name("pyright")
    done = subprocess.run(
        [str(pyright), "--pythonpath", sys.executable], cwd=folder, capture_output=True, text=True, timeout=120
    )
    found = []
    for line in done.stdout.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            message = re.sub(r"\s*\(report\w+\)$", "", match["message"])
            found.append(f"{Path(match['path']).name}:{match['line']}: {message}")
    return found
