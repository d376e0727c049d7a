"""Checks for chapter 13, async agents in production: a relay that reports how its stream ended, a streaming
HTTP endpoint that stops its run when the client leaves, a sync client for an async-only SDK, and a streamed
call retried only before its first item, under a deadline that never cancels the consumer; several agents' streams
merged into one that leaves nothing running however it ends."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from agno.agent import Agent
from agno.team import Team

from agnocourse.grading.draws import rng
from agnocourse.grading.feedback import expect, expect_timing, fail
from agnocourse.grading.harness import run_loop
from agnocourse.grading.probes import (
    ProbeModel,
    last_chunk_at,
    model_prompts,
    run_async_paths,
    run_call,
    run_sync_path,
    translate,
)
from agnocourse.grading.registry import exercise
from agnocourse.grading.workflows import expect_loop_free
from agnocourse.offline import call, split_chunks

STOPPED = "A stream stopped half-way is closed and reported"
HTTP = "An endpoint streams and stops when its client leaves"
BRIDGE = "Sync code reaches async code through one loop"
RETRIES = "Retry before the first item, within a deadline"

WORDS = ["amber", "basalt", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "jasper", "krill"]


def _name(answer: Any) -> str:
    return getattr(answer, "__name__", repr(answer))


def _reply(low: int, high: int) -> str:
    token = secrets.token_hex(2)
    return " ".join(f"{word}-{token}" for word in rng.sample(WORDS, rng.randint(low, high)))


# -- agents whose streams are watched ---------------------------------------------------------------------
class _Watch:
    """What happened to the streams a watched agent handed out; shared by agno's copies of the agent."""

    def __init__(self) -> None:
        self.opened = 0
        self.closed = 0
        self.items = 0
        self.kept: list[Any] = []  # the streams handed out, when the agent keeps them

    def __deepcopy__(self, memo: dict[int, Any]) -> _Watch:
        return self


class _WatchedAgent(Agent):
    """An agno Agent whose streamed runs note how many items passed and when the stream was closed."""

    watch: _Watch

    async def arun(self, message: Any = None, *, stream: bool | None = None, **kwargs: Any) -> Any:  # pyright: ignore[reportIncompatibleMethodOverride]
        result = await super().arun(message, stream=stream, **kwargs)
        return self._watched(result) if inspect.isasyncgen(result) else result

    async def _watched(self, stream: Any) -> AsyncIterator[Any]:
        self.watch.opened += 1
        try:
            async for item in stream:
                self.watch.items += 1
                yield item
        finally:
            self.watch.closed += 1
            await stream.aclose()


def _watched_agent(reply: str, chunk_delay: float) -> _WatchedAgent:
    agent = _WatchedAgent(
        name="writer", model=ProbeModel(reply=reply, chunk_delay=chunk_delay), telemetry=False, monitoring=False
    )
    agent.watch = _Watch()
    return agent


# -- 13.1 --------------------------------------------------------------------------------------------------
@dataclass
class _Relayed:
    items: list[Any] = field(default_factory=list)
    error: BaseException | None = None
    first_at: float | None = None
    closed_at_return: int = 0
    cancelled: bool = False


async def _relay_read(relay: Callable[..., Any], agent: Any, prompt: str, outcome: dict[str, Any], keep: int | None):
    """Read relay(...) to the end, or `keep` items and then aclose() it."""
    seen = _Relayed()
    stream = relay(agent, prompt, outcome)
    try:
        if keep is None:
            async for item in stream:
                seen.first_at = seen.first_at or time.perf_counter()
                seen.items.append(item)
        else:
            for _ in range(keep):
                seen.items.append(await anext(stream))
            await stream.aclose()
            seen.closed_at_return = agent.watch.closed
    except Exception as error:  # the check reads the failure itself
        seen.error = error
    return seen


async def _relay_cancelled(relay: Callable[..., Any], agent: Any, prompt: str, outcome: dict[str, Any], keep: int):
    """Read `keep` items in a task, then cancel the task while it waits for the next one."""
    seen = _Relayed()
    got = asyncio.Event()

    async def reader() -> None:
        async for item in relay(agent, prompt, outcome):
            seen.items.append(item)
            if len(seen.items) == keep:
                got.set()

    task = asyncio.create_task(reader())
    waiter = asyncio.create_task(got.wait())
    await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        seen.cancelled = True
    except Exception as error:  # the check reads the failure itself
        seen.error = error
    return seen


def _expect_relay_ok(seen: _Relayed, where: str) -> None:
    if seen.error is not None:
        if isinstance(seen.error, RuntimeError) and "GeneratorExit" in str(seen.error):
            fail(
                STOPPED, f"aclose() on {where} raised RuntimeError: {seen.error}.", "do not yield after GeneratorExit."
            )
        translate(seen.error, where)


@exercise(
    "13.1",
    "A relay that closes its agent's stream and reports how it ended",
    points=3,
    rule="Production: closing streams",
)
def relay_stream(relay: Any) -> None:
    """Gives `relay(agent, prompt, outcome)` a prompt drawn per run and a watched agent that streams 6 to 9 words tagged
    with a token drawn per run, 30 ms apart, counting the streams it hands out and closes. Read to its end, the relay
    must make one streamed call with the prompt, yield each chunk's content (the first before the agent produced its
    last chunk), and set `outcome` to completed with the text delivered. Closed with `aclose()` after a drawn number of
    items, the agent's stream must already be closed when `aclose()` returns and `outcome` must say stopped with exactly
    the text yielded; when the reading task is cancelled after a drawn number of items, the CancelledError must reach
    the task and `outcome` must again say stopped with the text delivered."""
    expect(
        inspect.isasyncgenfunction(relay),
        STOPPED,
        f"{_name(relay)} is not an async generator function.",
        "write `async def relay(agent, prompt, outcome)` that yields each chunk's content.",
    )
    where = f"{_name(relay)}(agent, prompt, outcome)"
    delay = 0.03
    reply = _reply(6, 9)
    chunks = split_chunks(reply)
    prompt = f"Brief on {secrets.token_hex(3)}"
    agent = _watched_agent(reply, delay)
    outcome: dict[str, Any] = {}
    seen = run_loop(_relay_read(relay, agent, prompt, outcome, None))
    _expect_relay_ok(seen, where)
    expect(
        seen.items == chunks,
        STOPPED,
        f"{where} yielded {seen.items!r}; the agent streamed {chunks!r}.",
        "yield each chunk's content (chunk.content) as it arrives.",
    )
    expect(
        model_prompts(agent) == [prompt] and agent.watch.opened == 1,
        STOPPED,
        f"for prompt {prompt!r} the agent was asked {model_prompts(agent)!r}, with {agent.watch.opened} stream(s).",
        "make one streamed call: `await agent.arun(prompt, stream=True)`.",
    )
    last = last_chunk_at(agent)
    expect_timing(
        seen.first_at is not None and last is not None and seen.first_at < last - delay,
        "AGN103",
        f"the first item of {where} reached the consumer only after the agent's last chunk was produced.",
        "yield each chunk inside the `async for`, as it arrives.",
    )
    expect(
        outcome == {"status": "completed", "delivered": reply},
        STOPPED,
        f"after the whole stream was read, outcome was {outcome!r}.",
        'set outcome["status"] = "completed" and outcome["delivered"] to the text yielded.',
    )

    keep = rng.randint(1, len(chunks) - 2)
    agent = _watched_agent(reply, delay)
    outcome = {}
    seen = run_loop(_relay_read(relay, agent, prompt, outcome, keep))
    _expect_relay_ok(seen, f"aclose() after {keep} items of {where}")
    delivered = "".join(chunks[:keep])
    expect(
        seen.closed_at_return == agent.watch.opened == 1,
        STOPPED,
        f"the consumer read {keep} items of {where} and called aclose(); when aclose() returned, the agent's stream "
        "was still open (it would be closed later, by the garbage collector).",
        "hold the agent's stream in `async with contextlib.aclosing(...)`, or aclose() it in `finally`.",
    )
    expect(
        outcome == {"status": "stopped", "delivered": delivered},
        STOPPED,
        f"the consumer closed {where} after {keep} items ({delivered!r}); outcome was {outcome!r}.",
        'set outcome["status"] = "stopped" in `finally` when the stream did not end, and keep "delivered" '
        "to the text actually yielded.",
    )

    keep = rng.randint(1, len(chunks) - 2)
    agent = _watched_agent(reply, delay)
    outcome = {}
    seen = run_loop(_relay_cancelled(relay, agent, prompt, outcome, keep))
    if seen.error is not None:
        translate(seen.error, where)
    expect(
        seen.cancelled,
        STOPPED,
        f"the task reading {where} was cancelled after {keep} items, and it ended without CancelledError, so the "
        "code that cancelled it cannot tell.",
        "let CancelledError through (CancelledError is not an Exception; do not return after catching it).",
    )
    delivered = "".join(chunks[:keep])
    expect(
        outcome == {"status": "stopped", "delivered": delivered},
        STOPPED,
        f"the task reading {where} was cancelled after {keep} items ({delivered!r}); outcome was {outcome!r}.",
        "cancellation raises CancelledError, not GeneratorExit: record the outcome in `finally`.",
    )


# -- 13.2 --------------------------------------------------------------------------------------------------
@dataclass
class _Exchange:
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    first_data_at: float | None = None
    closed_at: float | None = None
    disconnected_at: float | None = None
    error: BaseException | None = None


def _data_lines(body: bytes) -> list[Any]:
    """The data of each complete server-sent event in `body`, as a client reads them: an event ends at a blank line,
    its `data:` lines (one space after the colon dropped) are joined with newlines, and the result is read as JSON
    (kept as text when it is not JSON). Data lines with no blank line between them are one event."""
    found = []
    text = body.decode(errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    for event in text.split("\n\n")[:-1]:  # the last part has no blank line after it yet
        lines = [line[5:].removeprefix(" ") for line in event.split("\n") if line.startswith("data:")]
        if not lines:
            continue
        data = "\n".join(lines)
        try:
            found.append(json.loads(data))
        except ValueError:
            found.append(data)
    return found


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


async def _request(app: Any, topic: str, agent: _WatchedAgent, leave_after: int | None) -> _Exchange:
    """Call the ASGI app with GET /brief?topic=...; disconnect after `leave_after` data items, or read all."""
    seen = _Exchange()
    left = asyncio.Event()
    sent_request = False
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/brief",
        "raw_path": b"/brief",
        "root_path": "",
        "query_string": urlencode({"topic": topic}).encode(),
        "headers": [(b"host", b"testserver")],
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50000),
    }

    async def receive() -> dict[str, Any]:
        nonlocal sent_request
        if not sent_request:
            sent_request = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await left.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if left.is_set():
            raise OSError("the client has gone")
        if message["type"] == "http.response.start":
            seen.status = message["status"]
            seen.headers = {k.decode().lower(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            seen.body += message.get("body", b"")
            if seen.first_data_at is None and _data_lines(seen.body):
                seen.first_data_at = time.perf_counter()
            if leave_after is not None and len(_data_lines(seen.body)) >= leave_after and not left.is_set():
                seen.disconnected_at = time.perf_counter()
                left.set()

    async def watch_close() -> None:
        while not agent.watch.closed:  # noqa: ASYNC110 (the watch is a counter)
            await asyncio.sleep(0.005)
        seen.closed_at = time.perf_counter()

    watcher = asyncio.create_task(watch_close())
    try:
        await app(scope, receive, send)
    except Exception as error:  # the check reads the failure itself
        if not left.is_set():
            seen.error = error
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.shield(watcher), 1.0)
    watcher.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await watcher
    await asyncio.sleep(0.2)  # anything still producing would go on now
    return seen


@exercise(
    "13.2", "A streaming endpoint that stops its run when the client leaves", points=3, rule="Production: cancellation"
)
def endpoint(make_app: Any) -> None:
    """Calls the app that `make_app(agent)` returns directly as an ASGI application with `GET /brief?topic=...` (a topic
    drawn per run), with a watched agent that streams 8 to 10 tagged words 40 ms apart, one of them in double quotes
    (text that JSON encodes differently), beside a heartbeat. Read to its end, the response must have status 200 and
    content-type `text/event-stream`, and send one server-sent event per chunk in order, read as a client reads them
    (an event ends at a blank line, its `data:` lines joined; the data as JSON); it must ask the agent once with the
    topic, never block the event loop for most of the stream's duration, and send its first data item before the agent
    produced its last chunk. When the client disconnects after 2 to 4 data items (drawn), the agent's stream must be
    closed within 0.5 s of the disconnect, before it produced all its chunks."""
    where = f"GET /brief on {_name(make_app)}(agent)"
    delay = 0.04
    words = _reply(8, 10).split(" ")
    quoted = rng.randrange(len(words))
    words[quoted] = f'"{words[quoted]}"'  # JSON encodes the quotes: sent as plain text, this data item changes
    reply = " ".join(words)
    chunks = split_chunks(reply)
    topic = f"{rng.choice(WORDS)} {secrets.token_hex(3)}"
    agent = _watched_agent(reply, delay)
    try:
        app = make_app(agent)
    except Exception as error:  # the check reads the failure itself
        translate(error, f"{_name(make_app)}(agent)")
        raise
    expect(callable(app), HTTP, f"{_name(make_app)}(agent) returned {app!r}.", "return the FastAPI app.")
    call = run_call(lambda: _request(app, topic, agent, None))
    seen = call.value(where)
    if seen.error is not None:
        translate(seen.error, where)
    expect(seen.status == 200, HTTP, f"{where} answered with status {seen.status}.", "serve GET /brief?topic=...")
    kind = seen.headers.get("content-type", "")
    expect(
        kind.startswith("text/event-stream"),
        HTTP,
        f"{where} sent content-type {kind!r}.",
        'use StreamingResponse(..., media_type="text/event-stream").',
    )
    data = _data_lines(seen.body)
    raw = [line for line in seen.body.decode(errors="replace").splitlines() if line.startswith("data:")]
    events = f" ({len(raw)} data: lines, which a client reads as {len(data)} events)" if len(raw) != len(data) else ""
    plain = sum(not isinstance(_json_or_none(line[5:]), str) for line in raw)
    events += f" ({plain} of its {len(raw)} data: lines hold no JSON string)" if plain else ""
    expect(
        [d for d in data if d] == chunks,
        HTTP,
        f"{where} sent the data items {data!r}{events}; the agent streamed {chunks!r}.",
        'send one "data: <json.dumps(chunk.content)>" line, then a blank line, per chunk.',
    )
    expect(
        model_prompts(agent) == [topic],
        HTTP,
        f"for topic {topic!r} the agent was asked {model_prompts(agent)!r}.",
        "make one streamed agent call with the topic as its message.",
    )
    expect_loop_free(
        where,
        call.blocked,
        "AGN104",
        "iterate the agent's async stream, `await agent.arun(topic, stream=True)`, in the response's async generator",
        latency=delay * len(chunks),
        answer=make_app,
    )
    last = last_chunk_at(agent)
    expect_timing(
        seen.first_data_at is not None and last is not None and seen.first_data_at < last - delay,
        "AGN103",
        f"the first data item of {where} was sent only after the agent's last chunk was produced.",
        "yield each line from an async generator inside the `async for` over the agent's stream.",
    )

    leave_after = rng.randint(2, 4)
    agent = _watched_agent(reply, delay)
    seen = run_loop(_request(make_app(agent), topic, agent, leave_after))
    if seen.error is not None:
        translate(seen.error, where)
    expect(
        agent.watch.closed == 1 and agent.watch.items < len(chunks),
        HTTP,
        f"the client left after {leave_after} data items; the agent's stream "
        + ("was never closed" if not agent.watch.closed else f"ran on to produce all {agent.watch.items} chunks")
        + ".",
        "iterate the agent's stream inside the response's async generator (it is cancelled when the client leaves), "
        "and hold it in contextlib.aclosing.",
    )
    assert seen.closed_at is not None and seen.disconnected_at is not None
    expect_timing(
        seen.closed_at - seen.disconnected_at < 0.5,
        HTTP,
        f"the agent's stream closed {seen.closed_at - seen.disconnected_at:.2f} s after the client left.",
        "stop the run when the response's generator is cancelled.",
    )


# -- 13.3 --------------------------------------------------------------------------------------------------
class _SDK:
    """A mock async-only SDK client, bound to the loop it was created on (as pooled HTTP clients are)."""

    def __init__(self, token: str, record: _SDKRecord) -> None:
        try:
            self.loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError("the SDK client was created outside any event loop") from None
        self.token = token
        self.record = record
        self.slots = asyncio.Semaphore(3)

    async def complete(self, prompt: str) -> str:
        if asyncio.get_running_loop() is not self.loop:
            raise RuntimeError("the SDK client is bound to a different event loop")
        self.record.loops.add(id(asyncio.get_running_loop()))
        self.record.threads.add(threading.get_ident())
        if prompt.startswith("bad"):
            raise ValueError(f"the SDK refused the prompt {prompt!r}")
        async with self.slots:
            self.record.running += 1
            self.record.peak = max(self.record.peak, self.record.running)
            try:
                await asyncio.sleep(0.15)
            finally:
                self.record.running -= 1
        return f"{prompt}:{self.token}"


@dataclass
class _SDKRecord:
    made: int = 0
    loops: set[int] = field(default_factory=set)
    threads: set[int] = field(default_factory=set)
    running: int = 0
    peak: int = 0


def _sync_calls(client: Any, prompts: list[str]) -> tuple[list[Any], set[int]]:
    """Call client.complete from one thread per prompt, all at once; results (or errors) and caller threads."""
    results: list[Any] = [None] * len(prompts)
    callers: set[int] = set()

    def call(index: int, prompt: str) -> None:
        callers.add(threading.get_ident())
        try:
            results[index] = client.complete(prompt)
        except Exception as error:  # the check reads the failure itself
            results[index] = error

    threads = [threading.Thread(target=call, args=(i, p)) for i, p in enumerate(prompts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results, callers


@exercise("13.3", "A sync client for an async-only SDK", points=3, rule="AGN101")
def sync_client(answer: Any) -> None:
    """Calls `answer(make_sdk)` from a plain thread; `make_sdk` builds a mock async-only SDK client bound to the loop it
    was created on, whose `complete(prompt)` takes 0.15 s with at most 3 calls at a time and records the loops and
    threads it ran on, and must be called once (by the constructor, and never again for the calls). Then 4 to 6 threads
    call `client.complete()` at once with drawn prompts: every result must be the SDK's own (with a token drawn per
    run), all calls must run on one loop in a thread other than the callers', and at least 3 must be in flight at once
    (as the SDK records: a wall time would also count the machine's load). A prompt the SDK refuses must raise its
    ValueError in the caller, and after `client.close()` every thread the answer started must end within 2 s."""
    where = f"{_name(answer)}(make_sdk)"
    token = secrets.token_hex(3)
    record = _SDKRecord()

    def make_sdk() -> _SDK:
        record.made += 1
        return _SDK(token, record)

    before = set(threading.enumerate())
    try:
        client = answer(make_sdk)
    except Exception as error:  # the check reads the failure itself
        fail(
            BRIDGE,
            f"{where} raised {type(error).__name__}: {error}.",
            "the SDK client binds to the loop it is created on: call make_sdk() inside a coroutine run on your "
            "loop's thread.",
        )
    expect(record.made == 1, BRIDGE, f"{where} called make_sdk {record.made} times.", "create one SDK client.")
    try:
        prompts = [f"{rng.choice(WORDS)}-{i}" for i in range(rng.randint(4, 6))]
        results, callers = _sync_calls(client, prompts)
        errors = [r for r in results if isinstance(r, BaseException)]
        if errors:
            text = str(errors[0])
            hint = (
                "keep one loop for the client's life: asyncio.run() makes a new loop per call."
                if "different event loop" in text
                else "submit the coroutine to your loop with asyncio.run_coroutine_threadsafe and wait for its result."
            )
            fail(BRIDGE, f"client.complete() from a sync thread raised {type(errors[0]).__name__}: {text}.", hint)
        expect(
            results == [f"{p}:{token}" for p in prompts],
            BRIDGE,
            f"client.complete() returned {results!r} for prompts {prompts!r}.",
            "return what the SDK's complete(prompt) returns.",
        )
        expect(
            record.made == 1,
            BRIDGE,
            f"{where} called make_sdk {record.made} times: once when it was made, and again for its "
            f"{len(prompts)} calls of client.complete().",
            "create the SDK client once, in __init__, and reuse it for every call.",
        )
        expect(
            len(record.loops) == 1 and not (record.threads & callers),
            BRIDGE,
            f"the SDK ran on {len(record.loops)} loop(s), "
            + ("in the callers' own threads." if record.threads & callers else "in a thread of its own."),
            "run one event loop in a dedicated thread and submit every call to it.",
        )
        expect(
            record.peak >= 3,
            BRIDGE,
            f"{len(prompts)} threads called client.complete() at once and at most {record.peak} SDK calls ran at the "
            "same time.",
            "do not serialize the calls: run_coroutine_threadsafe lets the loop run them concurrently.",
        )
        bad = f"bad-{secrets.token_hex(2)}"
        try:
            outcome: Any = client.complete(bad)
        except ValueError as error:
            outcome = error
        except Exception as error:  # the check reads the failure itself
            outcome = error
        expect(
            isinstance(outcome, ValueError),
            BRIDGE,
            f"the SDK raised ValueError for {bad!r}; client.complete() "
            + (f"raised {type(outcome).__name__}" if isinstance(outcome, BaseException) else f"returned {outcome!r}")
            + ".",
            "let the SDK's exception reach the caller: future.result() re-raises it.",
        )
    finally:
        with contextlib.suppress(Exception):
            client.close()
    deadline = time.perf_counter() + 2.0
    while time.perf_counter() < deadline and [t for t in threading.enumerate() if t not in before and t.is_alive()]:
        time.sleep(0.01)
    left = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    expect(
        not left,
        BRIDGE,
        f"after client.close() these threads were still running: {left}.",
        "close() stops the loop (loop.call_soon_threadsafe(loop.stop)) and joins its thread.",
    )


# -- 13.4 --------------------------------------------------------------------------------------------------
class _Source:
    """`start()`: a coroutine returning an async stream of items; fails with ConnectionError `failures` times
    before the first item, and (fail_after) once after that many items."""

    def __init__(self, count: int, failures: int = 0, fail_after: int | None = None, delay: float = 0.01) -> None:
        token = secrets.token_hex(2)
        self.items = [f"{w}-{token}" for w in rng.sample(WORDS, count)]
        self.failures = failures
        self.fail_after = fail_after
        self.delay = delay
        self.starts: list[float] = []
        self.closed = 0
        self.waits: list[float] = []  # every delay the consumer's loop was asked to wait (call_later)
        self.waits_before_last_start: list[float] = []

    async def start(self) -> AsyncIterator[str]:
        self.starts.append(time.perf_counter())
        self.waits_before_last_start = list(self.waits)
        await asyncio.sleep(0)
        if len(self.starts) <= self.failures:
            raise ConnectionError("connection reset before the first item")
        return self._stream()

    async def _stream(self) -> AsyncIterator[str]:
        try:
            for index, item in enumerate(self.items):
                if index == self.fail_after:
                    raise ConnectionError("connection reset in the middle of the stream")
                await asyncio.sleep(self.delay)
                yield item
        finally:
            self.closed += 1


@dataclass
class _Consumed:
    items: list[Any] = field(default_factory=list)
    error: BaseException | None = None
    seconds: float = 0.0
    work_done: int = 0
    cancelled: bool = False


async def _consume_retried(
    answer: Any, start: Any, deadline: float, work: float = 0.0, waits: list[float] | None = None
) -> _Consumed:
    seen = _Consumed()
    if waits is not None:  # asyncio.sleep(d) asks the loop for call_later(d, ...): record d
        loop = asyncio.get_running_loop()
        call_later = loop.call_later

        def recorded(delay: float, callback: Any, *args: Any, **kwargs: Any) -> asyncio.TimerHandle:
            waits.append(delay)
            return call_later(delay, callback, *args, **kwargs)

        loop.call_later = recorded  # pyright: ignore[reportAttributeAccessIssue]  # the check's own loop, made for this run

    async def reader() -> None:
        async for item in answer(start, deadline=deadline):
            seen.items.append(item)
            if work:
                await asyncio.sleep(work)  # the consumer's own work
                seen.work_done += 1

    started = time.perf_counter()
    task = asyncio.create_task(reader())
    try:
        await task
    except asyncio.CancelledError:
        seen.cancelled = True
    except Exception as error:  # the check reads the failure itself
        seen.error = error
    seen.seconds = time.perf_counter() - started
    return seen


def _retry_gaps(
    answer: Any, where: str, failures: int | None = None, deadline: float = 3.0
) -> tuple[list[float], list[float]]:
    """Run the answer on a source that fails `failures` (3-4 when not given) times before its first item; return the
    gaps between starts and the waits the answer asked the loop for before its last start."""
    failures = rng.randint(3, 4) if failures is None else failures
    source = _Source(rng.randint(3, 5), failures=failures)
    seen = run_loop(_consume_retried(answer, source.start, deadline=deadline, waits=source.waits))
    if seen.error is not None:
        translate(seen.error, where, "retry on ConnectionError raised before the first item.")
    expect(
        seen.items == source.items and len(source.starts) == failures + 1,
        RETRIES,
        f"start() failed {failures} times before the first item; {where} called it {len(source.starts)} times and "
        f"yielded {seen.items!r}.",
        "call start() again after a ConnectionError that came before the first item, then yield every item.",
    )
    gaps = [b - a for a, b in zip(source.starts, source.starts[1:], strict=False)]
    return gaps, source.waits_before_last_start


def _waits_differ(first: tuple[list[float], list[float]], second: tuple[list[float], list[float]]) -> bool:
    """Whether two runs waited differently: by the delays they asked for when both asked (asyncio.sleep), else by
    the gaps measured, when every gap of both runs shows a wait (a loaded machine stretches a retry that does not
    wait to a few milliseconds now and then, never every one) and they differ beyond the loop's noise."""
    (first_gaps, first_asked), (second_gaps, second_asked) = first, second
    if first_asked and second_asked:
        return any(a != b for a, b in zip(first_asked, second_asked, strict=False))
    waited = min(first_gaps + second_gaps, default=0.0) > 0.005
    return waited and any(abs(a - b) > 0.004 for a, b in zip(first_gaps, second_gaps, strict=False))


def _waits_by_attempt(run: tuple[list[float], list[float]]) -> list[float]:
    """The wait before each retry of a run, first retry first: the delays the answer asked the loop for when it
    asked one per retry (asyncio.sleep), else the gaps measured between the starts."""
    gaps, asked = run
    return asked if len(asked) == len(gaps) else gaps


EARLY, LATE = 2, 3  # the waits before retries 1-2 against those before retry 4 and later


def _bound_grew(runs: list[tuple[list[float], list[float]]]) -> tuple[bool, float, float]:
    """Whether the waits grew with the attempt: the longest wait before retry 4 or later is more than twice the
    longest before retries 1-2. With full jitter the wait before retry k is drawn below base * 2**(k-1): those before
    retries 1-2 stay under 2 * base, and every later one falls under 4 * base with a chance of 1/2, 1/4, 1/8, ...
    (all six of two runs of six retries: about 1 in 4,000). Waits drawn from one range every time have their
    longest early wait near the top of that range, and no later wait doubles it."""
    waits = [_waits_by_attempt(run) for run in runs]
    early = max(w for run in waits for w in run[:EARLY])
    late = max((w for run in waits for w in run[LATE:]), default=0.0)
    return late > 2 * early, early, late


@exercise(
    "13.4",
    "Retry a stream before its first item, within a deadline",
    points=4,
    rule="Production: retries and deadlines",
)
def retried_stream(answer: Any) -> None:
    """Runs `stream_with_retries(start, deadline=...)` on sources whose `start()` fails with ConnectionError a drawn
    number of times before the first item, recording every start and every delay the answer asks the loop to wait: two
    or three runs of 3 or 4 failures must retry until the items come, with waits that differ from run to run, and in two
    runs of 6 failures the longest wait before retry 4 or later must exceed twice the longest before retries 1 and 2 (a
    bound that doubles, with full jitter). A stream that fails after its first or second item must not be retried and
    its error must reach the consumer; a source that never succeeds must end in TimeoutError within 1.6 times the drawn
    deadline (0.25 to 0.4 s) plus 0.1 s. A consumer whose own work on its first item outlasts a 0.2 to 0.3 s deadline
    must not be cancelled (no `asyncio.timeout()` around a `yield`), and a ValueError from `start()` must reach the
    consumer without a retry."""
    expect(
        inspect.isasyncgenfunction(answer),
        RETRIES,
        f"{_name(answer)} is not an async generator function.",
        "write `async def stream_with_retries(start, *, deadline)` that yields the items.",
    )
    where = f"{_name(answer)}(start, deadline=...)"

    # Random waits differ from one run to the next; fixed or merely doubling waits repeat. Two runs of three or
    # four retries each, and a third when the first two happen to agree.
    runs = [_retry_gaps(answer, where), _retry_gaps(answer, where)]
    random_waits = _waits_differ(*runs)
    if not random_waits:
        runs.append(_retry_gaps(answer, where))
        random_waits = _waits_differ(runs[0], runs[2])
    expect(
        max(runs[0][0]) > 0.002 and random_waits,
        RETRIES,
        "the retries came "
        + " in one run and ".join(", ".join(f"{g * 1000:.1f} ms" for g in gaps) for gaps, _ in runs)
        + " apart.",
        "wait before each retry a random time up to a bound that doubles each time (backoff with full jitter).",
    )
    # The bound doubles: two more runs, of six retries each, show whether the later waits outgrow the first ones.
    runs += [_retry_gaps(answer, where, failures=6, deadline=5.0) for _ in range(2)]
    grew, early, late = _bound_grew(runs)
    expect_timing(
        grew,
        RETRIES,
        f"over {len(runs)} runs the waits before the first {EARLY} retries were up to {early * 1000:.1f} ms, and those "
        f"before retry {LATE + 1} and later up to {late * 1000:.1f} ms: the bound on the wait did not grow.",
        "draw each wait between 0 and a bound that doubles with every attempt, so that a client that keeps failing "
        "backs off further each time.",
    )

    fail_after = rng.randint(1, 2)
    source = _Source(4, fail_after=fail_after)
    seen = run_loop(_consume_retried(answer, source.start, deadline=3.0))
    expect(
        isinstance(seen.error, ConnectionError) and len(source.starts) == 1 and seen.items == source.items[:fail_after],
        RETRIES,
        f"the stream failed after {fail_after} items; {where} called start() {len(source.starts)} times, yielded "
        f"{seen.items!r} and the consumer got " + (type(seen.error).__name__ if seen.error else "no error") + ".",
        "after the first item has been yielded, a retry would repeat items: let the error reach the consumer.",
    )

    deadline = rng.uniform(0.25, 0.4)
    source = _Source(3, failures=10_000)
    seen = run_loop(_consume_retried(answer, source.start, deadline=deadline))
    expect(
        isinstance(seen.error, TimeoutError),
        RETRIES,
        f"start() never succeeded; with deadline={deadline:.2f}, the consumer of {where} got "
        + (type(seen.error).__name__ if seen.error else ("CancelledError" if seen.cancelled else "no error"))
        + ".",
        "raise TimeoutError when the deadline passes (asyncio.timeout or timeout_at around the waits).",
    )
    expect_timing(
        seen.seconds < deadline * 1.6 + 0.1,
        RETRIES,
        f"with deadline={deadline:.2f} the TimeoutError came after {seen.seconds:.2f} s.",
        "let the deadline cover every attempt and every wait between them.",
    )

    source = _Source(3, delay=0.01)
    deadline = rng.uniform(0.2, 0.3)
    seen = run_loop(_consume_retried(answer, source.start, deadline=deadline, work=deadline + 0.15))
    expect(
        not seen.cancelled and seen.work_done >= 1,
        RETRIES,
        f"the consumer spent {deadline + 0.15:.2f} s on its first item, past the deadline of {deadline:.2f} s, and "
        + ("its own work was cancelled (its task ended cancelled)." if seen.cancelled else "never finished its work.")
        + " The deadline cancelled the consumer's code while the generator was suspended at a yield.",
        "never yield inside asyncio.timeout(): bound each wait with asyncio.timeout_at(deadline) (PEP 789).",
    )
    expect(
        isinstance(seen.error, TimeoutError) or seen.items == source.items,
        RETRIES,
        f"after the deadline passed in the consumer's work, the consumer got {type(seen.error).__name__}.",
        "raise TimeoutError at the next wait after the deadline.",
    )

    source = _Source(3)

    async def refused() -> AsyncIterator[str]:
        source.starts.append(time.perf_counter())
        raise ValueError("bad request")

    seen = run_loop(_consume_retried(answer, refused, deadline=1.0))
    expect(
        isinstance(seen.error, ValueError) and len(source.starts) == 1,
        RETRIES,
        f"start() raised ValueError; {where} called it {len(source.starts)} times and the consumer got "
        + (type(seen.error).__name__ if seen.error else "no error")
        + ".",
        "retry only ConnectionError: other errors are not transient.",
    )


# -- 13.5 --------------------------------------------------------------------------------------------------
MERGED = "Merge several agents' streams into one"
STALL = 4.0  # seconds the check's consumer waits for the merged stream to yield or end


@dataclass
class _DroppingModel(ProbeModel):
    """A ProbeModel whose stream breaks off with ConnectionError(message) after `fail_after` chunks."""

    fail_after: int = 1
    message: str = "connection reset"

    async def ainvoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        sent = 0
        async for delta in super().ainvoke_stream(messages, *args, **kwargs):
            if sent == self.fail_after:
                raise ConnectionError(self.message)
            sent += 1
            yield delta


class _KeepingAgent(_WatchedAgent):
    """A watched agent that also keeps a reference to every stream it hands out, as a caller's object would: a
    stream its reader drops unclosed is not closed by the garbage collector, and stays open, as the check sees."""

    async def arun(self, message: Any = None, *, stream: bool | None = None, **kwargs: Any) -> Any:  # pyright: ignore[reportIncompatibleMethodOverride]
        result = await super().arun(message, stream=stream, **kwargs)
        if inspect.isasyncgen(result):
            self.watch.kept.append(result)
        return result


def _merge_agent(name: str, words: int, chunk_delay: float, fail_after: int | None = None) -> _WatchedAgent:
    """A watched agent named `name` that streams `words` one-word chunks, `chunk_delay` apart, each tagged with a
    token of its own; with `fail_after`, its stream fails with ConnectionError after that many chunks."""
    token = secrets.token_hex(2)
    reply = " ".join(f"{name[:2]}{index}-{token}" for index in range(words))
    model = (
        ProbeModel(reply=reply, chunk_delay=chunk_delay)
        if fail_after is None
        else _DroppingModel(reply=reply, chunk_delay=chunk_delay, fail_after=fail_after, message=f"reset {token}")
    )
    agent = _KeepingAgent(name=name, model=model, telemetry=False, monitoring=False)
    agent.watch = _Watch()
    return agent


def _agent_names(count: int) -> list[str]:
    token = secrets.token_hex(2)
    return [f"{word}-{token}" for word in rng.sample(WORDS, count)]


def _chunks_of(agent: _WatchedAgent) -> list[str]:
    model = agent.model
    assert isinstance(model, ProbeModel) and isinstance(model.reply, str)
    return split_chunks(model.reply)


def _running_tasks() -> list[str]:
    """The tasks of this loop that have not finished, other than the check's own (and agno's registration task,
    which returns at once when monitoring is off)."""
    me = asyncio.current_task()
    names = []
    for task in asyncio.all_tasks():
        name = getattr(task.get_coro(), "__qualname__", task.get_name())
        if task is not me and not task.done() and "_aregister_agent" not in name:
            names.append(name)
    return sorted(names)


@dataclass
class _MergeRead:
    items: list[Any] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    error: BaseException | None = None
    close_seconds: float = 0.0
    close_hung: bool = False
    stalled: bool = False
    running: list[str] = field(default_factory=list)
    streams: list[tuple[int, int]] = field(default_factory=list)  # (opened, closed) per agent when it was over


async def _until_producers_rest(agents: list[_WatchedAgent], still: float = 0.1, cap: float = 2.0) -> None:
    """Wait until the agents' streams have handed out no item for `still` seconds (they ended, or wait for room
    in a full queue), or `cap` seconds in all: whatever the machine's load, a close then meets the state it tests."""
    deadline = time.perf_counter() + cap
    passed = -1
    while time.perf_counter() < deadline:
        now = sum(agent.watch.items for agent in agents)
        if now == passed:
            return
        passed = now
        await asyncio.sleep(still)


async def _read_merged(
    answer: Any, agents: list[_WatchedAgent], prompt: str, *, keep: int | None = None, work: float = 0.0
) -> _MergeRead:
    """Read answer(agents, prompt) with `async for`: to its end (at most twice the chunks there are), or `keep`
    items, then break and aclose() it; `work` seconds of the consumer's own per item. Then note the tasks still
    running and each agent's streams."""
    seen = _MergeRead()
    cap = 2 * sum(len(_chunks_of(agent)) for agent in agents) + 5
    seen.started = time.perf_counter()
    stream = answer(agents, prompt)
    patience = asyncio.timeout(STALL)
    try:
        async with patience:  # the consumer's own patience, around its whole loop
            async for item in stream:
                seen.items.append(item)
                seen.times.append(time.perf_counter())
                if work:
                    await asyncio.sleep(work)
                if keep is not None and len(seen.items) >= keep:
                    await _until_producers_rest(agents)  # the consumer works on its last item meanwhile
                    break
                if len(seen.items) >= cap:
                    break
    except TimeoutError:
        if not patience.expired():
            raise
        seen.stalled = True
    except Exception as error:  # the check reads the failure itself
        seen.error = error
    seen.ended = time.perf_counter()
    if seen.error is None:
        closing = time.perf_counter()
        limit = asyncio.timeout(1.0)
        try:
            async with limit:
                await stream.aclose()
        except (TimeoutError, asyncio.CancelledError):
            pass
        except Exception as error:  # the check reads the failure itself
            seen.error = error
        except BaseExceptionGroup as error:  # GeneratorExit, wrapped by a TaskGroup the generator yielded inside
            seen.error = error
        seen.close_hung = limit.expired()
        seen.close_seconds = time.perf_counter() - closing
    seen.running = _running_tasks()
    seen.streams = [(agent.watch.opened, agent.watch.closed) for agent in agents]
    return seen


def _carries(error: BaseException | None, message: str) -> bool:
    """Whether `error` is the ConnectionError(message), or a group or a chained error that holds it."""
    if error is None:
        return False
    if isinstance(error, ConnectionError) and str(error) == message:
        return True
    if isinstance(error, BaseExceptionGroup):
        return any(_carries(inner, message) for inner in error.exceptions)  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return _carries(error.__cause__, message)


def _items(count: int, word: str = "item") -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _show(items: list[Any], limit: int = 6) -> str:
    return repr(items[:limit])[:-1] + (", ...]" if len(items) > limit else "]")


def _expect_every_chunk_once(seen: _MergeRead, agents: list[_WatchedAgent], where: str, how: str) -> None:
    """Every item a (name, content) pair, and each agent's chunks each once, in the order it streamed them."""
    if seen.error is not None:
        translate(seen.error, where, "run your merged stream on the demo agents and read the traceback.")
    expect(
        not seen.stalled,
        MERGED,
        f"{how}, {where} yielded {len(seen.items)} items, then neither yielded nor ended for {STALL:.0f} s.",
        "end the merged stream once every producer has finished: make sure each one tells the reader it is done "
        "(a marker it awaits room for in the queue), and never drop that marker.",
    )
    odd = [item for item in seen.items if not (isinstance(item, tuple) and len(item) == 2)]
    expect(
        not odd,
        MERGED,
        f"{where} yielded {_show(odd, 3)}.",
        "yield one (agent.name, chunk.content) pair per chunk.",
    )
    names = {agent.name for agent in agents}
    strangers = sorted({str(name) for name, _ in seen.items if name not in names})
    expect(
        not strangers,
        MERGED,
        f"{where} yielded pairs named {strangers!r}; the agents were {sorted(str(n) for n in names)!r}, with "
        "names and replies drawn for this run.",
        "call every agent it is given and yield (agent.name, chunk.content) for each chunk of its stream.",
    )
    streams = [
        (agent, [content for name, content in seen.items if name == agent.name], _chunks_of(agent)) for agent in agents
    ]
    wrong = [(agent, got, chunks) for agent, got, chunks in streams if got != chunks]
    if not wrong:
        return
    # A chunk yielded twice is named first, whichever agent shows it: a reader that repeats chunks can also run out
    # of time before it reaches another agent's last ones, which would then look lost.
    repeats = [(agent, got, chunks) for agent, got, chunks in wrong if len(set(got)) < len(got)]
    agent, got, chunks = (repeats or wrong)[0]
    repeated = sorted({c for c in got if got.count(c) > 1})
    missing = [c for c in chunks if c not in got]
    if repeated:
        observed = f"{len(repeated)} of them more than once: {_show(repeated, 3)}"
        hint = "yield each chunk exactly once, as it arrives."
    elif missing:
        observed = f"lost {len(missing)} of them: {_show(missing, 3)}"
        hint = (
            "never drop a chunk: a producer waits for room in the queue (`await queue.put(...)`), it does not "
            "skip it (put_nowait on a full queue)."
        )
    else:
        observed = f"out of order: {_show(got)}"
        hint = "keep each agent's chunks in the order its stream yields them."
    fail(
        MERGED,
        f"{how}, agent {agent.name!r} streamed {len(chunks)} chunks and {where} yielded {len(got)}, {observed}.",
        hint,
    )


@exercise("13.5", "Merge several agents' streams into one", points=4, rule="Production: merging streams")
def merged_streams(answer: Any) -> None:
    """Reads `merged(agents, prompt)` with `async for` under a 4 s patience in four scenarios, with watched agents whose
    names and one-word chunks carry tokens drawn per run and which keep a reference to every stream they hand out. With
    3 or 4 agents of different speeds (the slowest never last in the list) read to the end, every agent must be asked
    once with the prompt, each agent's chunks must arrive as `(name, content)` pairs exactly once and in order, every
    agent's first chunk must come before the slowest agent's last one (a serial read fails this, as the slowest agent
    is never read last); with a consumer slower than the agents no chunk may be lost. When the consumer breaks after 1
    to 4 items, waits until the agents' streams have handed out nothing for 0.1 s (they ended, or wait for room in a
    queue) and calls `aclose()`, the close must end within 1 s without a GeneratorExit
    wrapped in an ExceptionGroup, no task may be left running and every agent stream must be closed. When the agent at a
    drawn place fails with a ConnectionError after 1 or 2 chunks, that error (alone, in a group or as a cause) must
    reach the consumer, the other agents must be stopped before they streamed all their chunks, and no task or stream
    may be left open."""
    expect(
        inspect.isasyncgenfunction(answer),
        MERGED,
        f"{_name(answer)} is not an async generator function.",
        "write `async def merged(agents, prompt)` that yields (agent name, content) pairs.",
    )
    where = f"{_name(answer)}(agents, prompt)"
    prompt = f"Report on {rng.choice(WORDS)} {secrets.token_hex(3)}"

    # Read to the end: 3-4 agents of different speeds, the slowest never last in the list.
    count = rng.randint(3, 4)
    slowest = rng.randrange(count - 1)
    delays = [rng.uniform(0.07, 0.085) if index == slowest else rng.uniform(0.03, 0.045) for index in range(count)]
    agents = [
        _merge_agent(name, rng.randint(5, 7), delay) for name, delay in zip(_agent_names(count), delays, strict=True)
    ]
    seen = run_loop(_read_merged(answer, agents, prompt))
    _expect_every_chunk_once(seen, agents, where, "read to its end")
    asked = {str(agent.name): model_prompts(agent) for agent in agents if model_prompts(agent) != [prompt]}
    expect(
        not asked and all(agent.watch.opened == 1 for agent in agents),
        MERGED,
        f"for prompt {prompt!r}, these agents were asked otherwise: {asked!r}.",
        "make one streamed call per agent: `await agent.arun(prompt, stream=True)`.",
    )
    slow = agents[slowest]
    last = last_chunk_at(slow)
    assert last is not None
    firsts = {
        str(agent.name): seen.times[[name for name, _ in seen.items].index(agent.name)] - seen.started
        for agent in agents
    }
    late = sorted(name for name, at in firsts.items() if at > last - seen.started - delays[slowest])
    expect_timing(
        not late,
        MERGED,
        f"the first chunks of {late!r} reached the consumer only after the slowest agent, {slow.name!r}, had produced "
        "its last chunk.",
        "start every agent's stream at once (a task per agent) and yield each chunk as soon as it arrives, whichever "
        "agent it comes from; never wait for a stream to end, or for all of them, before yielding.",
    )

    # A consumer slower than the agents: the producers wait for it, and no chunk is lost.
    agents = [_merge_agent(name, rng.randint(8, 11), 0.001) for name in _agent_names(3)]
    seen = run_loop(_read_merged(answer, agents, prompt, work=0.004))
    _expect_every_chunk_once(seen, agents, where, "with a consumer slower than the agents")

    # The consumer stops early: break, then aclose().
    keep = rng.randint(1, 4)
    agents = [_merge_agent(name, 30, rng.uniform(0.004, 0.01)) for name in _agent_names(3)]
    seen = run_loop(_read_merged(answer, agents, prompt, keep=keep))
    if isinstance(seen.error, BaseExceptionGroup) and seen.error.subgroup(GeneratorExit) is not None:
        fail(
            MERGED,
            f"the consumer broke out after {_items(keep)} and called aclose(), which raised "
            f"{type(seen.error).__name__}: {seen.error}: the GeneratorExit that aclose() raises at the paused "
            "`yield` went through a TaskGroup, which wrapped it in a group instead of letting it through.",
            "never yield inside `async with asyncio.TaskGroup()`: run the producers in a task of their own (a "
            "TaskGroup inside that task is fine), yield from the queue outside it, and in `finally` cancel that "
            "task and await it.",
        )
    if seen.error is not None:
        translate(seen.error, f"aclose() on {where}", "let GeneratorExit through: do not yield in `finally`.")
    expect(
        not seen.close_hung,
        MERGED,
        f"the consumer broke out after {_items(keep)} and called aclose(), which had not returned 1 s later (the check "
        "then cancelled it).",
        "when the reader stops early, cancel the producers and wait for them without raising what they raise "
        "(`await asyncio.wait(tasks)`); never await room in a queue nobody reads.",
    )
    expect(
        not seen.running,
        MERGED,
        f"the consumer broke out after {_items(keep)} and called aclose(); when it returned, these tasks were still "
        f"running: {seen.running!r}.",
        "in the generator's `finally`, cancel every task it started and wait until they have finished.",
    )
    open_ = [str(agent.name) for agent, (opened, closed) in zip(agents, seen.streams, strict=True) if closed < opened]
    expect(
        not open_,
        MERGED,
        f"the consumer broke out after {_items(keep)} and called aclose(); when it returned, the streams of {open_!r} "
        "were still open (left to the garbage collector).",
        "hold each agent's stream in `async with contextlib.aclosing(...)` inside its producer.",
    )

    # One agent's stream fails half-way: the others are cancelled, and the error reaches the consumer.
    fail_after = rng.randint(1, 2)
    names = _agent_names(3)
    agents = [_merge_agent(name, 14, 0.025) for name in names[:2]]
    broken = rng.randrange(3)
    agents.insert(broken, _merge_agent(names[2], 6, 0.02, fail_after=fail_after))
    model = agents[broken].model
    assert isinstance(model, _DroppingModel)
    seen = run_loop(_read_merged(answer, agents, prompt))
    got = (
        f"{type(seen.error).__name__}: {seen.error}"
        if seen.error is not None
        else f"no error, and {len(seen.items)} items"
        + (f", then nothing more for {STALL:.0f} s" if seen.stalled else "")
    )
    expect(
        _carries(seen.error, model.message),
        MERGED,
        f"the stream of agent {names[2]!r} failed with ConnectionError({model.message!r}) after "
        f"{_items(fail_after, 'chunk')}; the "
        f"consumer of {where} got {got}.",
        "let the failure reach the consumer: raise it from the merged stream (a TaskGroup's ExceptionGroup will do), "
        "never swallow it.",
    )
    expect(
        not seen.running,
        MERGED,
        f"when the failure of {names[2]!r} reached the consumer, these tasks were still running: {seen.running!r}.",
        "cancel the other producers and wait for them before the error leaves the merged stream.",
    )
    others = [agent for agent in agents if agent is not agents[broken]]
    ran_on = [str(a.name) for a in others if a.watch.items >= len(_chunks_of(a))]
    expect_timing(
        not ran_on,
        MERGED,
        f"after {names[2]!r} failed at about {0.02 * fail_after:.2f} s, the streams of {ran_on!r} ran on to their "
        "last chunk.",
        "when one producer fails, cancel the others (a TaskGroup does) instead of letting them finish.",
    )
    open_ = [str(agent.name) for agent, (opened, closed) in zip(agents, seen.streams, strict=True) if closed < opened]
    expect(
        not open_,
        MERGED,
        f"when the failure of {names[2]!r} reached the consumer, the streams of {open_!r} were still open.",
        "hold each agent's stream in `async with contextlib.aclosing(...)` inside its producer.",
    )


# -- 13.6 --------------------------------------------------------------------------------------------------
TEAMS = "Production: teams"
MEMBER_TOOLS = ("run_member_agents", "arun_member_agents")  # agno 1.5.10's collaborate-mode tools, sync and async


class _Windows:
    """When each call of a member's model started and ended; shared by agno's copies of the model."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, float]] = []

    def __deepcopy__(self, memo: dict[int, Any]) -> _Windows:
        return self

    @contextlib.contextmanager
    def call(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.calls.append((started, time.perf_counter()))


@dataclass
class _MemberModel(ProbeModel):
    """A member's model that notes when each of its calls started and ended."""

    windows: _Windows = field(default_factory=_Windows)

    def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        with self.windows.call():
            return super().invoke(messages, *args, **kwargs)

    async def ainvoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        with self.windows.call():
            return await super().ainvoke(messages, *args, **kwargs)

    def invoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        with self.windows.call():
            yield from super().invoke_stream(messages, *args, **kwargs)

    async def ainvoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        with self.windows.call():
            async for delta in super().ainvoke_stream(messages, *args, **kwargs):
                yield delta


def noted(note: str) -> str:
    """Note a step of the review (the panel's harmless tool: its calls vary how many events precede the answer)."""
    return "noted"


@dataclass
class _LeadModel(ProbeModel):
    """The team's model. As a hosted model picks a tool from the list it is sent, it first calls `noted` a number
    of times drawn for its read, then the member tool its run offers (run_member_agents on the sync path,
    arun_member_agents on the async one) with the user's question as the task, all in one turn, then answers with
    the members' words it finds in their answers, in the members' order. The drawn notes make the number of
    tool-call events before the answer vary, so that only filtering by event finds the answer."""

    notes: int = 0

    def _offered(self, messages: Any, kwargs: dict[str, Any]) -> None:
        names = [tool.get("function", {}).get("name") for tool in kwargs.get("tools") or []]
        question = next((m.get_content_string() for m in reversed(messages) if m.role == "user"), "")
        offered = [name for name in names if name in MEMBER_TOOLS]
        notes = [call("noted", note=f"step {index + 1}") for index in range(self.notes)] if "noted" in names else []
        member = [call(offered[0], task_description=question, expected_output="one line")] if offered else []
        self.tool_calls = [*notes, *member]

    def invoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self._offered(messages, kwargs)
        return super().invoke(messages, *args, **kwargs)

    async def ainvoke(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self._offered(messages, kwargs)
        return await super().ainvoke(messages, *args, **kwargs)

    def invoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> Any:
        self._offered(messages, kwargs)
        yield from super().invoke_stream(messages, *args, **kwargs)

    async def ainvoke_stream(self, messages: Any, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:  # pyright: ignore[reportIncompatibleMethodOverride]
        self._offered(messages, kwargs)
        async for delta in super().ainvoke_stream(messages, *args, **kwargs):
            yield delta


@dataclass
class _Panel:
    """A collaborate-mode team whose members and answer were drawn for one read, and what that read should yield."""

    team: Any
    members: list[Agent]
    question: str
    chunks: list[str]  # the team's answer, as its model streams it

    @property
    def answer(self) -> str:
        return "".join(self.chunks)

    def lead(self) -> _LeadModel:
        model = self.team.model
        assert isinstance(model, _LeadModel)
        return model

    def windows(self, member: Agent) -> list[tuple[float, float]]:
        model = member.model
        assert isinstance(model, _MemberModel)
        return model.windows.calls


def _panel_draw() -> tuple[str, list[str]]:
    """A question and the members' replies, with a token of this draw in each."""
    token = secrets.token_hex(2)
    words = rng.sample(WORDS, rng.randint(3, 4) * 2)
    replies = [f"{a}-{token} {b}-{token}" for a, b in zip(words[::2], words[1::2], strict=True)]
    return f"Review the {rng.choice(WORDS)} plan {secrets.token_hex(3)}", replies


def _panel(question: str, replies: list[str], latency: float, chunk_delay: float, notes: int) -> _Panel:
    words = [word for reply in replies for word in reply.split()]
    members: list[Agent] = [
        Agent(
            name=f"member-{index}",
            model=_MemberModel(reply=reply, latency=latency),
            telemetry=False,
            monitoring=False,
        )
        for index, reply in enumerate(replies)
    ]
    lead = _LeadModel(reply=lambda told: " ".join(w for w in words if w in told), chunk_delay=chunk_delay, notes=notes)
    team = Team(
        name="panel",
        mode="collaborate",
        members=list(members),
        model=lead,
        tools=[noted],
        telemetry=False,
        monitoring=False,
    )
    return _Panel(team, members, question, split_chunks(" ".join(words)))


def _expect_panel_read(panel: _Panel, items: list[Any], times: list[float], where: str) -> None:
    """What one read of a path must show: strings only, the team and its members asked, the team's chunks."""
    kinds = sorted({type(item).__name__ for item in items if not isinstance(item, str)})
    if any(item is None for item in items):
        fail(
            "Consistent Return Types",
            f"{where} yielded None {sum(item is None for item in items)} times among {len(items)} items: the "
            "content of the tool-call events a streamed team run yields besides its answer.",
            "forward only the items that carry the answer: `item.event == RunEvent.run_response`.",
        )
    expect(
        not kinds,
        "Consistent Return Types",
        f"{where} yielded {', '.join(kinds)} objects; it yields the text of the answer, one str per chunk.",
        "yield `item.content`, not the item, for each item that carries the answer.",
    )
    lead = panel.lead()
    asked = [str(m.name) for m in panel.members if not any(panel.question in p for p in model_prompts(m))]
    expect(
        bool(lead.prompts) and not asked,
        TEAMS,
        f"for the question {panel.question!r}, drawn for this run, "
        + (
            "the team's model was never asked to answer."
            if not lead.prompts
            else f"the team's members {asked!r} were not given it."
        ),
        "call the team it is given with the question: `team.run(question, stream=True)` on the sync path, "
        "`await team.arun(question, stream=True)` on the async one.",
    )
    expect(
        last_chunk_at(panel.team) is not None,
        TEAMS,
        f"{where} asked the team for its answer in one piece: the team's model never streamed.",
        "pass stream=True, and yield each chunk's content as it arrives.",
    )
    expect(
        items == panel.chunks,
        TEAMS,
        f"the team streamed {_items(len(panel.chunks), 'chunk')} {_show(panel.chunks)}, drawn for this run; "
        f"{where} yielded {_show(items)}.",
        "yield the content of every chunk of the team's answer, once each, in order, and nothing else.",
    )


@exercise("13.6", "A team's answer on both paths", points=3, rule="Production: teams")
def team_paths(answer: Any) -> None:
    """Requires a class with `run()` and `arun()` that wraps an agno Team in collaborate mode whose lead model calls a
    `noted` tool 0 to 2 times (drawn, different on the two paths), then the member tool of its path with the question,
    then streams an answer made of the members' words (3 or 4 members, replies drawn per run). The sync path, consumed
    inside a running event loop, must yield only strings, exactly the lead's streamed chunks, give the question to the
    lead and to every member, and deliver its first chunk before the lead produced its last. Three async runs over
    different panels (member latency 0.2 to 0.28 s, drawn) run concurrently beside a heartbeat: the loop may not stall
    for 60% of that latency, each run must yield exactly its lead's chunks with the first before the lead's last, and
    all members of a panel must have started before any of them ended."""
    expect(
        inspect.isclass(answer) and callable(getattr(answer, "run", None)) and callable(getattr(answer, "arun", None)),
        "Dual Method Pattern",
        f"{_name(answer)} is not a class with the methods run() and arun().",
        "write `class TeamAnswers` whose __init__ takes the team, with a `run(question)` and an "
        "`async def arun(question)`.",
    )
    cls: Any = answer  # a class with run() and arun(), checked above
    question, replies = _panel_draw()
    latency = rng.uniform(0.2, 0.28)
    chunk_delay = rng.uniform(0.02, 0.03)

    # How many `noted` calls the team's model makes before it calls the members, drawn per read: the sync read and
    # the async read that shares its draw differ, so the tool-call events before the answer never number the same.
    sync_notes, async_notes = rng.sample(range(3), 2)

    # The sync path, consumed from code running in an event loop: a bridge to async code fails here.
    panel = _panel(question, replies, latency=0.03, chunk_delay=chunk_delay, notes=sync_notes)
    sync_where = f"{cls.__name__}(team).run(question)"

    def produce() -> Any:
        stream = cls(panel.team).run(question)
        expect(
            not isinstance(stream, str | bytes | list | tuple) and hasattr(stream, "__next__"),
            "Consistent Return Types",
            f"{sync_where} returned a {type(stream).__name__}, not an iterator that yields each chunk as it arrives.",
            "make run() a generator: `yield` each chunk's content.",
        )
        return stream

    sync = run_sync_path(produce, sync_where)
    _expect_panel_read(panel, sync.items, sync.times, sync_where)
    last = last_chunk_at(panel.team)
    assert last is not None
    expect_timing(
        sync.times[0] < last,
        TEAMS,
        f"{sync_where} yielded its first chunk only after the team's model had produced its last one.",
        "yield each chunk inside the loop over the team's stream, as it arrives; do not collect them first.",
    )

    # The async path: several reads at once, beside a heartbeat; the first shares the sync read's draw.
    count = 3
    panels = [_panel(question, replies, latency, chunk_delay, notes=async_notes)]
    panels += [
        _panel(*_panel_draw(), latency=latency, chunk_delay=chunk_delay, notes=rng.randint(0, 2))
        for _ in range(count - 1)
    ]
    async_where = f"{cls.__name__}(team).arun(question)"
    runs, _, blocked = run_async_paths(
        [lambda p=p: cls(p.team).arun(p.question) for p in panels],
        async_where,
    )
    expect_loop_free(
        async_where,
        blocked,
        "AGN104",
        "await the team's async call, `await team.arun(question, stream=True)`",
        latency=latency,
        answer=cls,
    )
    for panel, run in zip(panels, runs, strict=True):
        _expect_panel_read(panel, run.items, run.times, async_where)
        windows = [w for member in panel.members for w in panel.windows(member)]
        first_end = min(end for _, end in windows)
        late = sum(start >= first_end for start, _ in windows)
        expect_timing(
            not late,
            "AGN104",
            f"in a read of {async_where}, {late} of the team's {len(panel.members)} members were called only after "
            f"another had answered (each takes about {latency:.2f} s): they answered one after another, as the "
            "team's sync run has them answer, not at the same time.",
            "on the async path run the team's async call, `await team.arun(question, stream=True)`, which gives the "
            "task to every member at once; not team.run(), in a thread or otherwise.",
        )
        last = last_chunk_at(panel.team)
        assert last is not None
        expect_timing(
            run.times[0] < last,
            "AGN103",
            f"{async_where} yielded its first chunk only after the team's model had produced its last one.",
            "yield each chunk inside the `async for` over the team's stream, as it arrives; do not collect them first.",
        )
