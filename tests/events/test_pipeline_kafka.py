"""The scaled pipeline on a real broker, a real database and real processes:
`vori serve` → outbox → Kafka `transcription.completed` → `vori worker` → transcript_segments."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from support import WorkerProcess, database_url_for, wait_until

from vori.core.db import Database, utcnow
from vori.events.kafka import KafkaEventLog
from vori.events.log import Event
from vori.groups.service import ensure_local_group
from vori.meetings.models import Meeting, TranscriptSegment
from vori.migrations.runner import upgrade_to_head
from vori.testing.speech import Speech
from vori.transcription.client import stream_audio

BOOTSTRAP = os.environ.get("VORI_TEST_KAFKA_BOOTSTRAP")
pytestmark = [pytest.mark.kafka,
              pytest.mark.skipif(not BOOTSTRAP, reason="needs a Kafka broker: scripts/services up (scripts/test does)")]
SERVICES = Path(__file__).resolve().parents[2] / "scripts" / "services"


@pytest.fixture
def scaled(tmp_path: Path) -> dict[str, str]:
    """Settings of one isolated scaled deployment: its own database and its own topic prefix."""
    assert BOOTSTRAP
    return {"VORI_DATABASE_URL": database_url_for(tmp_path), "VORI_EVENT_LOG": "kafka",
            "VORI_KAFKA_BOOTSTRAP": BOOTSTRAP, "VORI_TOPIC_PREFIX": f"t{uuid.uuid4().hex[:8]}.",
            "VORI_SEGMENTS": "worker", "VORI_DATA_DIR": str(tmp_path / "data")}


@pytest.fixture
def workers(tmp_path: Path):  # type: ignore[no-untyped-def]
    started: list[WorkerProcess] = []

    def start(env: dict[str, str]) -> WorkerProcess:
        worker = WorkerProcess(env, tmp_path / f"worker-{len(started)}.log").start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def make_meeting(url: str) -> tuple[Database, str]:
    upgrade_to_head(url)
    db = Database(url)
    with db.session() as session:
        meeting = Meeting(group_id=ensure_local_group(session).id, title="load", language="en")
        session.add(meeting)
        session.flush()
        return db, meeting.id


def count_segments(db: Database, meeting_id: str) -> tuple[int, int]:
    with db.session() as session:
        query = select(func.count(), func.count(TranscriptSegment.id.distinct())).where(
            TranscriptSegment.meeting_id == meeting_id)
        total, distinct = session.execute(query).one()
        return int(total), int(distinct)


def completed_events(meeting_id: str, n: int) -> list[Event]:
    now = utcnow().isoformat()
    return [Event("transcription.completed", meeting_id, {
        "meetingId": meeting_id, "groupId": "00000000-0000-0000-0000-000000000001",
        "segmentId": str(uuid.uuid4()), "seq": seq, "text": f"segment {seq}", "startMs": seq, "endMs": seq + 1,
        "speaker": None, "language": "en", "createdAt": now}, {"eventId": str(uuid.uuid4()),
                                                              "eventType": "transcription.completed"})
        for seq in range(1, n + 1)]


def test_worker_killed_mid_batch_continues_from_committed_offsets(scaled, workers) -> None:
    db, meeting = make_meeting(scaled["VORI_DATABASE_URL"])
    n = 30000
    producer = KafkaEventLog(BOOTSTRAP or "", topic_prefix=scaled["VORI_TOPIC_PREFIX"])
    producer.publish(completed_events(meeting, n))
    producer.close()

    worker = workers(scaled)
    wait_until(lambda: count_segments(db, meeting)[0] > 0, timeout=60, interval=0.02)
    worker.kill()
    stored_at_kill = count_segments(db, meeting)[0]
    assert 0 < stored_at_kill < n, "the worker should have been killed in the middle of the stream"

    workers(scaled)
    wait_until(lambda: count_segments(db, meeting)[0] >= n, timeout=120)
    time.sleep(1.0)  # anything delivered twice would land now
    assert count_segments(db, meeting) == (n, n)
    with db.session() as session:
        seqs = session.scalars(select(TranscriptSegment.seq).where(TranscriptSegment.meeting_id == meeting))
        assert sorted(seqs) == list(range(1, n + 1))


def test_a_malformed_message_goes_to_the_dead_letter_topic(scaled, workers) -> None:
    from confluent_kafka import Consumer, Producer

    db, meeting = make_meeting(scaled["VORI_DATABASE_URL"])
    prefix = scaled["VORI_TOPIC_PREFIX"]
    raw = Producer({"bootstrap.servers": BOOTSTRAP})
    raw.produce(prefix + "transcription.completed", key=meeting.encode(), value=b"\xff not json",
                headers=[("eventId", b"poison-1")])
    raw.flush(10)
    good = KafkaEventLog(BOOTSTRAP or "", topic_prefix=prefix)
    good.publish(completed_events(meeting, 3))
    good.close()

    workers(scaled)
    wait_until(lambda: count_segments(db, meeting)[0] == 3, timeout=60)
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": f"dlq-{uuid.uuid4()}",
                         "auto.offset.reset": "earliest"})
    consumer.subscribe([prefix + "transcription.completed.dlq"])
    message = wait_until(lambda: (m := consumer.poll(0.5)) is not None and not m.error() and m, timeout=30)
    consumer.close()
    dead = json.loads(message.value())
    assert dead["value"].endswith("not json") and "not JSON" in dead["error"]
    assert dict(message.headers())["eventId"] == b"poison-1"


def transcript_ids(db: Database, meeting_id: str) -> list[str]:
    with db.session() as session:
        query = select(TranscriptSegment.id).where(TranscriptSegment.meeting_id == meeting_id)
        return list(session.scalars(query.order_by(TranscriptSegment.seq)))


def test_server_killed_between_commit_and_publish(scaled, workers, make_server, standup: Speech) -> None:
    workers(scaled)
    server = make_server(env={**scaled, "VORI_OUTBOX_RELAY": "false"}, data_dir=Path(scaled["VORI_DATA_DIR"]))
    meeting = server.create_meeting()
    run = asyncio.run(stream_audio(server.ws_url(meeting), standup.pcm16(), realtime=False))
    finals = [f["segmentId"] for f in run.of("final")]
    assert finals
    server.kill()  # the finals were committed with their outbox events, none was published
    db = Database(scaled["VORI_DATABASE_URL"])
    assert transcript_ids(db, meeting) == []
    with db.session() as session:
        # `stop` also ended the meeting (its meeting.ended event is pending too): count the finals' events.
        pending = session.execute(text("SELECT count(*) FROM outbox_events WHERE published_at IS NULL "
                                       "AND topic = 'transcription.completed'")).scalar()
    assert pending == len(finals)

    server.env["VORI_OUTBOX_RELAY"] = "true"
    server.start()
    assert wait_until(lambda: transcript_ids(db, meeting) == finals and True, timeout=60)


def test_broker_down_for_10_s_while_a_meeting_streams(scaled, workers, make_server, standup: Speech) -> None:
    workers(scaled)
    server = make_server(env=scaled, data_dir=Path(scaled["VORI_DATA_DIR"]))
    meeting = server.create_meeting()
    speech = Speech(__import__("numpy").concatenate([standup.audio, standup.audio]), standup.sentences * 2)
    result: dict[str, object] = {}

    def stream() -> None:
        result["run"] = asyncio.run(stream_audio(server.ws_url(meeting), speech.pcm16()))

    streaming = threading.Thread(target=stream)
    streaming.start()
    time.sleep(2.0)
    subprocess.run([str(SERVICES), "kafka-down"], check=True)
    try:
        time.sleep(10.0)
    finally:
        subprocess.run([str(SERVICES), "kafka-up"], check=True, capture_output=True)
    streaming.join(120)
    run = result["run"]
    finals = [f["segmentId"] for f in run.of("final")]  # type: ignore[attr-defined]
    assert len(finals) >= 4 and run.close_code == 1000  # type: ignore[attr-defined]
    db = Database(scaled["VORI_DATABASE_URL"])
    wait_until(lambda: len(transcript_ids(db, meeting)) >= len(finals), timeout=120)
    time.sleep(1.0)
    assert transcript_ids(db, meeting) == finals  # every acknowledged final, exactly once, in order


def test_the_worker_moves_a_ticket_from_what_was_said(scaled, workers, make_server, standup: Speech) -> None:
    """Scaled pipeline: `vori worker` reads `transcription.completed` from Kafka for status moves; the move
    and its event are stored once, and the server's board API shows it."""
    import httpx

    workers(scaled)
    server = make_server(env=scaled, data_dir=Path(scaled["VORI_DATA_DIR"]))
    http = httpx.Client(base_url=server.url, timeout=10)
    login = http.post("/api/tickets", json={"title": "Frontend login page", "status": "IN_PROGRESS"}).json()
    meeting = server.create_meeting()
    asyncio.run(stream_audio(server.ws_url(meeting), standup.pcm16(), realtime=False, stop=False))
    # The client leaves once its audio is durable; the server then transcribes what is left (on a busy machine
    # the finals come after the client has gone), so the sentence is looked for in the stored transcript.
    assert wait_until(lambda: "login" in http.get(f"/api/meetings/{meeting}/transcript").json()["text"].lower(),
                      timeout=60)
    assert wait_until(lambda: http.get(f"/api/tickets/{login['id']}").json()["status"] == "DONE", timeout=60)
    history = http.get(f"/api/tickets/{login['id']}/history").json()
    assert [(h["from"], h["to"], h["cause"], h["meetingId"]) for h in history[1:]] == [
        ("IN_PROGRESS", "DONE", "speech", meeting)]
