# A right answer to exercise 13.2 written another way: a Starlette Route given to FastAPI(routes=...), the topic read
# from request.query_params, CRLF line ends, and the stream closed by contextlib.aclosing outside the loop body.

import json
from collections.abc import AsyncIterator
from contextlib import aclosing

from agno.agent import Agent
from fastapi import FastAPI, Request
from starlette.responses import StreamingResponse
from starlette.routing import Route


def make_app(agent: Agent) -> FastAPI:
    async def brief(request: Request) -> StreamingResponse:
        topic = request.query_params["topic"]

        async def body() -> AsyncIterator[bytes]:
            async with aclosing(await agent.arun(topic, stream=True)) as stream:
                async for chunk in stream:
                    yield f"data: {json.dumps(chunk.content)}\r\n\r\n".encode()

        return StreamingResponse(body(), headers={"content-type": "text/event-stream; charset=utf-8"})

    return FastAPI(routes=[Route("/brief", brief, methods=["GET"])])
