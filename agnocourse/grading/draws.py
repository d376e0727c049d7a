"""Inputs drawn afresh on every check, so that an answer which hard-codes what one run expects cannot pass."""

from __future__ import annotations

import random
import string
from collections.abc import Collection

TOPICS = ("rates", "inflation", "jobs", "housing", "energy", "trade", "wages", "credit", "tariffs", "bonds")
WORDS = ("steady", "calm", "brisk", "slow", "firm", "soft", "mixed", "upbeat", "cautious", "flat", "strong", "weak")


def symbols(count: int, avoid: Collection[str] = ()) -> list[str]:
    """`count` distinct made-up ticker symbols (four capital letters), none of `avoid`, in a random order."""
    drawn: set[str] = set()
    while len(drawn) < count:
        drawn.add("".join(random.choices(string.ascii_uppercase, k=4)))
        drawn -= set(avoid)
    return list(drawn)


def topics(count: int) -> list[str]:
    """`count` distinct topics, in a random order."""
    return random.sample(TOPICS, count)


def topic() -> str:
    return random.choice(TOPICS)


def word() -> str:
    return random.choice(WORDS)


def text(count: int) -> str:
    """`count` words of made-up prose, different on every draw."""
    return " ".join(random.choice(WORDS) for _ in range(count))


def failing(items: list[str], count: int) -> set[str]:
    """`count` of `items`, chosen at random, to fail."""
    return set(random.sample(items, count))


def token() -> str:
    """Six lowercase letters: a mark no answer can know before the run that draws it."""
    return "".join(random.choices(string.ascii_lowercase, k=6))
