# Known-wrong answer to exercise 13.3: Keeps one loop but runs it from whichever thread calls, with
# run_until_complete(): a second caller finds the loop already running.
# expect: [Sync code reaches async code through one loop]
# expect: already running

import asyncio
from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.loop = asyncio.new_event_loop()

        async def make() -> Any:
            return make_sdk()

        self.sdk = self.loop.run_until_complete(make())

    def complete(self, prompt: str) -> str:
        return self.loop.run_until_complete(self.sdk.complete(prompt))

    def close(self) -> None:
        self.loop.close()
