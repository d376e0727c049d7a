# A right answer to exercise 13.3 written another way: anyio's blocking portal runs the loop in its own thread and
# runs each call as a task on it.

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from anyio.from_thread import start_blocking_portal


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.stack = ExitStack()
        self.portal = self.stack.enter_context(start_blocking_portal())

        async def make() -> Any:
            return make_sdk()

        self.sdk = self.portal.call(make)

    def complete(self, prompt: str) -> str:
        return self.portal.call(self.sdk.complete, prompt)

    def close(self) -> None:
        self.stack.close()
