"""The live status detector as the consumer runs it: a final segment in, moves or suggestions out, in one
transaction with their events (real database: SQLite, or PostgreSQL in the second pass)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from support import database_url_for

from vori.core.db import Database
from vori.core.settings import ExtractionSettings
from vori.events.consumer import InvalidEvent
from vori.events.models import OutboxEvent
from vori.extraction.detector import StatusDetector
from vori.groups.models import LOCAL_GROUP_ID
from vori.groups.service import ensure_local_group
from vori.meetings.models import Meeting
from vori.migrations.runner import upgrade_to_head
from vori.tickets.models import Ticket, TicketEvent, TicketSuggestion
from vori.tickets.service import fingerprint


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    url = database_url_for(tmp_path)
    upgrade_to_head(url)
    database = Database(url)
    with database.session() as session:
        ensure_local_group(session)
    yield database
    database.dispose()


def _meeting(db: Database, language: str = "en") -> str:
    with db.session() as session:
        meeting = Meeting(group_id=LOCAL_GROUP_ID, title="stand-up", language=language)
        session.add(meeting)
        session.flush()
        return meeting.id


def _ticket(db: Database, title: str, status: str) -> str:
    with db.session() as session:
        ticket = Ticket(group_id=LOCAL_GROUP_ID, title=title, content="", status=status,
                        fingerprint=fingerprint(title))
        session.add(ticket)
        session.flush()
        return ticket.id


def _segment(meeting_id: str, seq: int, text: str) -> dict[str, Any]:
    return {"meetingId": meeting_id, "groupId": LOCAL_GROUP_ID, "segmentId": str(uuid.uuid4()), "seq": seq,
            "text": text, "startMs": seq * 3000, "endMs": seq * 3000 + 2500, "speaker": None, "language": "en",
            "createdAt": datetime.now(UTC)}


def _hear(db: Database, detector: StatusDetector, *payloads: dict[str, Any]) -> None:
    with db.session() as session:
        detector.apply(session, [detector.validate(p) for p in payloads])


def test_a_spoken_status_moves_the_ticket_with_its_evidence(db: Database) -> None:
    meeting = _meeting(db)
    login = _ticket(db, "Frontend login page", "IN_PROGRESS")
    other = _ticket(db, "Password reset email flow", "TODO")
    detector = StatusDetector(ExtractionSettings())
    said = _segment(meeting, 1, "The login screen is finished, I merged it last night.")
    _hear(db, detector, said)
    with db.session() as session:
        assert session.get(Ticket, login).status == "DONE"
        assert session.get(Ticket, other).status == "TODO"
        event = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == login)).one()
        assert (event.from_status, event.to_status, event.cause) == ("IN_PROGRESS", "DONE", "speech")
        assert event.segment_id == said["segmentId"] and "login screen" in event.quote
        assert event.meeting_id == meeting and event.confidence >= 0.75
        published = session.scalars(select(OutboxEvent).where(OutboxEvent.topic == "ticket.updated")).one()
        assert published.payload["ticketId"] == login and published.payload["evidence"]["quote"] == event.quote


def test_repeating_a_status_or_going_backwards_changes_nothing(db: Database) -> None:
    meeting = _meeting(db)
    login = _ticket(db, "Frontend login page", "IN_PROGRESS")
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(meeting, 1, "The login page is done."))
    _hear(db, detector, _segment(meeting, 2, "Yes, the login page is done."),
          _segment(meeting, 3, "I started on the login page again."))
    with db.session() as session:
        assert session.get(Ticket, login).status == "DONE"
        assert len(session.scalars(select(TicketEvent)).all()) == 1


def test_it_refers_to_the_ticket_just_talked_about(db: Database) -> None:
    meeting = _meeting(db)
    reset = _ticket(db, "Password reset email flow", "TODO")
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(meeting, 1, "Is the password reset email done?"))
    _hear(db, detector, _segment(meeting, 2, "Yes, it's done, QA signed off."))
    with db.session() as session:
        assert session.get(Ticket, reset).status == "DONE"


def test_a_loose_match_is_a_suggestion_not_a_move(db: Database) -> None:
    meeting = _meeting(db)
    charts = _ticket(db, "Billing dashboard charts", "TODO")
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(meeting, 1, "Billing is done."))
    _hear(db, detector, _segment(meeting, 2, "Billing is done, as I said."))
    with db.session() as session:
        assert session.get(Ticket, charts).status == "TODO"
        suggestion = session.scalars(select(TicketSuggestion)).one()  # said twice: suggested once
        assert (suggestion.ticket_id, suggestion.to_status, suggestion.state) == (charts, "DONE", "pending")
        assert 0.5 <= suggestion.confidence < 0.75
        assert session.scalars(select(OutboxEvent.topic).where(OutboxEvent.topic == "ticket.suggested")).one()


def test_korean_status(db: Database) -> None:
    meeting = _meeting(db, "ko")
    login = _ticket(db, "로그인 페이지 구현", "IN_PROGRESS")
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(meeting, 1, "로그인 페이지 구현이 완료되었습니다."))
    with db.session() as session:
        assert session.get(Ticket, login).status == "DONE"


def test_chit_chat_and_other_groups_tickets_are_left_alone(db: Database) -> None:
    meeting = _meeting(db)
    with db.session() as session:
        from vori.groups.models import Group

        session.add(Group(id="other-group", name="Other team"))
    with db.session() as session:
        session.add(Ticket(id="theirs", group_id="other-group", title="Frontend login page", content="",
                           status="IN_PROGRESS", fingerprint="frontend login page"))
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(meeting, 1, "I finally finished that book over the weekend."),
          _segment(meeting, 2, "The login page is done."))
    with db.session() as session:
        assert session.get(Ticket, "theirs").status == "IN_PROGRESS"
        assert session.scalars(select(TicketEvent)).all() == []


@pytest.mark.parametrize("payload", [
    {"meetingId": "m"},
    {"meetingId": "m", "groupId": "g", "segmentId": "s", "seq": 0, "text": "x", "startMs": 0, "endMs": 1,
     "speaker": None, "language": "en", "createdAt": "2026-01-01T00:00:00Z"},
    {"meetingId": "m", "groupId": "g", "segmentId": "s", "seq": 1, "text": 5, "startMs": 0, "endMs": 1,
     "speaker": None, "language": "en", "createdAt": "2026-01-01T00:00:00Z", "extra": True},
])
def test_malformed_events_are_refused_for_the_dead_letter_topic(payload: dict[str, Any]) -> None:
    with pytest.raises(InvalidEvent):
        StatusDetector(ExtractionSettings()).validate(payload)


def test_a_segment_of_an_unknown_meeting_is_skipped(db: Database) -> None:
    detector = StatusDetector(ExtractionSettings())
    _hear(db, detector, _segment(str(uuid.uuid4()), 1, "The login page is done."))
    with db.session() as session:
        assert session.scalars(select(TicketEvent)).all() == []
