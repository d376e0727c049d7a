# A right answer to exercise 13.2 written another way: a StreamingResponse subclass that sets the media type, the route
# added with add_api_route and response_class, and the agent's stream closed in `finally`.

import json
from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


class EventStream(StreamingResponse):
    media_type = "text/event-stream"


async def sse(stream: Any) -> AsyncIterator[str]:
    try:
        async for chunk in stream:
            yield "data: " + json.dumps(chunk.content) + "\n\n"
    finally:
        await stream.aclose()


def make_app(agent: Agent) -> FastAPI:
    async def brief(topic: str) -> EventStream:
        return EventStream(sse(await agent.arun(topic, stream=True)))

    app = FastAPI()
    app.add_api_route("/brief", brief, methods=["GET"], response_class=EventStream)
    return app
