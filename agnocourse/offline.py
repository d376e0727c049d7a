"""An agno model that answers from a script, offline, so that real agents and workflows run without an LLM.

`OfflineModel` is a subclass of agno's own `Model`: agno builds the messages, runs tools, streams chunks
and fills `RunResponse` objects exactly as it would with a hosted model. Only the answer is scripted:

- ``reply=None`` echoes the prompt; a string is a fixed reply; a list of strings is a script used in
  order (shared by every run and every copy of the model); a function receives the prompt and returns
  the reply.
- ``tool_calls=[call("get_stock_price", symbol="AAPL")]`` makes the model ask agno to run those tools
  first; the model then answers the tools' results (joined by newlines) as its prompt.
- ``latency`` is spent once per model call before the first token (``time.sleep`` on sync paths,
  ``asyncio.sleep`` on async paths); ``chunk_delay`` between streamed chunks; ``chunk_words`` words
  make one chunk.
- ``model.record_calls(timeline)`` records every later call of the model (and of its copies) on a
  `Timeline`, as a span from the call's start to the end of its answer (its last chunk, when it streams).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from agno.agent import Agent
from agno.models.base import Model
from agno.models.message import Message
from agno.models.response import ModelResponse

from agnocourse import network
from agnocourse.timeline import Timeline
from agnocourse.versions import LEGACY_API

# The name promises offline: importing this module (every notebook's first cell does) turns agno telemetry
# off (agno reads it at run time) and refuses outbound connections from then on.
network.disable_telemetry()
network.install_guard()

Reply = str | Sequence[str] | Callable[[str], str] | None


@dataclass(frozen=True)
class ToolCall:
    """A tool call the offline model makes: the tool's name and its keyword arguments."""

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)


def call(name: str, **arguments: Any) -> ToolCall:
    """Script one tool call: ``call("get_stock_price", symbol="AAPL")``."""
    return ToolCall(name, arguments)


class ScriptExhaustedError(RuntimeError):
    """The model was asked for more replies than its script holds."""


class _Shared:
    """State every copy of one model shares (agno deep-copies models): the script position, a log, and where
    calls are recorded."""

    def __init__(self, replies: Sequence[str] | None) -> None:
        self.replies = list(replies) if replies is not None else None
        self.position = 0
        self.prompts: list[str] = []
        self.lock = threading.Lock()
        self.timeline: Timeline | None = None
        self.label = ""
        self.with_prompt = False

    def __deepcopy__(self, memo: dict[int, Any]) -> _Shared:
        return self

    def record(self, prompt: str) -> None:
        with self.lock:
            self.prompts.append(prompt)

    def next_reply(self) -> str:
        with self.lock:
            assert self.replies is not None
            if self.position >= len(self.replies):
                raise ScriptExhaustedError(
                    f"OfflineModel script exhausted: it holds {len(self.replies)} replies and all were used."
                )
            self.position += 1
            return self.replies[self.position - 1]


def iter_chunks(text: str, words_per_chunk: int = 1) -> Iterator[str]:
    """Text as streaming chunks of whole words, one at a time (as a real model streams); they join back to the text."""
    pending: list[str] = []
    end = 0
    for match in re.finditer(r"\s*\S+", text):
        if len(pending) == words_per_chunk:
            yield "".join(pending)
            pending = []
        pending.append(match.group())
        end = match.end()
    if not pending:
        yield text
        return
    pending[-1] += text[end:]
    yield "".join(pending)


def split_chunks(text: str, words_per_chunk: int = 1) -> list[str]:
    """All the chunks of `iter_chunks` at once."""
    return list(iter_chunks(text, words_per_chunk))


@dataclass
class OfflineModel(Model):
    """A scripted stand-in for an LLM: real agno machinery, deterministic answers, configurable latency."""

    id: str = "offline"
    name: str | None = "OfflineModel"
    provider: str | None = "agnocourse"
    reply: Reply = None
    tool_calls: Sequence[ToolCall] = ()
    latency: float = 0.0
    chunk_delay: float = 0.0
    chunk_words: int = 1
    _shared: _Shared = field(init=False, repr=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        script = self.reply if isinstance(self.reply, list | tuple) else None
        self._shared = _Shared(script)

    @property
    def prompts(self) -> list[str]:
        """Every prompt this model (and its copies) answered, in order."""
        return list(self._shared.prompts)

    def record_calls(self, timeline: Timeline, label: str = "model", *, with_prompt: bool = False) -> None:
        """Record every later call of this model and of its copies on `timeline`, as a span named `label` (or
        `label(prompt)`, with the prompt the call answers) from the call's start to the end of its answer."""
        self._shared.timeline, self._shared.label, self._shared.with_prompt = timeline, label, with_prompt

    @property
    def recorded(self) -> Timeline:
        """The timeline `record_calls` gave (empty when calls are not recorded)."""
        return self._shared.timeline or Timeline()

    def _call(self, messages: list[Message]) -> AbstractContextManager[None]:
        shared = self._shared
        if shared.timeline is None:
            return nullcontext()
        return shared.timeline.span(f"{shared.label}({self._prompt(messages)})" if shared.with_prompt else shared.label)

    # -- what to answer ------------------------------------------------------------------------------
    def _wants_tools(self, messages: list[Message]) -> bool:
        """Tool calls come first in a run: before any tool result follows the last user message."""
        if not self.tool_calls:
            return False
        for message in reversed(messages):
            if message.role == "tool":
                return False
            if message.role == "user":
                return True
        return True

    @staticmethod
    def _prompt(messages: list[Message]) -> str:
        """The last thing the model was told: the tool results of this turn, or the user's message."""
        results: list[str] = []
        for message in reversed(messages):
            if message.role == "tool":
                results.append(message.get_content_string())
                continue
            if results:
                return "\n".join(reversed(results))
            if message.role == "user":
                return message.get_content_string()
        return "\n".join(reversed(results))

    def _answer(self, messages: list[Message]) -> ModelResponse:
        if self._wants_tools(messages):
            return ModelResponse(role="assistant", tool_calls=self._tool_call_dicts())
        prompt = self._prompt(messages)
        self._shared.record(prompt)
        if self.reply is None:
            text = prompt
        elif isinstance(self.reply, str):
            text = self.reply
        elif callable(self.reply):
            text = self.reply(prompt)
        else:
            text = self._shared.next_reply()
        return ModelResponse(role="assistant", content=text)

    def _tool_call_dicts(self) -> list[dict[str, Any]]:
        return [
            {
                "id": f"call_{index}_{tool.name}",
                "type": "function",
                "function": {"name": tool.name, "arguments": json.dumps(tool.arguments)},
            }
            for index, tool in enumerate(self.tool_calls)
        ]

    def _deltas(self, answer: ModelResponse) -> Iterator[ModelResponse]:
        """The streamed deltas, made one at a time (so that streaming a long answer holds one chunk, not all)."""
        if answer.tool_calls:
            yield answer
            return
        for chunk in iter_chunks(answer.content or "", self.chunk_words):
            yield ModelResponse(role="assistant", content=chunk)

    # -- agno's four entry points ----------------------------------------------------------------------
    def invoke(self, messages: list[Message], *args: Any, **kwargs: Any) -> ModelResponse:
        with self._call(messages):
            time.sleep(self.latency)
            return self._answer(messages)

    async def ainvoke(self, messages: list[Message], *args: Any, **kwargs: Any) -> ModelResponse:
        with self._call(messages):
            await asyncio.sleep(self.latency)
            return self._answer(messages)

    def invoke_stream(self, messages: list[Message], *args: Any, **kwargs: Any) -> Iterator[ModelResponse]:
        with self._call(messages):
            time.sleep(self.latency)
            for index, delta in enumerate(self._deltas(self._answer(messages))):
                if index:
                    time.sleep(self.chunk_delay)
                yield delta

    async def ainvoke_stream(  # pyright: ignore[reportIncompatibleMethodOverride]
        self, messages: list[Message], *args: Any, **kwargs: Any
    ) -> AsyncIterator[ModelResponse]:
        with self._call(messages):
            await asyncio.sleep(self.latency)
            for index, delta in enumerate(self._deltas(self._answer(messages))):
                if index:
                    await asyncio.sleep(self.chunk_delay)
                yield delta

    # The provider's raw responses already are ModelResponse objects.
    def parse_provider_response(self, response: ModelResponse, **kwargs: Any) -> ModelResponse:
        return response

    def parse_provider_response_delta(self, response: ModelResponse) -> ModelResponse:
        return response

    # agno 2.0 and later call the same hooks by underscored names.
    _parse_provider_response = parse_provider_response
    _parse_provider_response_delta = parse_provider_response_delta


def offline_agent(
    name: str = "assistant",
    reply: Reply = None,
    *,
    tools: Sequence[Any] | None = None,
    tool_calls: Sequence[ToolCall] = (),
    latency: float = 0.0,
    chunk_delay: float = 0.0,
    chunk_words: int = 1,
    **agent_options: Any,
) -> Agent:
    """A real agno Agent on an OfflineModel, with telemetry off. Extra keywords go to `Agent`."""
    model = OfflineModel(
        reply=reply,
        tool_calls=tool_calls,
        latency=latency,
        chunk_delay=chunk_delay,
        chunk_words=chunk_words,
    )
    agent_options.setdefault("telemetry", False)
    if LEGACY_API:  # agno 2.0 folded monitoring into telemetry
        agent_options.setdefault("monitoring", False)
    return Agent(name=name, model=model, tools=list(tools) if tools else None, **agent_options)
