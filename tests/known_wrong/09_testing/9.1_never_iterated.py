# Known-wrong answer to exercise 9.1: calls arun() but never iterates what it returns, so the async path never runs.
# expect: [Functional Testing]
# expect: the async path never ran


def never_iterated(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Calls arun() but never iterates what it returns, so the async path never runs."""
    sync_items = list(make_sync().run(**inputs))
    async_stream = make_async().arun(**inputs)
    assert async_stream is not None
    assert sync_items[-1].event == RunEvent.workflow_completed


assert_paths_agree = never_iterated
