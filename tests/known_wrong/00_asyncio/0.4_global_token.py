# Known-wrong answer to exercise 0.4: the scope keeps its token in a global, which a nested scope overwrites.
# expect: [Python asyncio: context variables]
# expect: each scope keeps its own token
# given: solution


_token = None


class request_scope:
    def __init__(self, request_id: str) -> None:
        self.request_id = request_id

    def __enter__(self) -> None:
        global _token
        _token = request_id_var.set(self.request_id)

    def __exit__(self, *details: object) -> None:
        request_id_var.reset(_token)
