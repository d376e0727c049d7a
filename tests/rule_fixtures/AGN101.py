# agno-version: 1.5
import asyncio
import asyncio as aio
from asyncio import run


class ReportWorkflow(Workflow):
    def run(self, topic: str) -> Iterator[RunResponse]:
        facts = asyncio.run(self.fetch(topic))  # expect: AGN101:17
        loop = asyncio.get_event_loop()
        yield RunResponse(content=loop.run_until_complete(self.fetch(topic)))  # expect: AGN101:35

    async def fetch(self, topic: str) -> str:
        return topic


def subflow(topic: str) -> Iterator[RunResponse]:
    yield RunResponse(content=aio.run(fetch(topic)))  # expect: AGN101:31


class Nested(ReportWorkflow):
    def run(self, topic: str) -> Iterator[RunResponse]:
        def fetch_all():
            return run(self.fetch(topic))  # expect: AGN101:20

        yield RunResponse(content=fetch_all())


async def main() -> None:
    print("hi")


if __name__ == "__main__":
    asyncio.run(main())


def helper() -> str:
    return asyncio.run(main())  # a plain sync function may start a loop: not a workflow path
