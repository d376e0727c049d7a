# Known-wrong answer to exercise 13.6: No event filtering: the first two items of the team's stream are skipped
# on both paths, as if the team always made exactly one tool call before its answer.
# expect: [Consistent Return Types]
# expect: yielded None

import itertools


class TeamAnswers:
    def __init__(self, team):
        self.team = team

    def run(self, question):
        for item in itertools.islice(self.team.run(question, stream=True), 2, None):
            yield item.content

    async def arun(self, question):
        n = 0
        async for item in await self.team.arun(question, stream=True):
            n += 1
            if n > 2:
                yield item.content
