"""Mock tools return deterministic data with real latency; the timeline measures overlap."""

import asyncio
import io
import pickle
import threading
import time

import pytest

from agnocourse.timeline import Span, Timeline, compare, save
from agnocourse.tools import (
    AsyncFinancialTools,
    LegacyRatingTool,
    LegacyReportTool,
    RiskModel,
    SymbolNotFoundError,
    SyncFinancialTools,
    rating,
    stock_price,
)

LATENCY = 0.2


def test_sync_and_async_tools_return_the_same_data():
    sync, asynchronous = SyncFinancialTools(latency=0), AsyncFinancialTools(latency=0)
    for method in ("get_income_statement", "get_company_financials", "get_stock_price"):
        for symbol in ("AAPL", "ZZZZ"):
            assert getattr(sync, method)(symbol) == asyncio.run(getattr(asynchronous, method)(symbol))


def test_unknown_symbols_get_stable_made_up_data():
    assert stock_price("QWERTY") == stock_price("QWERTY")
    assert stock_price("QWERTY") != stock_price("ASDFGH")
    assert stock_price("AAPL") == {"symbol": "AAPL", "price_usd": 189.5}


def test_chosen_symbols_fail_on_every_form():
    with pytest.raises(SymbolNotFoundError, match="BAD"):
        SyncFinancialTools(latency=0, fail_for={"BAD"}).get_stock_price("BAD")
    with pytest.raises(SymbolNotFoundError, match="BAD"):
        asyncio.run(AsyncFinancialTools(latency=0, fail_for={"BAD"}).get_stock_price("BAD"))
    with pytest.raises(SymbolNotFoundError):
        LegacyReportTool(latency=0, fail_for={"BAD"}).blocking_method("BAD")
    assert SyncFinancialTools(latency=0, fail_for={"BAD"}).get_stock_price("AAPL")["price_usd"] == 189.5


def test_async_tools_overlap_and_the_timeline_sees_it():
    timeline = Timeline()
    tools = AsyncFinancialTools(latency=LATENCY, timeline=timeline)

    async def main():
        async with asyncio.TaskGroup() as tg:
            for symbol in ("AAPL", "MSFT", "NVDA"):
                tg.create_task(tools.get_stock_price(symbol))

    asyncio.run(main())
    assert timeline.peak_concurrency == 3
    assert timeline.wall_time >= LATENCY * 0.95 and timeline.busy_time >= 3 * LATENCY * 0.95
    assert timeline.wall_time < timeline.busy_time / 2, "three calls that overlap take about a third of their sum"
    assert {s.task for s in timeline.spans} != {None}
    assert tools.calls == ["price(AAPL)", "price(MSFT)", "price(NVDA)"]


def test_symbols_can_have_latencies_of_their_own():
    def quick_one_finishes_first() -> bool:
        timeline = Timeline()
        tools = AsyncFinancialTools(latency=0.2, latencies={"AAPL": 0.02}, timeline=timeline)

        async def main():
            async with asyncio.TaskGroup() as tg:
                for symbol in ("MSFT", "AAPL"):
                    tg.create_task(tools.get_stock_price(symbol))

        asyncio.run(main())
        durations = {span.label: span.duration for span in timeline.spans}
        first = min(timeline.spans, key=lambda s: s.end).label
        return first == "price(AAPL)" and durations["price(AAPL)"] < durations["price(MSFT)"] / 2

    assert quick_one_finishes_first() or quick_one_finishes_first()  # once more if a busy machine stalled it
    assert SyncFinancialTools(latencies={"AAPL": 0.01}).latency_for("AAPL") == 0.01


def test_blocking_tool_blocks_and_runs_in_threads():
    timeline = Timeline()
    tool = LegacyReportTool(latency=LATENCY, timeline=timeline)
    tool.blocking_method("AAPL")
    tool.blocking_method("MSFT")
    assert timeline.peak_concurrency == 1
    assert timeline.wall_time >= 2 * LATENCY * 0.95

    threaded = Timeline()
    tool = LegacyReportTool(latency=LATENCY, timeline=threaded)
    workers = [threading.Thread(target=tool.blocking_method, args=(s,)) for s in ("A", "B", "C")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert threaded.peak_concurrency == 3
    assert len({s.thread for s in threaded.spans}) == 3


def test_the_rating_tool_stops_before_the_next_symbol_once_its_event_is_set():
    symbols = ["AAPL", "GOOGL", "MSFT", "AMZN"]
    tool = LegacyRatingTool(latency=0.01)
    assert tool.ratings(symbols) == {symbol: rating(symbol) for symbol in symbols}
    assert [went_on for _, _, went_on in tool.checks] == [True] * 4 and tool.running == 0

    tool, stop = LegacyRatingTool(latency=0.5), threading.Event()
    worker = threading.Thread(target=lambda: tool.ratings(symbols, stop))
    worker.start()
    while len(tool.checks) < 2:  # until it has started the second symbol, which takes 0.5 s
        time.sleep(0.005)
    stop.set()
    set_at = time.perf_counter()
    worker.join()
    assert [(symbol, went_on) for symbol, _, went_on in tool.checks] == [
        ("AAPL", True),
        ("GOOGL", True),
        ("MSFT", False),
    ]
    assert tool.checks[-1][1] > set_at and tool.running == 0


def test_the_risk_model_computes_the_same_score_for_the_same_salt_and_notes_where_it_ran():
    model = RiskModel(rounds=1000, salt=7)
    score = model.score("AAPL")
    assert score == RiskModel(rounds=1000, salt=7).score("AAPL") != RiskModel(rounds=1000, salt=8).score("AAPL")
    assert model.calls == ["risk(AAPL)"] and model.threads == [threading.get_ident()]
    copied = pickle.loads(pickle.dumps(model.score))  # what a process pool sends its worker
    assert copied("AAPL") == score
    assert model.calls == ["risk(AAPL)"], "the copy notes its call, the original does not"


def test_a_span_measured_from_outside_counts_like_the_others():
    timeline = Timeline()
    with timeline.span("inside"):
        timeline.add("outside", timeline.now(), timeline.now() + 1.0, "process pool")
    assert timeline.peak_concurrency == 2
    assert [s.thread for s in timeline.spans if s.label == "outside"] == ["process pool"]


def test_record_decorator_handles_sync_and_async_functions():
    timeline = Timeline()

    @timeline.record()
    def nap():
        time.sleep(0.01)

    @timeline.record("async nap")
    async def anap():
        await asyncio.sleep(0.01)

    nap()
    asyncio.run(anap())
    assert [s.label for s in timeline.spans] == ["nap", "async nap"]
    assert all(s.duration >= 0.009 for s in timeline.spans)


def test_empty_timeline():
    assert (Timeline().wall_time, Timeline().peak_concurrency) == (0.0, 0)


def test_plots_draw_one_bar_per_span():
    import matplotlib

    matplotlib.use("Agg")
    timeline = Timeline()
    for label in ("a", "b"):
        with timeline.span(label):
            pass
    figure = timeline.plot()
    assert len(figure.axes[0].patches) == 2
    both = compare({"first": timeline, "second": timeline})
    assert len(both.axes) == 2
    assert both.axes[0].get_title(loc="left").startswith("first:")
    assert both.axes[0].get_title() == ""  # no second, centred title drawn over the caller's


def test_plots_by_label_share_one_row_per_label():
    import matplotlib

    matplotlib.use("Agg")
    timeline = Timeline()
    for label in ("tick", "work", "tick", "tick"):
        with timeline.span(label):
            pass
    assert timeline.labels() == ["tick", "work"] and timeline.rows(by_label=True) == 2 and timeline.rows() == 4
    axis = timeline.plot(by_label=True).axes[0]
    assert len(axis.patches) == 4
    assert [tick.get_text() for tick in axis.get_yticklabels()] == ["tick", "work"]
    assert len(compare({"one": timeline}, by_label=True).axes) == 1


def fixed(spans: list[tuple[str, float, float]]) -> Timeline:
    """A timeline with chosen spans, so two drawings can be compared byte for byte."""
    timeline = Timeline()
    timeline.spans = [Span(label, start, end, "MainThread", None) for label, start, end in spans]
    return timeline


def rendered(figure, format: str) -> bytes:
    buffer = io.BytesIO()
    save(figure, buffer, format)
    return buffer.getvalue()


@pytest.mark.parametrize("format", ["png", "svg", "pdf"])
def test_the_same_spans_draw_the_same_bytes(format):
    import matplotlib

    matplotlib.use("Agg")
    spans = [("income", 0.0, 0.3), ("price", 0.05, 0.2)]
    first = rendered(compare({"a": fixed(spans), "b": fixed(spans[:1])}), format)
    second = rendered(compare({"a": fixed(spans), "b": fixed(spans[:1])}), format)
    assert first == second
    assert b"CreationDate" not in first and b"<dc:date>" not in first


def test_figures_with_the_same_rows_have_the_same_size_whatever_their_labels_and_times():
    """As the notebook shows them (IPython's inline PNG, cropped to its content) and as `save` writes them."""
    import matplotlib
    from IPython.core.pylabtools import print_figure
    from PIL import Image

    matplotlib.use("Agg")
    short = fixed([("a", 0.0, 0.1), ("b", 0.0, 0.2)])
    long = fixed([("get_company_financials(AAPL)", 0.0, 12.5), ("b", 3.0, 9.75)])
    sizes = set()
    for timeline in (short, long):
        figure = timeline.plot()
        sizes.add((Image.open(io.BytesIO(print_figure(figure, "png", bbox_inches="tight"))).size, "inline"))
        sizes.add((Image.open(io.BytesIO(rendered(figure, "png"))).size, "saved"))
    assert len(sizes) == 2, sizes


def test_spans_in_words_orders_spans_by_start_from_the_first_or_a_given_moment():
    from agnocourse.timeline import Span, spans_in_words

    spans = [Span("b", 1.5, 1.8, "t", None), Span("a", 1.0, 1.3, "t", None)]
    assert spans_in_words(spans) == "a 0.00-0.30 s, b 0.50-0.80 s"
    assert spans_in_words(spans, since=0.5) == "a 0.50-0.80 s, b 1.00-1.30 s"
    assert spans_in_words([]) == ""
