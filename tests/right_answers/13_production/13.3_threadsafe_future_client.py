# A right answer to exercise 13.3 written another way: the loop thread runs asyncio.Runner, each call is a task made
# on the loop with call_soon_threadsafe, and its outcome copied to a concurrent.futures.Future the caller waits on.

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.loop_ready = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        self.loop_ready.wait()

        async def make() -> Any:
            return make_sdk()

        self.sdk = self._wait(make())

    def _serve(self) -> None:
        with asyncio.Runner() as runner:
            self.loop = runner.get_loop()
            self.stopped = asyncio.Event()
            self.loop_ready.set()
            runner.run(self.stopped.wait())

    def _wait(self, coro: Coroutine[Any, Any, Any]) -> Any:
        result: concurrent.futures.Future[Any] = concurrent.futures.Future()

        def copy(task: asyncio.Task[Any]) -> None:
            error = task.exception()
            if error is not None:
                result.set_exception(error)
            else:
                result.set_result(task.result())

        def start() -> None:
            self.loop.create_task(coro).add_done_callback(copy)

        self.loop.call_soon_threadsafe(start)
        return result.result()

    def complete(self, prompt: str) -> str:
        return self._wait(self.sdk.complete(prompt))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.stopped.set)
        self.thread.join()
