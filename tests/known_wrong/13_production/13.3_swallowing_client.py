# Known-wrong answer to exercise 13.3: Turns the SDK's errors into an empty answer.
# expect: [Sync code reaches async code through one loop]
# expect: returned ''

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any


class WorkingSyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.sdk = self._run(self._make(make_sdk))

    @staticmethod
    async def _make(make_sdk: Callable[[], Any]) -> Any:
        return make_sdk()

    def _run(self, coro: Awaitable[Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()  # pyright: ignore[reportArgumentType]

    def complete(self, prompt: str) -> str:
        return self._run(self.sdk.complete(prompt))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


class SyncClient(WorkingSyncClient):
    def complete(self, prompt: str) -> str:
        try:
            return super().complete(prompt)
        except ValueError:
            return ""
