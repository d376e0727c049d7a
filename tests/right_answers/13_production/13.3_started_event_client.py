# A right answer to exercise 13.3 written another way: the loop thread makes the client itself and signals when it is
# ready.

import asyncio
import threading
from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        ready = threading.Event()
        self.sdk: Any = None
        self.loop = asyncio.new_event_loop()

        def main() -> None:
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                self.sdk = make_sdk()
                ready.set()

            self.loop.run_until_complete(start())
            self.loop.run_forever()
            self.loop.close()

        self.thread = threading.Thread(target=main, daemon=True)
        self.thread.start()
        ready.wait()

    def complete(self, prompt: str) -> str:
        return asyncio.run_coroutine_threadsafe(self.sdk.complete(prompt), self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
