# A right answer to exercise 9.1: compares every field of every item except the ids and the creation time.

IGNORED = {"run_id", "session_id", "workflow_id", "agent_id", "created_at"}


async def collect(stream: AsyncIterator[RunResponse]) -> list[RunResponse]:
    return [item async for item in stream]


def seen_by_caller(item: RunResponse) -> dict[str, Any]:
    fields = {key: value for key, value in item.to_dict().items() if key not in IGNORED}
    fields["event"] = RunEvent(item.event).value
    return fields


def paths_agree_all_but_ids(
    make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any
) -> None:
    sync_items = list(make_sync().run(**inputs))
    async_items = asyncio.run(collect(make_async().arun(**inputs)))
    assert [seen_by_caller(i) for i in sync_items] == [seen_by_caller(i) for i in async_items]


assert_paths_agree = paths_agree_all_but_ids
