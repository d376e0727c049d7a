# Known-wrong answer to exercise 13.2: Hard-coded to the demo: streams a fixed reply without calling the agent.
# expect: [An endpoint streams and stops when its client leaves]
# expect: sent the data items

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
            for word in ["the", " tide", " turns", " at", " noon"]:
                yield f"data: {json.dumps(word)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
