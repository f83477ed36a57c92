"""The consumer runner on the embedded log and a real database: idempotent, offsets with the effect, DLQ."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import func, select
from support import database_url_for

from vori.core.db import Database, utcnow
from vori.events.consumer import ConsumerRunner, EmbeddedSource
from vori.events.embedded import EmbeddedEventLog
from vori.events.log import Event
from vori.events.models import ConsumerOffset
from vori.groups.service import ensure_local_group
from vori.meetings.models import Meeting, TranscriptSegment
from vori.migrations.runner import upgrade_to_head
from vori.transcription.consumers import SegmentWriter


def setup(tmp_path: Path) -> tuple[Database, EmbeddedEventLog, str]:
    url = database_url_for(tmp_path)
    upgrade_to_head(url)
    db = Database(url)
    with db.session() as session:
        group = ensure_local_group(session)
        meeting = Meeting(group_id=group.id, title="t", language="en")
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id
    return db, EmbeddedEventLog(tmp_path / "events"), meeting_id


def completed(meeting_id: str, seq: int, event_id: str | None = None) -> Event:
    value = {"meetingId": meeting_id, "groupId": "00000000-0000-0000-0000-000000000001",
             "segmentId": str(uuid.uuid4()), "seq": seq, "text": f"segment {seq}", "startMs": seq * 1000,
             "endMs": seq * 1000 + 500, "speaker": None, "language": "en", "createdAt": utcnow().isoformat()}
    return Event("transcription.completed", meeting_id, value, {"eventId": event_id or str(uuid.uuid4()),
                                                                "eventType": "transcription.completed"})


def segments(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(TranscriptSegment.seq).order_by(TranscriptSegment.seq)))


def runner(db: Database, log: EmbeddedEventLog) -> ConsumerRunner:
    handler = SegmentWriter()
    return ConsumerRunner(db, EmbeddedSource(log, db, handler.group, handler.topic), handler, log, batch_size=7)


def test_segments_are_stored_once_even_when_events_are_delivered_twice(tmp_path: Path) -> None:
    db, log, meeting = setup(tmp_path)
    events = [completed(meeting, seq) for seq in range(1, 21)]
    log.publish(events[:12])
    log.publish(events[8:])  # a relay that crashed before marking republishes the same events
    consumer = runner(db, log)
    while consumer.run_once(0.01):
        pass
    assert segments(db) == list(range(1, 21))
    # Offsets moved with the effect: a restarted consumer has nothing left to do.
    assert runner(db, log).run_once(0.01) == 0
    with db.session() as session:
        assert session.get(ConsumerOffset, ("vori-segment-writer", "transcription.completed")).next_offset == 24


def test_poison_messages_go_to_the_dead_letter_topic_and_consuming_goes_on(tmp_path: Path) -> None:
    db, log, meeting = setup(tmp_path)
    bad_shape = Event("transcription.completed", meeting, {"meetingId": meeting, "text": 42}, {"eventId": "x1"})
    no_id = Event("transcription.completed", meeting, completed(meeting, 3).value, {})
    log.publish([completed(meeting, 1), bad_shape, completed(meeting, 2), no_id])
    consumer = runner(db, log)
    while consumer.run_once(0.01):
        pass
    assert segments(db) == [1, 2]
    dead = log.read("transcription.completed.dlq", 0)
    assert [d.event.value["offset"] for d in dead] == [1, 3]
    assert "transcription.completed" in dead[0].event.value["error"] and dead[0].event.headers["eventId"] == "x1"
    assert dead[1].event.value["error"] == "no eventId header"
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TranscriptSegment)) == 2


def test_an_event_the_database_refuses_is_dead_lettered_alone(tmp_path: Path) -> None:
    db, log, meeting = setup(tmp_path)
    orphan = completed("no-such-meeting", 2)
    log.publish([completed(meeting, 1), orphan, completed(meeting, 3)])
    consumer = runner(db, log)
    while consumer.run_once(0.01):
        pass
    assert segments(db) == [1, 3]
    dead = log.read("transcription.completed.dlq", 0)
    assert len(dead) == 1 and dead[0].event.value["offset"] == 1
    assert dead[0].event.value["error"].startswith("refused by the database")
