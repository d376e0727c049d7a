"""Answers to chapter 13's exercises: right ones written in several ways, and known-wrong ones, each a
mistake that production async code makes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from typing import Any

from agno.agent import Agent
from fastapi import FastAPI
from fastapi.responses import StreamingResponse


# -- 13.1 -------------------------------------------------------------------------------------------------
async def relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    outcome["status"], outcome["delivered"] = "stopped", ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        async for chunk in chunks:
            outcome["delivered"] += chunk.content
            yield chunk.content
    outcome["status"] = "completed"


async def finally_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Right, written differently: aclose() in `finally`, and the outcome decided there."""
    delivered: list[str] = []
    completed = False
    stream = await agent.arun(prompt, stream=True)
    try:
        async for chunk in stream:
            delivered.append(chunk.content)
            yield chunk.content
        completed = True
    finally:
        await stream.aclose()
        outcome.update(status="completed" if completed else "stopped", delivered="".join(delivered))


async def unclosed_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Reports the outcome, but leaves the agent's stream to the garbage collector."""
    outcome["status"], outcome["delivered"] = "stopped", ""
    async for chunk in await agent.arun(prompt, stream=True):
        outcome["delivered"] += chunk.content
        yield chunk.content
    outcome["status"] = "completed"


async def generator_exit_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Records a stop only on GeneratorExit: a cancelled reader leaves no record."""
    outcome["delivered"] = ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        try:
            async for chunk in chunks:
                outcome["delivered"] += chunk.content
                yield chunk.content
        except GeneratorExit:
            outcome["status"] = "stopped"
            raise
    outcome["status"] = "completed"


async def swallowing_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Catches the cancellation to record it, and returns: the reader's task no longer ends cancelled."""
    outcome["status"], outcome["delivered"] = "stopped", ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        try:
            async for chunk in chunks:
                outcome["delivered"] += chunk.content
                yield chunk.content
        except asyncio.CancelledError:
            return
    outcome["status"] = "completed"


async def collecting_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Reads the whole answer before yielding any of it."""
    response = await agent.arun(prompt, stream=False)
    outcome.update(status="completed", delivered=response.content)
    for word in [response.content]:
        yield word


async def counted_ahead_relay(agent: Agent, prompt: str, outcome: dict[str, Any]) -> AsyncIterator[str]:
    """Adds each chunk to `delivered` after the yield returns, so a consumer that stops leaves the last
    chunk it received out of the record."""
    outcome["status"], outcome["delivered"] = "stopped", ""
    async with aclosing(await agent.arun(prompt, stream=True)) as chunks:
        async for chunk in chunks:
            yield chunk.content
            outcome["delivered"] += chunk.content
    outcome["status"] = "completed"


# -- 13.2 -------------------------------------------------------------------------------------------------
def make_app(agent: Agent) -> FastAPI:
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        async def events() -> AsyncIterator[str]:
            async with aclosing(await agent.arun(topic, stream=True)) as chunks:
                async for chunk in chunks:
                    yield f"data: {json.dumps(chunk.content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


def bytes_make_app(agent: Agent) -> FastAPI:
    """Right, written differently: the agent's stream opened inside the generator, bytes yielded, a header added."""
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


def collecting_make_app(agent: Agent) -> FastAPI:
    """Collects the chunks, then sends them: nothing reaches the client until the end."""
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        chunks = [chunk.content async for chunk in await agent.arun(topic, stream=True)]  # agno-rules: ignore[AGN103]

        async def events() -> AsyncIterator[str]:
            for content in chunks:
                yield f"data: {json.dumps(content)}\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


def producer_task_make_app(agent: Agent) -> FastAPI:
    """Streams from a queue fed by a task of its own, which runs on when the client leaves."""
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


def plain_text_make_app(agent: Agent) -> FastAPI:
    """Streams, but as text/plain without the data: framing."""
    app = FastAPI()

    @app.get("/brief")
    async def brief(topic: str) -> StreamingResponse:
        async def events() -> AsyncIterator[str]:
            async with aclosing(await agent.arun(topic, stream=True)) as chunks:
                async for chunk in chunks:
                    yield chunk.content

        return StreamingResponse(events(), media_type="text/plain")

    return app


# -- 13.3 -------------------------------------------------------------------------------------------------
class SyncClient:
    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.sdk = self._run(self._make(make_sdk))

    @staticmethod
    async def _make(make_sdk: Callable[[], Any]) -> Any:
        return make_sdk()

    def _run(self, coro: Awaitable[Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()  # pyright: ignore[reportArgumentType]

    def complete(self, prompt: str) -> str:
        return self._run(self.sdk.complete(prompt))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


class StartedEventClient:
    """Right, written differently: the loop thread makes the client itself and signals when it is ready."""

    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        ready = threading.Event()
        self.sdk: Any = None
        self.loop = asyncio.new_event_loop()

        def main() -> None:
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                self.sdk = make_sdk()
                ready.set()

            self.loop.run_until_complete(start())
            self.loop.run_forever()
            self.loop.close()

        self.thread = threading.Thread(target=main, daemon=True)
        self.thread.start()
        ready.wait()

    def complete(self, prompt: str) -> str:
        return asyncio.run_coroutine_threadsafe(self.sdk.complete(prompt), self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()


class RunPerCallClient:
    """asyncio.run() for every call: a new loop each time, and the client is bound to the first."""

    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        async def make() -> Any:
            return make_sdk()

        self.sdk = asyncio.run(make())  # agno-rules: ignore[AGN101]

    def complete(self, prompt: str) -> str:
        return asyncio.run(self.sdk.complete(prompt))  # agno-rules: ignore[AGN101]

    def close(self) -> None:
        pass


class EagerClient(SyncClient):
    """Makes the SDK client in __init__, outside any loop."""

    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        self.sdk = make_sdk()
        super().__init__(lambda: self.sdk)


class SerialClient(SyncClient):
    """Lets one call through at a time with a lock: correct results, no concurrency."""

    def __init__(self, make_sdk: Callable[[], Any]) -> None:
        super().__init__(make_sdk)
        self.lock = threading.Lock()

    def complete(self, prompt: str) -> str:
        with self.lock:
            return super().complete(prompt)


class LeakyClient(SyncClient):
    """Never stops its loop thread."""

    def close(self) -> None:
        pass


class SwallowingClient(SyncClient):
    """Turns the SDK's errors into an empty answer."""

    def complete(self, prompt: str) -> str:
        try:
            return super().complete(prompt)
        except ValueError:
            return ""


# -- 13.4 -------------------------------------------------------------------------------------------------
async def stream_with_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    until = asyncio.get_running_loop().time() + deadline
    attempt = 0
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            break
        except ConnectionError:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
            attempt += 1
    async with aclosing(stream):
        while True:
            try:
                async with asyncio.timeout_at(until):
                    item = await anext(stream)
            except StopAsyncIteration:
                return
            yield item


async def first_item_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Right, written differently: the first item is part of the attempt, and the deadline is a Timeout object
    rescheduled around each wait."""
    loop = asyncio.get_running_loop()
    until = loop.time() + deadline
    bound = 0.01
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
                first = await anext(stream)
            break
        except ConnectionError:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(random.random() * bound)
            bound = min(bound * 2, 1.0)
    yield first
    try:
        while True:
            async with asyncio.timeout_at(until):
                try:
                    item = await anext(stream)
                except StopAsyncIteration:
                    return
            yield item
    finally:
        await stream.aclose()


async def yield_in_timeout_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Yields inside asyncio.timeout(): the deadline cancels the consumer's own work (PEP 789)."""
    async with asyncio.timeout(deadline):
        attempt = 0
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
                attempt += 1
        async for item in stream:
            yield item


async def fixed_wait_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Waits the same 20 ms before every retry: clients that failed together retry together."""
    async with asyncio.timeout(deadline):
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(0.02)
    async for item in stream:
        yield item


async def doubling_wait_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Doubles its wait each time but draws nothing at random: every client retries on the same schedule."""
    wait = 0.01
    async with asyncio.timeout(deadline):
        while True:
            try:
                stream = await start()
                break
            except ConnectionError:
                await asyncio.sleep(wait)
                wait *= 2
    async for item in stream:
        yield item


async def no_wait_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Retries at once, with no backoff."""
    until = asyncio.get_running_loop().time() + deadline
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            break
        except ConnectionError:
            await asyncio.sleep(0)
    async for item in stream:
        yield item


async def retry_everything(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Restarts the stream whenever it fails, also after items were yielded, and retries every error."""
    until = asyncio.get_running_loop().time() + deadline
    attempt = 0
    while True:
        try:
            async with asyncio.timeout_at(until):
                stream = await start()
            async for item in stream:
                yield item
            return
        except Exception:
            async with asyncio.timeout_at(until):
                await asyncio.sleep(random.uniform(0, 0.02 * 2**attempt))
            attempt += 1


async def unbounded_retries(start: Callable[[], Awaitable[Any]], *, deadline: float) -> AsyncIterator[Any]:
    """Retries with backoff, but ignores the deadline."""
    attempt = 0
    while True:
        try:
            stream = await start()
            break
        except ConnectionError:
            await asyncio.sleep(random.uniform(0, min(0.05, 0.02 * 2**attempt)))
            attempt += 1
            if attempt > 60:
                raise
    async for item in stream:
        yield item


_ = contextlib  # kept for answers that use it
