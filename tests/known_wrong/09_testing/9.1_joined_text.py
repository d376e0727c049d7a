# Known-wrong answer to exercise 9.1: compares the text a caller would read, not the items it receives.
# expect: [Functional Testing]
# expect: the async path yields one item more


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def joined_text(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the text a caller would read, not the items it receives."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert "".join(str(i.content) for i in sync_items) == "".join(str(i.content) for i in async_items)


assert_paths_agree = joined_text
