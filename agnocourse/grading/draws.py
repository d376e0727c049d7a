"""Inputs drawn afresh on every check, so that an answer which hard-codes what one run expects cannot pass."""

from __future__ import annotations

import random
import string
from collections.abc import Collection

# Not seedable: a learner's random.seed(...) in the notebook cannot make a check's draws predictable.
rng = random.SystemRandom()

TOPICS = ("rates", "inflation", "jobs", "housing", "energy", "trade", "wages", "credit", "tariffs", "bonds")
WORDS = ("steady", "calm", "brisk", "slow", "firm", "soft", "mixed", "upbeat", "cautious", "flat", "strong", "weak")


def symbols(count: int, avoid: Collection[str] = ()) -> list[str]:
    """`count` distinct made-up ticker symbols (four capital letters), none of `avoid`, in a random order."""
    drawn: set[str] = set()
    while len(drawn) < count:
        drawn.add("".join(rng.choices(string.ascii_uppercase, k=4)))
        drawn -= set(avoid)
    return list(drawn)


def topics(count: int) -> list[str]:
    """`count` distinct topics, in a random order."""
    return rng.sample(TOPICS, count)


def topic() -> str:
    return rng.choice(TOPICS)


def word() -> str:
    return rng.choice(WORDS)


def text(count: int) -> str:
    """`count` words of made-up prose, different on every draw."""
    return " ".join(rng.choice(WORDS) for _ in range(count))


def failing(items: list[str], count: int) -> set[str]:
    """`count` of `items`, chosen at random, to fail."""
    return set(rng.sample(items, count))


def token() -> str:
    """Six lowercase letters: a mark no answer can know before the run that draws it."""
    return "".join(rng.choices(string.ascii_lowercase, k=6))
