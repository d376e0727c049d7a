# Known-wrong answer to exercise 9.1: the document's comparison: the number of items and the first item's content.
# expect: [Functional Testing]
# expect: one word in the middle of the async stream differs


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def rules_comparison(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """The document's comparison: the number of items and the first item's content."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert len(sync_items) == len(async_items)
    assert sync_items[0].content == async_items[0].content


assert_paths_agree = rules_comparison
