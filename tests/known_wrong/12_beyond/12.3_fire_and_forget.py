# Known-wrong answer to exercise 12.3: the tasks are started and dropped; the loop keeps only weak references.
# expect: [Beyond the rules: task references]
# expect: never finished

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def start_jobs(
    jobs: list[Callable[[], Coroutine[Any, Any, Any]]],
    running: set[asyncio.Task[Any]],
    report: Callable[[BaseException], None],
) -> None:
    for job in jobs:
        asyncio.create_task(job())  # noqa: RUF006
