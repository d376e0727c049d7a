# Known-wrong answer to exercise 9.1: snapshot tests: each path is compared with what it gave the first time, never
# with the other path.
# expect: [Functional Testing]
# expect: whose two paths yield the same items

SNAPSHOTS: dict[str, list[tuple[str, object]]] = {}


def shape(items: list[RunResponse]) -> list[tuple[str, object]]:
    return [(RunEvent(item.event).value, item.content) for item in items]


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def snapshots(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Each path is compared with what it gave the first time, never with the other path."""
    seen = {
        "sync": shape(list(make_sync().run(**inputs))),
        "async": shape(asyncio.run(collect(make_async().arun(**inputs)))),
    }
    for path, items in seen.items():
        assert SNAPSHOTS.setdefault(path, items) == items, path


assert_paths_agree = snapshots
