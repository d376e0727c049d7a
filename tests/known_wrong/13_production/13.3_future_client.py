# Known-wrong answer to exercise 13.3: Returns the concurrent future from run_coroutine_threadsafe, not its result.
# expect: [Sync code reaches async code through one loop]
# expect: returned [<Future

import asyncio
import threading
from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

        async def make() -> Any:
            return make_sdk()

        self.sdk = asyncio.run_coroutine_threadsafe(make(), self.loop).result()

    def complete(self, prompt: str) -> Any:
        return asyncio.run_coroutine_threadsafe(self.sdk.complete(prompt), self.loop)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()
