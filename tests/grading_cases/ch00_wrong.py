"""Answers to chapter 0's exercises: right ones written in several ways, and known-wrong ones, each a
misunderstanding of coroutines, tasks, async generators or threads."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import aclosing
from typing import Any

Fetch = Callable[[str], Awaitable[Any]]


# -- 0.1 -------------------------------------------------------------------------------------------------
async def taskgroup_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(name)) for name in names]
    return [task.result() for task in tasks]


async def gather_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    return await asyncio.gather(*map(fetch, names))  # agno-rules: ignore[AGN202]


async def tasks_then_await_fetch_all(fetch: Fetch, names: list[str]) -> tuple[Any, ...]:
    """Tasks created first, then awaited one by one; returns a tuple, which the task allows as a list of results."""
    tasks = [asyncio.create_task(fetch(name)) for name in names]
    return tuple([await task for task in tasks])


async def sequential_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    """Awaits each call before making the next."""
    return [await fetch(name) for name in names]


async def coroutines_first_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    """Creates every coroutine first, believing that starts them; they still run one at a time."""
    pending = [fetch(name) for name in names]
    return [await coroutine for coroutine in pending]


async def completion_order_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    """Concurrent, but returns the results in the order the calls finished."""
    return [await result for result in asyncio.as_completed([fetch(name) for name in names])]


async def unawaited_tasks_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    """Starts the tasks and returns them instead of their results."""
    return [asyncio.create_task(fetch(name)) for name in names]


async def threads_fetch_all(fetch: Fetch, names: list[str]) -> list[Any]:
    """Runs each call on a loop of its own in a thread pool, and waits for the pool on the event loop."""
    with ThreadPoolExecutor() as pool:
        return list(pool.map(lambda name: asyncio.run(fetch(name)), names))  # agno-rules: ignore


# -- 0.2 -------------------------------------------------------------------------------------------------
async def stream_rows(pool: Any) -> AsyncIterator[str]:
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    finally:
        await pool.release(connection)


async def take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    async with aclosing(stream):
        count = 0
        async for item in stream:
            yield item
            count += 1
            if count == n:
                break


async def for_loop_stream_rows(pool: Any) -> AsyncIterator[str]:
    """Right, written differently: a plain loop, and the release in `finally` of an outer try."""
    connection = await pool.acquire()
    try:
        while True:
            row = await connection.fetch_row()
            if row is None:
                return
            yield row
    finally:
        await pool.release(connection)


async def anext_take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    """Right, written differently: anext() n times, and aclose() in `finally`."""
    try:
        for _ in range(n):
            try:
                item = await anext(stream)
            except StopAsyncIteration:
                return
            yield item
    finally:
        await stream.aclose()


async def release_after_loop_stream_rows(pool: Any) -> AsyncIterator[str]:
    """Releases after the loop: never reached when the consumer closes the generator early."""
    connection = await pool.acquire()
    while (row := await connection.fetch_row()) is not None:
        yield row
    await pool.release(connection)


async def generator_exit_only_stream_rows(pool: Any) -> AsyncIterator[str]:
    """Releases on GeneratorExit and at the end, but not when a fetch fails."""
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    except GeneratorExit:
        await pool.release(connection)
        raise
    await pool.release(connection)


async def swallowing_stream_rows(pool: Any) -> AsyncIterator[str]:
    """Releases in `finally`, but hides a failed fetch: the consumer sees a short stream and no error."""
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            yield row
    except Exception:
        return
    finally:
        await pool.release(connection)


async def stubborn_stream_rows(pool: Any) -> AsyncIterator[str]:
    """Catches GeneratorExit and yields again, so aclose() fails."""
    connection = await pool.acquire()
    try:
        while (row := await connection.fetch_row()) is not None:
            try:
                yield row
            except GeneratorExit:
                yield "closing"
    finally:
        await pool.release(connection)


async def break_only_take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    """Stops after n items without closing the source: it is left open."""
    count = 0
    async for item in stream:
        yield item
        count += 1
        if count == n:
            break


async def one_too_many_take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    """Checks the count before yielding, so it reads one item more than it yields."""
    count = 0
    async with aclosing(stream):
        async for item in stream:
            if count == n:
                break
            count += 1
            yield item


async def collecting_take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    """Reads the n items into a list first, then yields them: the consumer waits for all of them."""
    items = []
    async with aclosing(stream):
        async for item in stream:
            items.append(item)
            if len(items) == n:
                break
    for item in items:
        yield item


async def close_after_loop_take(stream: AsyncGenerator[Any, None], n: int) -> AsyncIterator[Any]:
    """Closes the source after its loop, which is never reached when the consumer closes take() early."""
    count = 0
    async for item in stream:
        yield item
        count += 1
        if count == n:
            break
    await stream.aclose()


# -- 0.3 -------------------------------------------------------------------------------------------------
async def run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    finally:
        stop.set()


async def reraising_run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    """Right, written differently: sets the event only on cancellation, then re-raises."""
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    except asyncio.CancelledError:
        stop.set()
        raise


async def direct_run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    """Calls the blocking function on the event loop."""
    return work(threading.Event())  # agno-rules: ignore[AGN107]


async def unstoppable_run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    """to_thread with an event nobody ever sets: cancelling the task leaves the thread running."""
    return await asyncio.to_thread(work, threading.Event())


async def except_exception_run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    """Sets the event in `except Exception`, which CancelledError does not reach."""
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    except Exception:
        stop.set()
        raise


async def swallowing_run_blocking(work: Callable[[threading.Event], Any]) -> Any:
    """Stops the thread, then swallows the cancellation and returns None."""
    stop = threading.Event()
    try:
        return await asyncio.to_thread(work, stop)
    except asyncio.CancelledError:
        stop.set()
        return None
