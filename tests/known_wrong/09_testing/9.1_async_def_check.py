# Known-wrong answer to exercise 9.1: the document's test made async def: called like pytest calls it, it returns a
# coroutine nobody runs.
# expect: [Functional Testing]
# expect: returned a coroutine, which nobody runs


def shape(items: list[RunResponse]) -> list[tuple[str, object]]:
    return [(RunEvent(item.event).value, item.content) for item in items]


async def async_def_test(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """The document's test made async def: called like pytest calls it, it returns a coroutine nobody runs."""
    sync_items = list(make_sync().run(**inputs))
    async_items = [item async for item in make_async().arun(**inputs)]
    assert shape(sync_items) == shape(async_items)


assert_paths_agree = async_def_test
