"""A check's inputs cannot be predicted from the notebook: `random.seed(...)` in a learner's cell does not fix them."""

import ast
import random
from pathlib import Path

from agnocourse.grading import draws

GRADING = Path(__file__).resolve().parents[1] / "agnocourse" / "grading"


def drawn() -> tuple:
    return draws.symbols(3), draws.topics(2), draws.text(5), draws.rng.random()


def test_seeding_the_random_module_does_not_repeat_the_draws():
    random.seed(0)
    first = drawn()
    random.seed(0)
    assert drawn() != first


def test_no_check_draws_from_the_seedable_random_module():
    """Every draw goes through draws.rng (random.SystemRandom): a call of random.randint(...) and the like, or a
    random.Random() of a module's own, would be fixed by a seed the notebook sets."""
    seedable = []
    for path in sorted(GRADING.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "random"
                and node.attr != "SystemRandom"
            ):
                seedable.append(f"{path.name}:{node.lineno} random.{node.attr}")
    assert not seedable, seedable
