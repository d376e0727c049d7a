# Known-wrong answer to exercise 12.3: the tasks are kept until done, but nobody reads their exceptions.
# expect: [Beyond the rules: task references]
# expect: never retrieved

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def start_jobs(
    jobs: list[Callable[[], Coroutine[Any, Any, Any]]],
    running: set[asyncio.Task[Any]],
    report: Callable[[BaseException], None],
) -> None:
    for job in jobs:
        task = asyncio.create_task(job())
        running.add(task)
        task.add_done_callback(running.discard)
