"""`python -m agno_async_rules`: the same as the `agno-async-rules` command."""

import sys

from agno_async_rules.cli import main

if __name__ == "__main__":
    sys.exit(main())
