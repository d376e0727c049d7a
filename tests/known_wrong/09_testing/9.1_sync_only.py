# Known-wrong answer to exercise 9.1: tests the sync path and trusts the async one.
# expect: [Functional Testing]
# expect: the async path never ran


def sync_only(make_sync: Callable[[], Workflow], make_async: Callable[[], Workflow], **inputs: Any) -> None:
    """Tests the sync path and trusts the async one."""
    sync_items = list(make_sync().run(**inputs))
    assert sync_items[-1].event == RunEvent.workflow_completed


assert_paths_agree = sync_only
