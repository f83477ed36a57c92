"""The Kafka event log against a real single-node broker (scripts/services up)."""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid

import pytest

from vori.events.kafka import KafkaEventLog
from vori.events.log import Event
from vori.testing.speech import Speech
from vori.transcription.client import stream_audio

BOOTSTRAP = os.environ.get("VORI_TEST_KAFKA_BOOTSTRAP")
pytestmark = [pytest.mark.kafka,
              pytest.mark.skipif(not BOOTSTRAP, reason="needs a Kafka broker: scripts/services up (scripts/test does)")]

DOCUMENTED = {"meetingId", "groupId", "segmentId", "seq", "text", "startMs", "endMs", "speaker", "language",
              "createdAt"}


def consume(topic: str, want: int, key: str | None = None, timeout_s: float = 30.0) -> list:  # type: ignore[type-arg]
    """A plain Kafka consumer, not VORI's code: reads `topic` from the beginning in a new consumer group."""
    from confluent_kafka import Consumer

    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": f"test-{uuid.uuid4()}",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([topic])
    messages = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(messages) < want and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None or message.error():
                continue
            if key is None or message.key() == key.encode():
                messages.append(message)
    finally:
        consumer.close()
    return messages


def test_events_reach_a_plain_consumer_with_key_headers_and_value() -> None:
    assert BOOTSTRAP
    topic = f"test.events.{uuid.uuid4().hex[:8]}"
    log = KafkaEventLog(BOOTSTRAP)
    events = [Event(topic, f"meeting-{i % 2}", {"n": i, "text": "로그인 페이지"}, {"eventId": str(i),
                    "eventType": "test", "schemaVersion": "1"}) for i in range(6)]
    log.publish(events)
    log.close()
    messages = consume(topic, 6)
    assert len(messages) == 6
    for key in ("meeting-0", "meeting-1"):
        values = [json.loads(m.value()) for m in messages if m.key() == key.encode()]
        assert [v["n"] for v in values] == sorted(v["n"] for v in values)  # one key, one partition, in order
    first = next(m for m in messages if json.loads(m.value())["n"] == 0)
    assert {k: v.decode() for k, v in first.headers()} == {"eventId": "0", "eventType": "test",
                                                                "schemaVersion": "1"}
    assert json.loads(first.value())["text"] == "로그인 페이지"


def test_live_transcription_is_published_to_kafka(make_server, standup: Speech) -> None:
    assert BOOTSTRAP
    server = make_server(env={"VORI_EVENT_LOG": "kafka", "VORI_KAFKA_BOOTSTRAP": BOOTSTRAP})
    meeting = server.create_meeting()
    run = asyncio.run(stream_audio(server.ws_url(meeting), standup.pcm16(), realtime=False))
    finals = {f["segmentId"]: f for f in run.of("final")}
    assert finals

    messages = consume("transcription.completed", len(finals), key=meeting)
    values = [json.loads(m.value()) for m in messages]
    assert {v["segmentId"] for v in values} == set(finals)
    assert all(set(v) == DOCUMENTED for v in values)
    assert [v["seq"] for v in values] == sorted(v["seq"] for v in values)
    headers = {k: v.decode() for k, v in messages[0].headers()}
    assert headers["eventType"] == "transcription.completed" and headers["schemaVersion"] == "1"
    assert all(v["text"] == finals[v["segmentId"]]["text"] for v in values)
