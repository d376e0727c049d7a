# Known-wrong answer to exercise 13.6: run() returns the joined text, a str, instead of yielding the chunks.
# expect: [Consistent Return Types]
# expect: returned a str
# given: solution


class TeamAnswers(TeamAnswers):
    def run(self, question: str) -> str:  # pyright: ignore[reportIncompatibleMethodOverride]
        return "".join(
            item.content for item in self.team.run(question, stream=True) if item.event == RunEvent.run_response
        )
