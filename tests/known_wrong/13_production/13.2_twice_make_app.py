# Known-wrong answer to exercise 13.2: Asks the agent once without streaming to see that it answers, then again to
# stream: two runs for one request.
# expect: [An endpoint streams and stops when its client leaves]
# expect: the agent was asked

import json
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent
from fastapi import FastAPI, HTTPException
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        probe = await agent.arun(topic)
        if not probe.content:
            raise HTTPException(502, "the agent gave no answer")

        async def events() -> AsyncIterator[str]:
            async with aclosing(await agent.arun(topic, stream=True)) as chunks:
                async for chunk in chunks:
                    yield f"data: {json.dumps(chunk.content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
