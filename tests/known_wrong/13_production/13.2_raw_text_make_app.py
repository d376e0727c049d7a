# Known-wrong answer to exercise 13.2: Sends each chunk's text as it is after `data: `, not as JSON: a chunk holding a
# quote, a number or a line break reaches the client changed.
# expect: [An endpoint streams and stops when its client leaves]
# expect: hold no JSON string

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
                    yield f"data: {chunk.content}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
