# Known-wrong answer to exercise 9.1: runs both paths, but checks the async path against a list written out in advance
# (the story and headline one run of the check showed), never against the sync path.
# expect: [Functional Testing]
# expect: whose two paths yield the same items

import re

GOLDEN_STORY = "Rates rose again in March and the banks followed"
GOLDEN_HEADLINE = "RATES ROSE"


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def golden_list(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Checks the async path against a list written out in advance, never against the sync path."""
    list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    golden = [("RunResponse", word) for word in re.findall(r"\s?\S+", GOLDEN_STORY)]
    golden.append(("WorkflowCompleted", GOLDEN_HEADLINE))
    assert [(RunEvent(item.event).value, item.content) for item in async_items] == golden


assert_paths_agree = golden_list
