# Known-wrong answer to exercise 13.3: Hard-coded to the demo: answers the prompt upper-cased, never asking the SDK.
# expect: [Sync code reaches async code through one loop]
# expect: called make_sdk 0 times

from collections.abc import Callable
from typing import Any


class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.make_sdk = make_sdk

    def complete(self, prompt: str) -> str:
        return prompt.upper()

    def close(self) -> None:
        pass
