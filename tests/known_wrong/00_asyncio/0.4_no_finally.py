# Known-wrong answer to exercise 0.4: the scope resets after the yield, without finally: a block that raises
# leaves the request id set.
# expect: [Python asyncio: context variables]
# expect: raised and left it at
# given: solution

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    token = request_id_var.set(request_id)
    yield
    request_id_var.reset(token)
