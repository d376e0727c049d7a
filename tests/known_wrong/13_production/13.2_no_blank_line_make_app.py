# Known-wrong answer to exercise 13.2: Ends each data line with one newline, no blank line: a client never sees an
# event end, so it reads nothing (and would join the lines of one event if it did).
# expect: [An endpoint streams and stops when its client leaves]
# expect: which a client reads as 0 events

import json
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        async def events() -> AsyncIterator[str]:
            async with aclosing(await agent.arun(topic, stream=True)) as chunks:
                async for chunk in chunks:
                    yield f"data: {json.dumps(chunk.content)}\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
