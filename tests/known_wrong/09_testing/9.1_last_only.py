# Known-wrong answer to exercise 9.1: compares the final item only.
# expect: [Functional Testing]
# expect: one word in the middle of the async stream differs


def shape(items: list[RunResponse]) -> list[tuple[str, object]]:
    return [(RunEvent(item.event).value, item.content) for item in items]


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def last_only(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the final item only."""
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert shape(sync_items[-1:]) == shape(async_items[-1:])


assert_paths_agree = last_only
