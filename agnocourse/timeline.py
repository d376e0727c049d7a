"""Record when work starts and ends, in threads and asyncio tasks alike, and draw it as a Gantt chart.

Wrap work in ``with timeline.span("income"): ...`` (or decorate it with ``@timeline.record()``), then read
``timeline.wall_time`` and ``timeline.peak_concurrency`` or draw ``timeline.plot()``.

Figures have a fixed size (width, dots per inch, a height set by the number of rows), and `save` writes them
without a date or random ids, so drawing the same spans twice gives the same bytes.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

WIDTH = 7.0  # inches
DPI = 100
# matplotlib stamps SVG and PDF files with the time of saving, and names SVG clip paths with random ids.
UNDATED = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}
SVG_HASH_SALT = "agnocourse"  # makes SVG ids a function of the figure's content


@dataclass(frozen=True)
class Span:
    """One piece of work: its label, start and end in seconds since the timeline began, and where it ran."""

    label: str
    start: float
    end: float
    thread: str
    task: str | None

    @property
    def duration(self) -> float:
        return self.end - self.start


def spans_in_words(spans: Iterable[Span], since: float | None = None) -> str:
    """The spans by start, each from `since` (the first start by default): `price(NVDA) 0.00-0.30 s, ...`."""
    ordered = sorted(spans, key=lambda span: span.start)
    first = (ordered[0].start if ordered else 0.0) if since is None else since
    return ", ".join(f"{s.label} {s.start - first:.2f}-{s.end - first:.2f} s" for s in ordered)


def _current_task_name() -> str | None:
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no running event loop in this thread
        return None
    return task.get_name() if task is not None else None


class Timeline:
    """A thread-safe recorder of spans with a shared clock."""

    def __init__(self, origin: float | None = None) -> None:
        """`origin`: the `time.perf_counter()` reading its moments count from (now, by default); timelines given one
        origin share a clock, so their spans compare."""
        self._origin = time.perf_counter() if origin is None else origin
        self._lock = threading.Lock()
        self.spans: list[Span] = []

    def now(self) -> float:
        return time.perf_counter() - self._origin

    @contextmanager
    def span(self, label: str) -> Iterator[None]:
        """Record the time spent inside the block (works around sync code and inside `async def`)."""
        start = self.now()
        try:
            yield
        finally:
            end = self.now()
            span = Span(label, start, end, threading.current_thread().name, _current_task_name())
            with self._lock:
                self.spans.append(span)

    def add(self, label: str, start: float, end: float, thread: str = "") -> None:
        """Record a span measured from outside the work (`start` and `end` from `now()`): a call made in another
        process, say, from when it was handed over to when its result came back."""
        with self._lock:
            self.spans.append(Span(label, start, end, thread, None))

    def record(self, label: str | None = None) -> Callable[[F], F]:
        """Decorator: record every call of a function or coroutine function as a span."""

        def decorate(func: F) -> F:
            name = label or func.__name__
            if inspect.iscoroutinefunction(func):

                @functools.wraps(func)
                async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                    with self.span(name):
                        return await func(*args, **kwargs)

                return async_wrapper  # type: ignore[return-value]

            @functools.wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                with self.span(name):
                    return func(*args, **kwargs)

            return wrapper  # type: ignore[return-value]

        return decorate

    @property
    def wall_time(self) -> float:
        """From the first start to the last end."""
        if not self.spans:
            return 0.0
        return max(s.end for s in self.spans) - min(s.start for s in self.spans)

    @property
    def busy_time(self) -> float:
        """The sum of every span's duration: the wall time if nothing had overlapped."""
        return sum(s.duration for s in self.spans)

    @property
    def peak_concurrency(self) -> int:
        """The largest number of spans open at the same moment."""
        events = sorted([(s.start, 1) for s in self.spans] + [(s.end, -1) for s in self.spans])
        open_now = peak = 0
        for _, change in events:
            open_now += change
            peak = max(peak, open_now)
        return peak

    def labels(self) -> list[str]:
        """The distinct span labels, in the order they first appear."""
        return list(dict.fromkeys(s.label for s in self.spans))

    def rows(self, by_label: bool = False) -> int:
        """How many rows `plot` draws: one per span, or one per label with ``by_label=True``."""
        return len(self.labels()) if by_label else len(self.spans)

    def plot(self, title: str = "", ax: Any = None, *, by_label: bool = False) -> Any:
        """Draw one bar per span on a shared time axis; returns the matplotlib Figure.

        With ``by_label=True`` spans that share a label share a row (e.g. the ticks of a heartbeat task), each
        bar outlined so that adjacent spans stay distinguishable.
        On its own figure the default title gives the wall and busy times; inside another figure (``ax=``)
        only an explicit title is drawn, so the caller's titles do not collide with it.
        """
        import matplotlib.pyplot as plt

        standalone = ax is None
        if ax is None:
            fig, ax = plt.subplots(figsize=(WIDTH, 0.45 * max(self.rows(by_label), 2) + 1.0), dpi=DPI)
        else:
            fig = ax.figure
        origin = min((s.start for s in self.spans), default=0.0)
        labels = self.labels() if by_label else [s.label for s in self.spans]
        edges = {"edgecolor": "white", "linewidth": 1.0} if by_label else {}  # spans sharing a row stay apart
        for index, span in enumerate(self.spans):
            row = labels.index(span.label) if by_label else index
            ax.barh(row, span.duration, left=span.start - origin, height=0.6, color=f"C{row % 10}", **edges)
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlabel("seconds")
        if title or standalone:
            ax.set_title(title or f"wall time {self.wall_time:.2f} s, busy time {self.busy_time:.2f} s")
        ax.grid(axis="x", alpha=0.3)
        fig.tight_layout()
        return fig


def compare(timelines: dict[str, Timeline], title: str = "", *, by_label: bool = False) -> Any:
    """Several timelines stacked on one shared time axis, e.g. sequential against TaskGroup."""
    import matplotlib.pyplot as plt

    rows = [max(t.rows(by_label), 1) for t in timelines.values()]
    fig, axes = plt.subplots(
        len(timelines),
        1,
        sharex=True,
        figsize=(WIDTH, 0.4 * sum(rows) + 1.2 * len(rows)),
        dpi=DPI,
        squeeze=False,
        gridspec_kw={"height_ratios": rows},
    )
    for ax, (name, timeline) in zip(axes[:, 0], timelines.items(), strict=True):
        timeline.plot(ax=ax, by_label=by_label)
        ax.set_title(f"{name}: {timeline.wall_time:.2f} s", loc="left", fontsize=10)
        ax.set_xlabel("")
    axes[-1, 0].set_xlabel("seconds")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def save(fig: Any, target: Any, format: str = "png") -> None:
    """Write a figure (PNG, SVG or PDF) to a path or binary file, the same bytes for the same drawing."""
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
        fig.savefig(target, format=format, dpi=DPI, metadata=UNDATED.get(format, {}))
