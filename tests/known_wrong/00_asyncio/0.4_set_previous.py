# Known-wrong answer to exercise 0.4: the scope sets the previous value back instead of resetting with the token,
# so a variable that held no value is left holding one.
# expect: [Python asyncio: context variables]
# expect: held no value before
# given: solution

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    previous = request_id_var.get()
    request_id_var.set(request_id)
    try:
        yield
    finally:
        request_id_var.set(previous)
