"""The offline model drives real agno agents down every call path, with scripted answers and real latency."""

import asyncio
import copy
import time

import pytest
from agno.agent import Agent, RunResponse

from agnocourse.offline import OfflineModel, ScriptExhaustedError, call, iter_chunks, offline_agent, split_chunks
from agnocourse.timeline import Timeline

LATENCY = 0.2


def get_stock_price(symbol: str) -> str:
    """Return the price of a stock."""
    return f"{symbol} trades at 189.50"


def contents(chunks) -> list[str]:
    return [c.content for c in chunks if c.content is not None]


def test_echo_is_the_default():
    assert offline_agent().run("hello offline world", stream=False).content == "hello offline world"


def test_fixed_reply():
    response = offline_agent(reply="Fixed.").run("anything", stream=False)
    assert isinstance(response, RunResponse)
    assert response.content == "Fixed."


def test_script_is_used_in_order_and_then_refuses():
    agent = offline_agent(reply=["first", "second"])
    assert [agent.run(p, stream=False).content for p in "ab"] == ["first", "second"]
    with pytest.raises(ScriptExhaustedError, match="holds 2 replies"):
        agent.run("c", stream=False)


def test_reply_function_receives_the_prompt():
    agent = offline_agent(reply=lambda prompt: prompt[::-1])
    assert agent.run("abc", stream=False).content == "cba"


def test_sync_stream_yields_word_chunks_in_order():
    chunks = list(offline_agent(reply="one two three").run("x", stream=True))
    assert contents(chunks) == ["one", " two", " three"]
    assert all(isinstance(c, RunResponse) for c in chunks)


def test_chunk_words_groups_words():
    chunks = list(offline_agent(reply="a b c d e", chunk_words=2).run("x", stream=True))
    assert contents(chunks) == ["a b", " c d", " e"]


@pytest.mark.parametrize("text", ["", "one", "  leading and trailing  ", "line\nbreaks\n\nkept", "a b c d e"])
@pytest.mark.parametrize("words", [1, 2, 3])
def test_chunks_join_back_to_the_text(text, words):
    assert "".join(split_chunks(text, words)) == text


def test_chunks_hold_whole_words_and_keep_the_spacing():
    assert split_chunks("  a b\nc  d e ", 2) == ["  a b", "\nc  d", " e "]
    assert next(iter_chunks("one two three")) == "one"


def test_async_run_and_async_stream():
    agent = offline_agent(reply="alpha beta")

    async def main():
        whole = await agent.arun("x", stream=False)
        streamed = [c async for c in await agent.arun("x", stream=True)]
        return whole, streamed

    whole, streamed = asyncio.run(main())
    assert whole.content == "alpha beta"
    assert contents(streamed) == ["alpha", " beta"]


@pytest.mark.parametrize("stream", [False, True])
def test_scripted_tool_call_runs_the_real_tool(stream):
    agent = offline_agent(tools=[get_stock_price], tool_calls=[call("get_stock_price", symbol="MSFT")])
    if stream:
        items = list(agent.run("price?", stream=True))
        assert [i.event for i in items][:2] == ["ToolCallStarted", "ToolCallCompleted"]
        assert "".join(contents(items)) == "MSFT trades at 189.50"
    else:
        response = agent.run("price?", stream=False)
        assert response.content == "MSFT trades at 189.50"
        assert [m.role for m in response.messages or []] == ["user", "assistant", "tool", "assistant"]


def test_scripted_tool_call_on_the_async_path():
    agent = offline_agent(tools=[get_stock_price], tool_calls=[call("get_stock_price", symbol="NVDA")])
    response = asyncio.run(agent.arun("price?", stream=False))
    assert response.content == "NVDA trades at 189.50"


def test_latency_elapses_sequentially_on_the_sync_path():
    agent = offline_agent(latency=LATENCY)
    started = time.perf_counter()
    for i in range(3):
        agent.run(f"m{i}", stream=False)
    assert time.perf_counter() - started >= 3 * LATENCY * 0.95


def test_concurrent_async_runs_overlap_on_one_shared_agent():
    agent = offline_agent(reply=lambda p: p.upper(), latency=LATENCY)

    async def main():
        return await asyncio.gather(*(agent.arun(f"m{i}", stream=False) for i in range(5)))

    def overlapped() -> bool:
        started = time.perf_counter()
        responses = asyncio.run(main())
        elapsed = time.perf_counter() - started
        assert [r.content for r in responses] == [f"M{i}" for i in range(5)]
        assert len({r.run_id for r in responses}) == 5
        # One after another: 5 latencies. Overlapping: about one. Checked as a ratio, once more if the machine was busy.
        return LATENCY * 0.95 <= elapsed < 0.7 * 5 * LATENCY

    assert overlapped() or overlapped()


def test_stream_chunks_arrive_spread_out_by_chunk_delay():
    agent = offline_agent(reply="a b c d", chunk_delay=0.05)
    stamps = [time.perf_counter() for _ in agent.run("x", stream=True)]
    assert stamps[-1] - stamps[0] >= 3 * 0.05 * 0.9


def test_copies_share_the_script_and_the_prompt_log():
    model = OfflineModel(reply=["one", "two"])
    twin = copy.deepcopy(model)
    first = Agent(model=model, telemetry=False).run("p1", stream=False).content
    second = Agent(model=twin, telemetry=False).run("p2", stream=False).content
    assert (first, second) == ("one", "two")
    assert model.prompts == ["p1", "p2"]


def test_works_inside_a_workflow_on_both_paths():
    from collections.abc import AsyncIterator, Iterator
    from uuid import uuid4

    from agno.workflow import RunEvent, Workflow

    class Steps(Workflow):
        writer: Agent = offline_agent("writer", reply=lambda p: f"report: {p}")

    class Sync(Steps):
        def run(self, topic: str) -> Iterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            yield from self.writer.run(topic, stream=True)
            yield RunResponse(run_id=self.run_id, content=".", event=RunEvent.workflow_completed)

    class Async(Steps):
        async def arun(self, topic: str) -> AsyncIterator[RunResponse]:  # pyright: ignore[reportIncompatibleMethodOverride]
            self.run_id = str(uuid4())
            async for chunk in await self.writer.arun(topic, stream=True):
                yield chunk
            yield RunResponse(run_id=self.run_id, content=".", event=RunEvent.workflow_completed)

    async def collect():
        return [r async for r in Async().arun(topic="tea")]

    sync_items = list(Sync().run(topic="tea"))
    async_items = asyncio.run(collect())
    assert contents(sync_items) == contents(async_items) == ["report:", " tea", "."]
    assert sync_items[-1].event == async_items[-1].event == RunEvent.workflow_completed


def test_recorded_calls_are_spans_from_the_call_to_its_last_chunk_on_every_path_and_copy():

    model = OfflineModel(reply="a b c", latency=0.05, chunk_delay=0.02)
    timeline = Timeline()
    model.record_calls(timeline, "writer")
    twin = copy.deepcopy(model)  # agno copies models: a copy records on the same timeline
    agent, copied = Agent(model=model, telemetry=False), Agent(model=twin, telemetry=False)
    agent.run("p", stream=False)
    list(copied.run("p", stream=True))

    async def both() -> None:
        await agent.arun("p", stream=False)
        async for _ in await copied.arun("p", stream=True):
            pass

    asyncio.run(both())
    assert [span.label for span in timeline.spans] == ["writer"] * 4
    plain, streamed = [span.duration for span in timeline.spans[::2]], [span.duration for span in timeline.spans[1::2]]
    assert min(plain) >= 0.05 * 0.95  # the latency, inside the span
    assert min(streamed) >= (0.05 + 2 * 0.02) * 0.95  # and the delays between chunks too


def test_recorded_calls_can_name_the_prompt_each_answered():
    model = OfflineModel(reply="ok")
    assert model.recorded.spans == []  # nothing recorded until asked
    model.record_calls(Timeline(), "rate", with_prompt=True)
    agent = Agent(model=copy.deepcopy(model), telemetry=False)
    agent.run("NVDA", stream=False)
    asyncio.run(agent.arun("AAPL", stream=False))
    assert [span.label for span in model.recorded.spans] == ["rate(NVDA)", "rate(AAPL)"]
