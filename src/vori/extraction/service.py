"""The database side of the end-of-meeting flow: claiming a meeting, writing what was extracted in one
transaction, recording a failure with its DLQ event, and the retry. Services only flush; the caller commits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.core.errors import Conflict
from vori.events.outbox import add_event
from vori.extraction.assembly import Piece
from vori.extraction.detector import as_board
from vori.extraction.models import MeetingExtraction
from vori.extraction.schema import BoardTicket, Evidence, ExtractedTicket, Extraction
from vori.extraction.similarity import best_match
from vori.meetings.models import Meeting, MeetingState, TranscriptCursor, TranscriptSegment
from vori.meetings.service import get_meeting
from vori.minutes.service import ActionItem, write_minutes
from vori.tickets.models import Ticket
from vori.tickets.schemas import TicketCreate
from vori.tickets.service import TicketRef, change_status, create_ticket, fingerprint, tickets_to_match
from vori.tickets.status import ORDER, Cause, TicketStatus
from vori.tickets.suggestions import suggest_move

DLQ_TOPIC = "ticket.extraction.dlq"
DLQ_EVENT = "ticket.extraction.failed"

# An extracted ticket whose title is at least this similar to an open ticket of the group
# (vori.extraction.similarity, 0..1) is that ticket said again: linked (and moved forward), not twinned.
LINK_THRESHOLD = 0.8


class LostClaim(Exception):
    """Another process holds the meeting now (our lease ran out); whatever we computed is dropped."""


def _rowcount(result: Any) -> int:
    return cast(CursorResult[Any], result).rowcount


# --- finding and claiming work -------------------------------------------------------------------------


def transcript_complete(session: Session, meeting_id: str) -> bool:
    """Whether every final the ASR side produced is stored as a segment (a `vori worker` may still be
    writing them in the scaled deployment)."""
    cursor = session.get(TranscriptCursor, meeting_id)
    if cursor is None or cursor.last_seq == 0:
        return True
    stored = session.scalar(select(func.count()).select_from(TranscriptSegment).where(
        TranscriptSegment.meeting_id == meeting_id, TranscriptSegment.seq <= cursor.last_seq))
    return stored == cursor.last_seq


def due_meetings(session: Session, lease_s: float) -> list[str]:
    """Meetings to process: `ended` ones, and `processing` ones whose lease ran out (their process died)."""
    stale = utcnow() - timedelta(seconds=lease_s)
    ended = select(Meeting.id).where(Meeting.state == MeetingState.ENDED.value)
    abandoned = (
        select(Meeting.id)
        .outerjoin(MeetingExtraction, MeetingExtraction.meeting_id == Meeting.id)
        .where(Meeting.state == MeetingState.PROCESSING.value,
               or_(MeetingExtraction.meeting_id.is_(None), MeetingExtraction.heartbeat_at.is_(None),
                   MeetingExtraction.heartbeat_at < stale))
    )
    found = list(session.scalars(ended.order_by(Meeting.ended_at)))
    return found + [m for m in session.scalars(abandoned) if m not in found]


def claim(session: Session, meeting_id: str, token: str, provider: str, lease_s: float) -> bool:
    """Take the meeting for processing: `ended -> processing` only if it is still ended, or a `processing`
    meeting whose lease ran out. Two processes never both succeed."""
    if not transcript_complete(session, meeting_id):
        return False
    now = utcnow()
    taken = _rowcount(session.execute(
        update(Meeting).where(Meeting.id == meeting_id, Meeting.state == MeetingState.ENDED.value)
        .values(state=MeetingState.PROCESSING.value))) == 1
    row = session.get(MeetingExtraction, meeting_id)
    if not taken:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.state != MeetingState.PROCESSING.value:
            return False
        if row is not None:
            stale = now - timedelta(seconds=lease_s)
            taken = _rowcount(session.execute(
                update(MeetingExtraction).where(
                    MeetingExtraction.meeting_id == meeting_id,
                    or_(MeetingExtraction.heartbeat_at.is_(None), MeetingExtraction.heartbeat_at < stale))
                .values(claimed_by=token, heartbeat_at=now))) == 1
            if not taken:
                return False
    if row is None:
        group_id = get_meeting(session, meeting_id).group_id
        row = MeetingExtraction(meeting_id=meeting_id, group_id=group_id, runs=0)
    row.state, row.provider, row.attempts, row.runs = MeetingState.PROCESSING.value, provider, 0, row.runs + 1
    row.claimed_by, row.heartbeat_at, row.started_at, row.finished_at = token, now, now, None
    session.add(row)
    session.flush()
    return True


def heartbeat(session: Session, meeting_id: str, token: str) -> bool:
    """Renew the lease; False when another process took the meeting over."""
    return _rowcount(session.execute(
        update(MeetingExtraction).where(MeetingExtraction.meeting_id == meeting_id,
                                        MeetingExtraction.claimed_by == token)
        .values(heartbeat_at=utcnow()))) == 1


def _take(
    session: Session, meeting_id: str, token: str, state: MeetingState
) -> tuple[Meeting, MeetingExtraction]:
    """Finish our claim, as the first write of the transaction (so it also takes SQLite's write lock)."""
    finished = _rowcount(session.execute(
        update(MeetingExtraction).where(MeetingExtraction.meeting_id == meeting_id,
                                        MeetingExtraction.claimed_by == token)
        .values(claimed_by=None, state=state.value, finished_at=utcnow()))) == 1
    meeting = session.get(Meeting, meeting_id, with_for_update=True)
    if not finished or meeting is None or meeting.state != MeetingState.PROCESSING.value:
        raise LostClaim(meeting_id)
    row = session.get(MeetingExtraction, meeting_id)
    assert row is not None
    session.refresh(row)
    meeting.state = state.value
    return meeting, row


def release(session: Session, meeting_id: str, token: str) -> bool:
    """Give a meeting back (`processing -> ended`) on shutdown, so the next start takes it up at once."""
    try:
        _take(session, meeting_id, token, MeetingState.ENDED)
    except LostClaim:
        return False
    return True


# --- what the provider is asked --------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    meeting_id: str
    group_id: str
    title: str
    language: str
    segments: list[Piece]
    board: list[BoardTicket]


def load_job(session: Session, meeting_id: str) -> Job:
    meeting = get_meeting(session, meeting_id)
    rows = session.scalars(select(TranscriptSegment).where(TranscriptSegment.meeting_id == meeting_id)
                           .order_by(TranscriptSegment.seq))
    segments = [Piece(s.id, s.seq, s.start_ms, s.end_ms, s.text, s.speaker) for s in rows]
    return Job(meeting.id, meeting.group_id, meeting.title, meeting.language, segments,
               as_board(tickets_to_match(session, meeting.group_id, meeting.started_at or meeting.created_at)))


# --- writing the outcome ---------------------------------------------------------------------------------


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)  # moves heard, too unsure to make without a person
    rejected: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    chunks: int = 0

    def note_moved(self, ticket_id: str) -> None:
        if ticket_id not in self.moved:
            self.moved.append(ticket_id)

    def as_json(self) -> dict[str, Any]:
        return {"createdTicketIds": self.created, "linkedTicketIds": self.linked,
                "movedTicketIds": self.moved, "suggestedTicketIds": self.suggested, "rejected": self.rejected,
                "skipped": self.skipped,
                "chunks": self.chunks}


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def _first(evidence: list[Evidence]) -> Evidence:
    return evidence[0] if evidence else Evidence()


def _ahead(ticket: Ticket, target: TicketStatus) -> bool:
    return ORDER[target] > ORDER[TicketStatus(ticket.status)]


def _forward(session: Session, ticket: Ticket, target: TicketStatus, meeting: Meeting, evidence: Evidence,
             confidence: float) -> bool:
    """Move a ticket forward with cause extraction; a ticket already there (or further) is left alone."""
    if not _ahead(ticket, target):
        return False
    change_status(session, ticket.id, target, cause=Cause.EXTRACTION, meeting_id=meeting.id,
                  segment_id=evidence.segment_id, quote=evidence.quote or None, confidence=confidence)
    return True


def _place_ticket(session: Session, meeting: Meeting, item: ExtractedTicket, candidates: list[TicketRef],
                  report: Report) -> ActionItem | None:
    """Create the extracted ticket, or find it: made by this meeting before (same fingerprint) or an open
    ticket of the group that names the same work (then it is linked and moved forward)."""
    try:
        data = TicketCreate(title=item.title, content=item.content, status=item.status,
                            group_id=meeting.group_id, meeting_id=meeting.id, assignee=item.assignee)
    except ValidationError as exc:
        report.rejected.append({"item": _jsonable(item.spec()), "error": str(exc.errors()[0]["msg"])})
        return None
    own = session.scalars(select(Ticket).where(
        Ticket.group_id == meeting.group_id, Ticket.meeting_id == meeting.id,
        Ticket.fingerprint == fingerprint(data.title)).limit(1)).first()
    match = None if own is not None else best_match(data.title, [(t.id, t.title) for t in candidates],
                                                     LINK_THRESHOLD)
    if own is not None:
        ticket = own
        report.created.append(ticket.id)
    elif match is not None:
        ticket = session.get_one(Ticket, match.key)
        report.linked.append(ticket.id)
    else:
        ticket = create_ticket(session, data, cause=Cause.EXTRACTION)
        report.created.append(ticket.id)
        return ActionItem(ticket, True, item.evidence)
    if _forward(session, ticket, item.status, meeting, _first(item.evidence), item.confidence):
        report.note_moved(ticket.id)
    return ActionItem(ticket, own is not None, item.evidence)


def apply_extraction(session: Session, meeting_id: str, token: str, extraction: Extraction, attempts: int,
                     chunks: int, segments: list[Piece], move_confidence: float = 0.0) -> Report:
    """Everything found, in the caller's one transaction: tickets created or linked, board tickets moved,
    minutes written, the meeting `done`. A board move less sure than `move_confidence` becomes a suggestion a
    person confirms, as in a live meeting. Running it again for the same meeting creates nothing new."""
    meeting, row = _take(session, meeting_id, token, MeetingState.DONE)
    report = Report(chunks=chunks, rejected=[{"item": _jsonable(r.item), "error": r.error}
                                             for r in extraction.rejected])
    candidates = tickets_to_match(session, meeting.group_id, meeting.started_at or meeting.created_at)
    items = [item for extracted in extraction.tickets
             if (item := _place_ticket(session, meeting, extracted, candidates, report)) is not None]
    for status_update in extraction.status_updates:
        ticket = session.get(Ticket, status_update.ticket_id)
        if ticket is None or ticket.group_id != meeting.group_id:
            report.skipped.append({"ticketId": status_update.ticket_id,
                                   "reason": "no such ticket in the group"})
        elif status_update.confidence < move_confidence:
            if _ahead(ticket, status_update.to_status) and suggest_move(
                    session, ticket, status_update.to_status, meeting_id=meeting.id,
                    segment_id=status_update.evidence.segment_id, quote=status_update.evidence.quote or "",
                    confidence=status_update.confidence) is not None:
                report.suggested.append(ticket.id)
        elif _forward(session, ticket, status_update.to_status, meeting, status_update.evidence,
                      status_update.confidence):
            report.note_moved(ticket.id)
    write_minutes(session, meeting, segments, items, extraction.decisions, extraction.blockers)
    row.attempts, row.error, row.report = attempts, None, report.as_json()
    session.flush()
    return report


def record_failure(session: Session, meeting_id: str, token: str, provider: str, attempts: int,
                   error: str) -> dict[str, Any]:
    """The meeting is `failed` with its error, and the failure is staged on the DLQ topic, in one transaction.
    The transcript is not touched."""
    meeting, row = _take(session, meeting_id, token, MeetingState.FAILED)
    row.attempts, row.error, row.provider = attempts, error, provider
    payload = {"meetingId": meeting.id, "groupId": meeting.group_id, "provider": provider,
               "attempts": attempts, "error": error, "failedAt": (row.finished_at or utcnow()).isoformat()}
    add_event(session, DLQ_TOPIC, meeting.id, DLQ_EVENT, payload)
    session.flush()
    return payload


def retry(session: Session, meeting_id: str) -> Meeting:
    """A failed meeting goes back to `ended`, to be processed again."""
    meeting = get_meeting(session, meeting_id)
    moved = _rowcount(session.execute(
        update(Meeting).where(Meeting.id == meeting_id, Meeting.state == MeetingState.FAILED.value)
        .values(state=MeetingState.ENDED.value)))
    session.refresh(meeting)
    if not moved:
        raise Conflict(f"meeting {meeting_id} is {meeting.state}: only a failed meeting can be retried")
    session.execute(update(MeetingExtraction).where(MeetingExtraction.meeting_id == meeting_id)
                    .values(state=MeetingState.ENDED.value))
    return meeting


def get_extraction(session: Session, meeting_id: str) -> tuple[Meeting, MeetingExtraction | None]:
    meeting = get_meeting(session, meeting_id)
    return meeting, session.get(MeetingExtraction, meeting_id)

