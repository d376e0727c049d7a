# Known-wrong answer to exercise 13.5: The demo's interleaved output typed in: no agent is called.
# expect: [Merge several agents' streams into one]
# expect: yielded pairs named ['fast', 'slow']

from collections.abc import AsyncIterator

from agno.agent import Agent


async def merged(agents: list[Agent], prompt: str) -> AsyncIterator[tuple[str, str]]:
    for pair in [("fast", "f1"), ("slow", "s1"), ("fast", " f2"), ("fast", " f3"), ("slow", " s2")]:
        yield pair
