# Known-wrong answer to exercise 13.6: The async path runs the sync team in a thread: the loop stays free, but the
# members answer one after another.
# expect: [AGN104]
# expect: one after another
# given: solution

import asyncio
from collections.abc import AsyncIterator


class TeamAnswers(TeamAnswers):
    async def arun(self, question: str) -> AsyncIterator[str]:
        texts = await asyncio.to_thread(lambda: list(self.run(question)))
        for text in texts:
            yield text
