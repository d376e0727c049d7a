# Known-wrong answer to exercise 12.4: the slow callbacks are found, but debug mode is left on and the handler stays.
# expect: [Beyond the rules: debug mode]
# expect: restore what you changed

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any


async def slow_callbacks(main: Callable[[], Coroutine[Any, Any, Any]], threshold: float) -> list[str]:
    slow: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            slow.append(record.getMessage())

    logging.getLogger("asyncio").addHandler(Collect())
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = threshold
    await main()
    return [message for message in slow if message.startswith("Executing")]
