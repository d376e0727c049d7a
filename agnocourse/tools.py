"""The rules' example tools as offline mocks: deterministic financial data, real latency, chosen failures.

- `AsyncFinancialTools` (awaitable methods, ``asyncio.sleep``) and `SyncFinancialTools` (blocking methods,
  ``time.sleep``) return the same data for the same symbol: ``get_income_statement``,
  ``get_company_financials`` and ``get_stock_price``.
- `LegacyReportTool.blocking_method` is a blocking call with no async form, for ``asyncio.to_thread``.
- `LegacyRatingTool.ratings` is a blocking call that works symbol by symbol and checks a ``threading.Event``
  before each one: the way to stop work running in a thread, which no cancellation reaches.
- `RiskModel.score` is CPU-bound: pure Python arithmetic, no waiting, for a process pool.
- ``fail_for={"BAD"}`` makes every method raise `SymbolNotFoundError` for those symbols.
- ``latencies={"AAPL": 0.1}`` gives those symbols latencies of their own (markets that answer at different speeds).
- ``timeline=`` records each call as a span, so concurrent calls can be seen overlapping.
- `stock_price` and `company_financials` are plain functions an agent can use as tools.
"""

from __future__ import annotations

import asyncio
import threading
import time
import zlib
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from agnocourse.timeline import Timeline

_KNOWN = {
    "AAPL": {"name": "Apple Inc.", "price": 189.5, "revenue": 383.3, "net_income": 97.0, "assets": 352.6},
    "GOOGL": {"name": "Alphabet Inc.", "price": 141.8, "revenue": 307.4, "net_income": 73.8, "assets": 402.4},
    "MSFT": {"name": "Microsoft Corp.", "price": 374.6, "revenue": 211.9, "net_income": 72.4, "assets": 411.9},
    "AMZN": {"name": "Amazon.com Inc.", "price": 151.9, "revenue": 574.8, "net_income": 30.4, "assets": 527.9},
    "NVDA": {"name": "NVIDIA Corp.", "price": 495.2, "revenue": 60.9, "net_income": 29.8, "assets": 65.7},
}


class SymbolNotFoundError(LookupError):
    """The (mock) data provider has no data for this symbol."""


def _figures(symbol: str) -> dict[str, Any]:
    """Known figures for the five demo symbols; stable made-up ones for any other symbol."""
    if symbol in _KNOWN:
        return _KNOWN[symbol]
    seed = zlib.crc32(symbol.encode())
    return {
        "name": f"{symbol.title()} Corp.",
        "price": round(10 + seed % 49000 / 100, 2),
        "revenue": round(1 + seed % 5000 / 10, 1),
        "net_income": round(seed % 900 / 10, 1),
        "assets": round(5 + seed % 7000 / 10, 1),
    }


def income_statement(symbol: str) -> dict[str, Any]:
    f = _figures(symbol)
    return {"symbol": symbol, "revenue_bn": f["revenue"], "net_income_bn": f["net_income"]}


def company_financials(symbol: str) -> dict[str, Any]:
    f = _figures(symbol)
    return {"symbol": symbol, "name": f["name"], "total_assets_bn": f["assets"]}


def stock_price(symbol: str) -> dict[str, Any]:
    """Get the latest stock price for a ticker symbol such as AAPL."""
    return {"symbol": symbol, "price_usd": _figures(symbol)["price"]}


class _FinancialTools:
    def __init__(
        self,
        latency: float = 0.1,
        fail_for: Collection[str] = (),
        timeline: Timeline | None = None,
        latencies: Mapping[str, float] | None = None,
    ) -> None:
        self.latency = latency
        self.latencies = dict(latencies or {})
        self.fail_for = set(fail_for)
        self.timeline = timeline
        self.calls: list[str] = []

    def latency_for(self, symbol: str) -> float:
        """The seconds a call for `symbol` takes: its own latency if it has one, else the tool's."""
        return self.latencies.get(symbol, self.latency)

    @contextmanager
    def _call(self, method: str, symbol: str) -> Iterator[None]:
        self.calls.append(f"{method}({symbol})")
        with self.timeline.span(f"{method}({symbol})") if self.timeline else nullcontext():
            yield

    def _check(self, symbol: str) -> None:
        if symbol in self.fail_for:
            raise SymbolNotFoundError(f"no data for symbol {symbol!r}")


class AsyncFinancialTools(_FinancialTools):
    """Awaitable financial data: each call waits `latency` seconds without blocking the event loop."""

    async def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        with self._call(method, symbol):
            await asyncio.sleep(self.latency_for(symbol))
            self._check(symbol)
            return data(symbol)

    async def get_income_statement(self, symbol: str) -> dict[str, Any]:
        return await self._fetch("income", symbol, income_statement)

    async def get_company_financials(self, symbol: str) -> dict[str, Any]:
        return await self._fetch("financials", symbol, company_financials)

    async def get_stock_price(self, symbol: str) -> dict[str, Any]:
        return await self._fetch("price", symbol, stock_price)


class SyncFinancialTools(_FinancialTools):
    """The same data behind blocking calls: each call sleeps `latency` seconds in the calling thread."""

    def _fetch(self, method: str, symbol: str, data: Any) -> dict[str, Any]:
        with self._call(method, symbol):
            time.sleep(self.latency_for(symbol))
            self._check(symbol)
            return data(symbol)

    def get_income_statement(self, symbol: str) -> dict[str, Any]:
        return self._fetch("income", symbol, income_statement)

    def get_company_financials(self, symbol: str) -> dict[str, Any]:
        return self._fetch("financials", symbol, company_financials)

    def get_stock_price(self, symbol: str) -> dict[str, Any]:
        return self._fetch("price", symbol, stock_price)


class LegacyReportTool(_FinancialTools):
    """A legacy, blocking-only client (think of an old SDK): it has no async form at all."""

    def blocking_method(self, symbol: str) -> dict[str, Any]:
        with self._call("legacy", symbol):
            time.sleep(self.latency_for(symbol))
            self._check(symbol)
            return {"symbol": symbol, "rating": "buy" if _figures(symbol)["net_income"] > 50 else "hold"}


def rating(symbol: str) -> str:
    """The legacy rating of a symbol: "buy" or "hold"."""
    return "buy" if _figures(symbol)["net_income"] > 50 else "hold"


class LegacyRatingTool(_FinancialTools):
    """A legacy, blocking-only client that rates symbols one after another, `latency_for(symbol)` seconds each.

    ``ratings(symbols, stop)`` checks `stop` (a ``threading.Event``) before each symbol and, once it is set,
    returns what it has rated so far. It notes when it checked before each symbol (`checks`: the symbol, the
    ``time.perf_counter()`` reading, whether it went on), so that a test can tell when the work stopped.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.checks: list[tuple[str, float, bool]] = []
        self._lock = threading.Lock()
        self.running = 0  # calls in progress, in any thread

    def ratings(self, symbols: list[str], stop: threading.Event | None = None) -> dict[str, str]:
        rated: dict[str, str] = {}
        with self._lock:
            self.running += 1
        try:
            for symbol in symbols:
                checked = time.perf_counter()  # read before the flag: a later reading sees any earlier set()
                go_on = stop is None or not stop.is_set()
                self.checks.append((symbol, checked, go_on))
                if not go_on:
                    break
                with self._call("rating", symbol):
                    time.sleep(self.latency_for(symbol))
                    self._check(symbol)
                rated[symbol] = rating(symbol)
        finally:
            with self._lock:
                self.running -= 1
        return rated


@dataclass
class RiskModel:
    """A CPU-bound scorer: `score` computes and never waits, so it holds the GIL from its start to its end.

    A score is `rounds` steps of integer arithmetic seeded by the symbol and the model's `salt` (the default's
    million and a half rounds take about a fifth of a second). `calls` and `threads` note each call and the thread
    that made it, in the process that made it: a process pool's worker receives a copy of the model, and its notes
    stay there.
    """

    rounds: int = 1_500_000
    salt: int = 0
    calls: list[str] = field(default_factory=list)
    threads: list[int] = field(default_factory=list)

    def score(self, symbol: str) -> dict[str, Any]:
        self.calls.append(f"risk({symbol})")
        self.threads.append(threading.get_ident())
        x = zlib.crc32(symbol.encode()) ^ self.salt
        for _ in range(self.rounds):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        return {"symbol": symbol, "risk": x % 1000 / 10}
