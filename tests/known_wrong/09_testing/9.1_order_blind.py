# Known-wrong answer to exercise 9.1: compares the items as a multiset: the same items in another order pass.
# expect: [Functional Testing]
# expect: the same items in another order


def shape(items: list[RunResponse]) -> list[tuple[str, object]]:
    return [(RunEvent(item.event).value, item.content) for item in items]


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def runs(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> tuple[list, list]:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    return sync_items, async_items


def order_blind(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Compares the items as a multiset: the same items in another order pass."""
    from collections import Counter

    sync_items, async_items = runs(make_sync, make_async, **inputs)
    assert Counter(shape(sync_items)) == Counter(shape(async_items))


assert_paths_agree = order_blind
