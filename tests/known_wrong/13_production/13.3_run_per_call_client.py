# Known-wrong answer to exercise 13.3: asyncio.run() for every call: a new loop each time, and the client is bound to
# the first.
# expect: [Sync code reaches async code through one loop]
# expect: bound to a different event loop

import asyncio
from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        async def make() -> Any:
            return make_sdk()

        self.sdk = asyncio.run(make())  # agno-rules: ignore[AGN101]

    def complete(self, prompt: str) -> str:
        return asyncio.run(self.sdk.complete(prompt))  # agno-rules: ignore[AGN101]

    def close(self) -> None:
        pass
