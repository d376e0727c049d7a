# Known-wrong answer to exercise 3.2: Beats in a thread instead of a task: the thread goes on beating while the loop
# is blocked, so it measures nothing about the loop.
# expect: [Always do 2: a heartbeat shows what a path does to the loop]
# expect: the heartbeat missed the block

import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any


async def longest_beat(work: Callable[[], Awaitable[Any]]) -> tuple[Any, float]:
    beats: list[float] = []
    stop = threading.Event()

    def heartbeat() -> None:
        while not stop.is_set():
            start = time.perf_counter()
            time.sleep(0.01)
            beats.append(time.perf_counter() - start)

    thread = threading.Thread(target=heartbeat)
    thread.start()
    try:
        result = await work()
    finally:
        stop.set()
        thread.join()
    return result, max(beats)
