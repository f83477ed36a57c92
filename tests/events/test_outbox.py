from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from support import database_url_for

from vori.core.db import Database
from vori.events.embedded import EmbeddedEventLog
from vori.events.models import OutboxEvent
from vori.events.outbox import OutboxRelay, add_event
from vori.migrations.runner import upgrade_to_head


def database(tmp_path: Path) -> Database:
    url = database_url_for(tmp_path)
    upgrade_to_head(url)
    return Database(url)


def test_event_is_published_only_if_its_transaction_commits(tmp_path: Path) -> None:
    db = database(tmp_path)
    with db.session() as session:
        add_event(session, "meeting.ended", "m1", "meeting.ended", {"meetingId": "m1"})
    try:
        with db.session() as session:
            add_event(session, "meeting.ended", "m2", "meeting.ended", {"meetingId": "m2"})
            raise RuntimeError("the business write failed")
    except RuntimeError:
        pass
    log = EmbeddedEventLog(tmp_path / "events")
    assert OutboxRelay(db, log).relay_pending() == 1
    records = log.read("meeting.ended", 0)
    assert [r.event.value["meetingId"] for r in records] == ["m1"]
    headers = records[0].event.headers
    assert headers["eventType"] == "meeting.ended" and headers["schemaVersion"] == "1" and headers["eventId"]


def test_a_new_relay_publishes_what_a_crashed_one_left_pending(tmp_path: Path) -> None:
    db = database(tmp_path)
    with db.session() as session:
        for i in range(1200):
            add_event(session, "transcription.completed", "m", "transcription.completed", {"seq": i})
    # The process died before any relay ran: a fresh relay (after restart) drains everything, in order.
    log = EmbeddedEventLog(tmp_path / "events")
    assert OutboxRelay(db, log, batch_size=500).relay_pending() == 1200
    assert [r.event.value["seq"] for r in log.read("transcription.completed", 0, 5000)] == list(range(1200))
    with db.session() as session:
        pending = session.scalar(select(func.count()).where(OutboxEvent.published_at.is_(None)))
    assert pending == 0
    assert OutboxRelay(db, log).relay_pending() == 0
