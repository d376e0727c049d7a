# A right answer to exercise 0.3 written another way: a threading.Thread of its own that hands its result to an
# asyncio future through call_soon_threadsafe; the event is set when waiting for the future is cancelled.

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any


class BlockingCall:
    def __init__(self, work: Callable[[threading.Event], Any]) -> None:
        self.work = work
        self.stop = threading.Event()

    async def run(self) -> Any:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()

        def settle(outcome: Any, error: BaseException | None) -> None:
            if future.done():  # cancelled meanwhile
                return
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(outcome)

        def main() -> None:
            try:
                outcome, error = self.work(self.stop), None
            except BaseException as raised:
                outcome, error = None, raised
            with contextlib.suppress(RuntimeError):  # the loop may have closed since the task was cancelled
                loop.call_soon_threadsafe(settle, outcome, error)

        threading.Thread(target=main, daemon=True).start()
        try:
            return await future
        except asyncio.CancelledError:
            self.stop.set()
            raise


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    return await BlockingCall(work).run()
