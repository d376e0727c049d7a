# Known-wrong answer to exercise 13.2: Streams from a queue fed by a task of its own, which runs on when the client
# leaves.
# expect: [An endpoint streams and stops when its client leaves]
# expect: ran on to produce all

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()
    tasks: set[asyncio.Task[None]] = set()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        queue: asyncio.Queue[Any] = asyncio.Queue()

        async def produce() -> None:
            async for chunk in await agent.arun(topic, stream=True):
                await queue.put(chunk.content)
            await queue.put(None)

        task = asyncio.create_task(produce())
        tasks.add(task)
        task.add_done_callback(tasks.discard)

        async def events() -> AsyncIterator[str]:
            while (content := await queue.get()) is not None:
                yield f"data: {json.dumps(content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app
