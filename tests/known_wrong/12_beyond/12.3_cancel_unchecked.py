# Known-wrong answer to exercise 12.3: the done callback reads task.exception() on every task; on a cancelled task
# that call raises CancelledError inside the callback.
# expect: [Beyond the rules: task references]
# expect: cancelled

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def start_jobs(
    jobs: list[Callable[[], Coroutine[Any, Any, Any]]],
    running: set[asyncio.Task[Any]],
    report: Callable[[BaseException], None],
) -> None:
    def finished(task: asyncio.Task[Any]) -> None:
        running.discard(task)
        error = task.exception()
        if error is not None:
            report(error)

    for job in jobs:
        task = asyncio.create_task(job())
        running.add(task)
        task.add_done_callback(finished)
