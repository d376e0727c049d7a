# Known-wrong answer to exercise 0.4: the scope sets the request id and never restores it.
# expect: [Python asyncio: context variables]
# expect: still held
# given: solution

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    request_id_var.set(request_id)
    yield
