# Known-wrong answer to exercise 13.2: Collects the chunks, then sends them: nothing reaches the client until the end.
# expect: [AGN103]
# expect: only after the agent's last chunk

import json
from collections.abc import AsyncIterator

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        chunks = [chunk.content async for chunk in await agent.arun(topic, stream=True)]  # agno-rules: ignore[AGN103]

        async def events() -> AsyncIterator[str]:
            for content in chunks:
                yield f"data: {json.dumps(content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
