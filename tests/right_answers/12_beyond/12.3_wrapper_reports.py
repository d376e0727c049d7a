# A right answer to exercise 12.3 written another way: each job runs inside a wrapper that reports its failure and
# takes its own task out of the set when it ends.

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
        except Exception as error:
            report(error)
        finally:
            running.discard(asyncio.current_task())  # type: ignore[arg-type]

    for job in jobs:
        running.add(asyncio.ensure_future(guarded(job)))
