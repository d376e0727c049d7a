# Known-wrong answer to exercise 13.2: Iterates the agent's sync stream, agent.run(stream=True), inside the async
# generator: every chunk blocks the event loop, and the server cannot notice the client leaving.
# expect: [AGN104]
# expect: event loop was blocked

import json
from collections.abc import AsyncIterator

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        async def events() -> AsyncIterator[str]:
            for chunk in agent.run(topic, stream=True):
                yield f"data: {json.dumps(chunk.content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
