# Known-wrong answer to exercise 0.3: Calls the blocking function on the event loop.
# expect: [AGN107]
# expect: event loop was blocked

import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    return work(threading.Event())
