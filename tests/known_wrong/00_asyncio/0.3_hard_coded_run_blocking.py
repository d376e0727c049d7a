# Known-wrong answer to exercise 0.3: Hard-coded to the demo: never runs work and returns "stopped".
# expect: [A thread stops only when asked]
# expect: returned 'stopped'

import threading
from collections.abc import Callable
from typing import Any


async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    return "stopped"
