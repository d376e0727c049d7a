# Known-wrong answer to exercise 0.4: the scope restores the variable's default on exit, not what it held before.
# expect: [Python asyncio: context variables]
# expect: 'no request'
# given: solution

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    request_id_var.set(request_id)
    try:
        yield
    finally:
        request_id_var.set("no request")
