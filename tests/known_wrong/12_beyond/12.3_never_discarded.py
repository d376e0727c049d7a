# Known-wrong answer to exercise 12.3: every task is kept, but never removed from the set when it is done.
# expect: [Beyond the rules: task references]
# expect: still held

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def start_jobs(
    jobs: list[Callable[[], Coroutine[Any, Any, Any]]],
    running: set[asyncio.Task[Any]],
    report: Callable[[BaseException], None],
) -> None:
    for job in jobs:
        running.add(asyncio.create_task(job()))
