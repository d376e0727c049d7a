# A right answer to exercise 9.1: compares the counts, then each item's event and content in turn.


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def paths_agree_per_field(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert len(sync_items) == len(async_items), (len(sync_items), len(async_items))
    for mine, theirs in zip(sync_items, async_items, strict=True):
        assert RunEvent(mine.event) == RunEvent(theirs.event)
        assert mine.content == theirs.content


assert_paths_agree = paths_agree_per_field
