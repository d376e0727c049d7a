# Known-wrong answer to exercise 12.4: it times the whole run by hand instead of asking debug mode which step blocked.
# expect: [Beyond the rules: debug mode]
# expect: blocked the loop

import time
from collections.abc import Callable, Coroutine
from typing import Any


async def slow_callbacks(main: Callable[[], Coroutine[Any, Any, Any]], threshold: float) -> list[str]:
    started = time.perf_counter()
    await main()
    took = time.perf_counter() - started
    return [f"main took {took:.3f} seconds"] if took > threshold else []
