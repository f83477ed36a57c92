"""Consuming events: batches applied in one database transaction, idempotent by `eventId`, offsets
committed only after the effect is durable, and poison messages sent to `<topic>.dlq`."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vori.core.db import Database, utcnow
from vori.events.embedded import EmbeddedEventLog
from vori.events.log import Event, EventLog
from vori.events.models import ConsumerOffset, ProcessedEvent

if TYPE_CHECKING:
    from vori.core.settings import Settings

log = logging.getLogger(__name__)


class InvalidEvent(ValueError):
    """The message can never be applied (not JSON, wrong shape): it goes to the dead-letter topic."""


@dataclass
class Message:
    topic: str
    key: str
    value: bytes
    headers: dict[str, str]
    offset: int
    partition: int = 0
    payload: dict[str, Any] = field(default_factory=dict)

    @property
    def event_id(self) -> str:
        return self.headers.get("eventId", "")


class EventHandler(Protocol):
    group: str
    topic: str

    def validate(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload, checked; raises InvalidEvent."""
        ...

    def apply(self, session: Session, payloads: list[dict[str, Any]]) -> None:
        """Apply new (never applied before) events; only flush, the runner commits."""
        ...


class EventSource(Protocol):
    def poll(self, max_messages: int, timeout_s: float) -> list[Message]: ...

    def stage(self, session: Session, messages: list[Message]) -> None:
        """Record consumed positions inside the effect's transaction (where the log allows it)."""
        ...

    def commit(self, messages: list[Message]) -> None:
        """Commit consumed positions after the effect committed."""
        ...

    def close(self) -> None: ...


class KafkaSource:
    def __init__(self, bootstrap: str, group: str, topic: str, topic_prefix: str = "", instance: str = "") -> None:
        from confluent_kafka import Consumer

        self.topic_prefix = topic_prefix
        config: dict[str, object] = {
            "bootstrap.servers": bootstrap, "group.id": topic_prefix + group, "enable.auto.commit": False,
            "auto.offset.reset": "earliest", "enable.partition.eof": False,
            "session.timeout.ms": 10000, "heartbeat.interval.ms": 1000,
            "topic.metadata.refresh.interval.ms": 2000,
        }
        if instance:
            # Static membership: a worker restarted after a crash takes its partitions back at once instead
            # of waiting for the dead member's session to time out.
            config["group.instance.id"] = f"{group}-{instance}"
        self._consumer = Consumer(config)
        self._consumer.subscribe([topic_prefix + topic])

    def poll(self, max_messages: int, timeout_s: float) -> list[Message]:
        # A short wait: low latency at low rates; under load the batch fills before the wait ends.
        out = []
        for raw in self._consumer.consume(max_messages, timeout=min(timeout_s, 0.02)):
            if raw.error():
                log.warning("kafka: %s", raw.error())
                continue
            out.append(Message(str(raw.topic())[len(self.topic_prefix):], _text(raw.key()), _bytes(raw.value()),
                               {str(k): _text(v) for k, v in list(raw.headers() or [])},
                               int(raw.offset() or 0), int(raw.partition() or 0)))
        return out

    def stage(self, session: Session, messages: list[Message]) -> None:
        return None

    def commit(self, messages: list[Message]) -> None:
        if messages:
            self._consumer.commit(asynchronous=False)

    def close(self) -> None:
        self._consumer.close()


def _bytes(value: str | bytes | None) -> bytes:
    return value.encode() if isinstance(value, str) else (value or b"")


def _text(value: str | bytes | None) -> str:
    return _bytes(value).decode(errors="replace")


class EmbeddedSource:
    """The embedded log has no broker: offsets live in the database, committed with the effect (exactly once)."""

    def __init__(self, event_log: EmbeddedEventLog, db: Database, group: str, topic: str) -> None:
        self.event_log, self.db, self.group, self.topic = event_log, db, group, topic

    def poll(self, max_messages: int, timeout_s: float) -> list[Message]:
        with self.db.session() as session:
            row = session.get(ConsumerOffset, (self.group, self.topic))
            offset = row.next_offset if row else 0
        records = self.event_log.read(self.topic, offset, max_messages)
        if not records:
            time.sleep(min(timeout_s, 0.01))
        return [Message(self.topic, r.event.key, json.dumps(r.event.value).encode(), r.event.headers, r.offset)
                for r in records]

    def stage(self, session: Session, messages: list[Message]) -> None:
        if not messages:
            return
        row = session.get(ConsumerOffset, (self.group, self.topic), with_for_update=True)
        if row is None:
            session.add(ConsumerOffset(consumer_group=self.group, topic=self.topic,
                                       next_offset=messages[-1].offset + 1))
        else:
            session.execute(update(ConsumerOffset).where(ConsumerOffset.consumer_group == self.group,
                                                         ConsumerOffset.topic == self.topic)
                            .values(next_offset=messages[-1].offset + 1))

    def commit(self, messages: list[Message]) -> None:
        return None

    def close(self) -> None:
        return None


class ConsumerRunner:
    def __init__(self, db: Database, source: EventSource, handler: EventHandler, dlq: EventLog,
                 batch_size: int = 500, after_commit: Callable[[], None] | None = None) -> None:
        self.db, self.source, self.handler, self.dlq = db, source, handler, dlq
        self.batch_size = batch_size
        # Called after a batch's effect committed (the server wakes its outbox relay with it).
        self.after_commit = after_commit
        self.stop_event = threading.Event()
        self.applied = 0

    def run_once(self, timeout_s: float = 0.2) -> int:
        """One batch: returns how many messages were consumed."""
        messages = self.source.poll(self.batch_size, timeout_s)
        if not messages:
            return 0
        good, poison = self._sort(messages)
        try:
            self.applied += self._apply(good, messages)
        except IntegrityError:
            # One event the database refuses (say, for a meeting it does not know) must not block the rest:
            # apply the batch one event at a time and dead-letter the ones refused.
            for message in messages:
                try:
                    self.applied += self._apply([message] if message in good else [], [message])
                except IntegrityError as exc:
                    poison.append(dead_letter(message, f"refused by the database: {exc.orig}"))
                    self._apply([], [message])
        if poison:
            self.dlq.publish(poison)
        self.source.commit(messages)
        if self.after_commit is not None:
            self.after_commit()
        return len(messages)

    def _apply(self, good: list[Message], consumed: list[Message]) -> int:
        """Claim and apply `good` and record `consumed` as consumed, in one transaction."""
        with self.db.session() as session:
            fresh = self._claim(session, good)
            if fresh:
                self.handler.apply(session, [m.payload for m in fresh])
                session.flush()
            self.source.stage(session, consumed)
        return len(fresh)

    def _sort(self, messages: list[Message]) -> tuple[list[Message], list[Event]]:
        good: list[Message] = []
        poison: list[Event] = []
        for message in messages:
            try:
                if not message.event_id:
                    raise InvalidEvent("no eventId header")
                try:
                    payload = json.loads(message.value)
                except ValueError as exc:
                    raise InvalidEvent(f"not JSON: {exc}") from None
                if not isinstance(payload, dict):
                    raise InvalidEvent("not a JSON object")
                message.payload = self.handler.validate(payload)
                good.append(message)
            except InvalidEvent as exc:
                log.warning("dead-lettering %s@%s/%s: %s", message.topic, message.partition, message.offset, exc)
                poison.append(dead_letter(message, str(exc)))
        return good, poison

    def _claim(self, session: Session, messages: list[Message]) -> list[Message]:
        """Record the batch's events as processed; returns the messages never processed before (one statement:
        INSERT … ON CONFLICT DO NOTHING RETURNING, in the transaction of the effect)."""
        if not messages:
            return []
        insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
        now = utcnow()
        rows = [{"consumer_group": self.handler.group, "event_id": event_id, "processed_at": now}
                for event_id in dict.fromkeys(m.event_id for m in messages)]
        statement = insert(ProcessedEvent).values(rows).on_conflict_do_nothing().returning(ProcessedEvent.event_id)
        new = set(session.scalars(statement))
        fresh: list[Message] = []
        for message in messages:
            if message.event_id in new:
                new.discard(message.event_id)
                fresh.append(message)
        return fresh

    def run(self, idle_s: float = 0.2) -> None:
        while not self.stop_event.is_set():
            try:
                self.run_once(idle_s)
            except Exception:  # the database or the log is down: nothing was committed; try again
                log.exception("consumer %s failed a batch; retrying", self.handler.group)
                self.stop_event.wait(1.0)
        self.source.close()


def dead_letter(message: Message, error: str) -> Event:
    value = {"topic": message.topic, "partition": message.partition, "offset": message.offset,
             "key": message.key, "value": message.value.decode(errors="replace"), "error": error}
    return Event(f"{message.topic}.dlq", message.key, value, {**message.headers, "error": error[:500]})


def make_source(settings: Settings, event_log: EventLog, db: Database, handler: EventHandler) -> EventSource:
    """Where a consumer reads: its Kafka consumer group, or the embedded log with offsets in the database."""
    if settings.event_log == "kafka":
        return KafkaSource(settings.kafka_bootstrap, handler.group, handler.topic, settings.topic_prefix,
                           settings.worker_id)
    if not isinstance(event_log, EmbeddedEventLog):
        raise TypeError(f"no consumer source for event log {settings.event_log!r}")
    return EmbeddedSource(event_log, db, handler.group, handler.topic)
