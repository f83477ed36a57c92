"""Apache Kafka as the event log: the same topics, keys, values and headers as the embedded log."""

from __future__ import annotations

import json
import threading
from typing import Any

from vori.events.log import Event, LoggedEvent


class KafkaError(RuntimeError):
    pass


class KafkaEventLog:
    """An idempotent producer with `acks=all`: `publish` returns only when the broker has every event."""

    def __init__(self, bootstrap: str, client_id: str = "vori", timeout_s: float = 30.0, topic_prefix: str = "") -> None:
        from confluent_kafka import Producer

        self.bootstrap = bootstrap
        self.topic_prefix = topic_prefix
        self.timeout_s = timeout_s
        self._producer = Producer({
            "bootstrap.servers": bootstrap,
            "client.id": client_id,
            "enable.idempotence": True,
            "acks": "all",
            "linger.ms": 5,
            "compression.type": "lz4",
            "message.timeout.ms": int(timeout_s * 1000),
        })
        self._lock = threading.Lock()

    def publish(self, events: list[Event]) -> None:
        errors: list[str] = []

        def delivered(err: Any, _msg: Any) -> None:
            if err is not None:
                errors.append(str(err))

        with self._lock:
            for event in events:
                self._produce(event, delivered)
            remaining = self._producer.flush(self.timeout_s)
        if errors or remaining:
            raise KafkaError(f"{len(errors) + remaining} event(s) not acknowledged by Kafka: {errors[:3]}")

    def _produce(self, event: Event, on_delivery: Any) -> None:
        value = json.dumps(event.value, ensure_ascii=False, separators=(",", ":")).encode()
        headers: list[tuple[str, str | bytes | None]] = [(k, v.encode()) for k, v in event.headers.items()]
        while True:
            try:
                self._producer.produce(self.topic_prefix + event.topic, value=value, key=event.key.encode(), headers=headers,
                                       on_delivery=on_delivery)
                return
            except BufferError:  # the local queue is full: let deliveries drain, then retry
                self._producer.poll(0.1)

    def read(self, topic: str, offset: int, max_events: int = 1000) -> list[LoggedEvent]:
        """Events of partition 0 from `offset` (tools and tests; services consume with consumer groups)."""
        from confluent_kafka import Consumer, TopicPartition

        consumer = Consumer({"bootstrap.servers": self.bootstrap, "group.id": "vori-reader",
                             "enable.auto.commit": False})
        try:
            consumer.assign([TopicPartition(self.topic_prefix + topic, 0, offset)])
            out: list[LoggedEvent] = []
            for message in consumer.consume(max_events, timeout=2.0):
                if message.error():
                    continue
                out.append(logged_event(message))
            return out
        finally:
            consumer.close()

    def close(self) -> None:
        self._producer.flush(self.timeout_s)


def logged_event(message: Any) -> LoggedEvent:
    headers = {k: v.decode() for k, v in (message.headers() or [])}
    value = json.loads(message.value())
    event = Event(message.topic(), (message.key() or b"").decode(), value, headers)
    return LoggedEvent(message.offset(), event, message.timestamp()[1])
