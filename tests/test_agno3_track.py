"""The agno 3 track runs on its own kernel with agno 3.1, and the course's helpers work there as on agno 1.5."""

import json
import subprocess
from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
TRACK = sorted((ROOT / "agno3").glob("*.ipynb"))
AGNO3_PYTHON = ROOT / ".venv-agno3" / "bin" / "python"
KERNEL = "agno3"


@pytest.mark.parametrize("notebook", TRACK, ids=lambda path: path.stem)
def test_every_notebook_of_the_track_names_the_agno3_kernel(notebook: Path):
    assert json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == KERNEL


def test_the_agno3_kernel_runs_agno_3_1():
    notebook = new_notebook(cells=[new_code_cell("from importlib.metadata import version\nprint(version('agno'))")])
    NotebookClient(notebook, timeout=60, kernel_name=KERNEL).execute()
    assert notebook.cells[0].outputs[0]["text"].startswith("3.1.")


OFFLINE_ON_AGNO3 = """
import asyncio
from agnocourse.offline import call, offline_agent
from agnocourse.versions import AGNO_MAJOR, LEGACY_API

def price(symbol: str) -> str:
    \"\"\"The price of a stock.\"\"\"
    return f"{symbol} trades at 495.2"

agent = offline_agent(reply=lambda prompt: prompt.upper())
tooled = offline_agent(tools=[price], tool_calls=[call("price", symbol="NVDA")])

async def both():
    chunks = [event.content async for event in agent.arun("async stream", stream=True)]
    return (await agent.arun("async run")).content, "".join(chunks)

print(AGNO_MAJOR, LEGACY_API)
print(type(agent.run("sync run")).__name__, agent.run("sync run").content)
print("".join(event.content for event in agent.run("sync stream", stream=True)))
print(*asyncio.run(both()), sep="\\n")
print(tooled.run("price?").content)
"""


def test_the_offline_model_drives_agno_3_agents_on_every_path():
    if not AGNO3_PYTHON.exists():
        pytest.fail("the agno 3 environment is missing: run `make env`")
    result = subprocess.run(
        [str(AGNO3_PYTHON), "-c", OFFLINE_ON_AGNO3], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == [
        "3 False",
        "RunOutput SYNC RUN",
        "SYNC STREAM",
        "ASYNC RUN",
        "ASYNC STREAM",
        "NVDA trades at 495.2",
    ]


SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda path: path.stem)
def test_each_exercise_is_on_the_track_whose_kernel_its_notebooks_name(solution: Path):
    from agnocourse.grading import notebook as nb
    from agnocourse.grading.registry import lookup

    for folder in ("solutions", "exercises"):
        notebook = nb.read(ROOT / folder / solution.name)
        kernel = notebook.metadata["kernelspec"]["name"]
        assert {lookup(e.id).track.kernel for e in nb.exercises(notebook)} == {kernel}, f"{folder}/{solution.name}"


DECLARED_ON_AGNO3 = """
import json
from agnocourse.grading.registry import AGNO3, declared
print(json.dumps({k: [e.title, e.points, e.rule, e.limit] for k, e in declared().items() if AGNO3.owns(k)}))
"""


def test_the_agno3_declarations_read_from_source_are_the_ones_agno3_imports():
    from agnocourse.grading.registry import AGNO3, declared

    read_here = {k: [e.title, e.points, e.rule, e.limit] for k, e in declared().items() if AGNO3.owns(k)}
    result = subprocess.run(
        [str(AGNO3_PYTHON), "-c", DECLARED_ON_AGNO3], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert read_here and json.loads(result.stdout) == read_here
    with pytest.raises(RuntimeError, match="kernel 'agno3'"):
        declared()["A3.1"].check(None)


def test_the_main_declarations_read_from_source_are_the_ones_imported():
    """The agno 3 environment reads the main track's declarations from source: they must be literals."""
    from agnocourse.grading import registry

    imported = {k: [e.title, e.points, e.rule, e.limit] for k, e in registry.declared().items()}
    read = {
        e.id: [e.title, e.points, e.rule, e.limit]
        for name in registry._modules(registry.MAIN)
        for e in registry.read_declarations(Path(registry.__file__).with_name(f"{name}.py"), registry.MAIN)
    }
    assert read and read == {k: v for k, v in imported.items() if registry.MAIN.owns(k)}


@pytest.mark.slow
def test_a_notebook_is_graded_on_its_solutions_kernel_whatever_kernel_it_names(tmp_path: Path):
    import nbformat

    from agnocourse.grading.runner import grade

    solution = ROOT / "solutions" / "agno3_02_porting.ipynb"
    notebook = nbformat.read(solution, as_version=4)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / solution.name
    nbformat.write(notebook, path)
    result = grade(path, solution)
    assert result.passed and result.points == result.max_points > 0, [(e.id, e.message) for e in result.exercises]
