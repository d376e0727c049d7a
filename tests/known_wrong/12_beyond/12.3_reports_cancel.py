# Known-wrong answer to exercise 12.3: each job runs in a wrapper that catches whatever ends it, a cancellation
# included, and reports it as a failure.
# expect: [Beyond the rules: task references]
# expect: report() was called with CancelledError

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def start_jobs(
    jobs: list[Callable[[], Coroutine[Any, Any, Any]]],
    running: set[asyncio.Task[Any]],
    report: Callable[[BaseException], None],
) -> None:
    async def guarded(job: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        try:
            await job()
        except BaseException as error:
            report(error)
        finally:
            running.discard(asyncio.current_task())  # type: ignore[arg-type]

    for job in jobs:
        running.add(asyncio.create_task(guarded(job)))
