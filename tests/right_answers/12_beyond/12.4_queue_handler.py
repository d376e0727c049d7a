# A right answer to exercise 12.4 written another way: a QueueHandler collects the asyncio logger's records, and the
# slow ones are picked out by their "took ... seconds" ending.

import asyncio
import logging
import logging.handlers
import queue
from collections.abc import Callable, Coroutine
from typing import Any


async def slow_callbacks(main: Callable[[], Coroutine[Any, Any, Any]], threshold: float) -> list[str]:
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    handler = logging.handlers.QueueHandler(records)
    logger = logging.getLogger("asyncio")
    loop = asyncio.get_running_loop()
    debug, duration = loop.get_debug(), loop.slow_callback_duration
    logger.addHandler(handler)
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    try:
        await main()
    finally:
        loop.slow_callback_duration = duration
        loop.set_debug(debug)
        logger.removeHandler(handler)
    messages = []
    while not records.empty():
        messages.append(records.get().getMessage())
    return [message for message in messages if " took " in message]
