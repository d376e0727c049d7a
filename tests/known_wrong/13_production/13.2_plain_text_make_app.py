# Known-wrong answer to exercise 13.2: Streams, but as text/plain without the data: framing.
# expect: [An endpoint streams and stops when its client leaves]
# expect: content-type 'text/plain

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
                    yield chunk.content

        return StreamingResponse(events(), media_type="text/plain")

    return app
