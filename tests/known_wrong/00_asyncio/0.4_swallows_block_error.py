# Known-wrong answer to exercise 0.4: the scope restores the variable but swallows the block's exception.
# expect: [Python asyncio: context variables]
# expect: the scope swallowed it
# given: solution

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def request_scope(request_id: str) -> Iterator[None]:
    token = request_id_var.set(request_id)
    try:
        yield
    except Exception:
        pass
    finally:
        request_id_var.reset(token)
