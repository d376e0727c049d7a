# Known-wrong answer to exercise 9.1: compares every item's content, but only the last item's event.
# expect: [Functional Testing]
# expect: event


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def contents_and_last_event(
    make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any
) -> None:
    """Compares every item's content, but only the last item's event."""
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    assert [item.content for item in sync_items] == [item.content for item in async_items]
    assert RunEvent(sync_items[-1].event) == RunEvent(async_items[-1].event)


assert_paths_agree = contents_and_last_event
