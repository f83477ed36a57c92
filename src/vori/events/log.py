"""The event log interface. The embedded log and Kafka carry the same topics, keys, values and headers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Event:
    topic: str
    key: str
    value: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LoggedEvent:
    offset: int
    event: Event
    timestamp_ms: int


class EventLog(Protocol):
    def publish(self, events: list[Event]) -> None:
        """Append events durably; returns only when every one of them is stored."""
        ...

    def read(self, topic: str, offset: int, max_events: int = 1000) -> list[LoggedEvent]:
        ...

    def close(self) -> None:
        ...
