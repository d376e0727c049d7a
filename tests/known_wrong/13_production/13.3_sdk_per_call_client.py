# Known-wrong answer to exercise 13.3: Runs one loop in a thread, but makes a new SDK client on it for every call.
# expect: [Sync code reaches async code through one loop]
# expect: again for its

import asyncio
import threading
from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.make_sdk = make_sdk
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._submit(self._check()).result()

    async def _check(self) -> None:
        self.make_sdk()  # fail early if the SDK cannot be made

    async def _complete(self, prompt: str) -> str:
        return await self.make_sdk().complete(prompt)

    def _submit(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def complete(self, prompt: str) -> str:
        return self._submit(self._complete(prompt)).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
