# A right answer to exercise 13.2 written another way: the agent's stream opened inside the generator, bytes yielded,
# a header added.

import json
from collections.abc import AsyncIterator

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    async def events(topic: str) -> AsyncIterator[bytes]:
        stream = await agent.arun(topic, stream=True)
        try:
            async for chunk in stream:
                yield b"event: chunk\ndata: " + json.dumps(chunk.content).encode() + b"\n\n"
        finally:
            await stream.aclose()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        return StreamingResponse(events(topic), media_type="text/event-stream", headers={"cache-control": "no-cache"})

    return app
