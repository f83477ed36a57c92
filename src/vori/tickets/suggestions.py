"""Suggested status moves: heard in a meeting, matched below the confidence that moves a ticket by itself.

A suggestion is published (`ticket.suggested`) so the meeting page and the boards can show it; confirming
applies the move as speech with its evidence, dismissing drops it; both publish `ticket.suggestion.resolved`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.core.errors import Conflict, NotFound
from vori.events.outbox import add_event
from vori.tickets.models import Ticket, TicketSuggestion
from vori.tickets.service import change_status
from vori.tickets.status import Cause, TicketStatus

TICKET_SUGGESTED = "ticket.suggested"
SUGGESTION_RESOLVED = "ticket.suggestion.resolved"
PENDING, CONFIRMED, DISMISSED = "pending", "confirmed", "dismissed"


def suggestion_payload(suggestion: TicketSuggestion) -> dict[str, Any]:
    return {"suggestionId": suggestion.id, "ticketId": suggestion.ticket_id, "meetingId": suggestion.meeting_id,
            "groupId": suggestion.group_id, "from": suggestion.from_status, "to": suggestion.to_status,
            "state": suggestion.state, "confidence": suggestion.confidence,
            "evidence": {"segmentId": suggestion.segment_id, "quote": suggestion.quote}}


def suggest_move(session: Session, ticket: Ticket, target: TicketStatus, *, meeting_id: str | None,
                 segment_id: str | None, quote: str, confidence: float) -> TicketSuggestion | None:
    """Records a pending suggestion, unless the same move is already pending for this ticket."""
    pending = session.scalar(select(TicketSuggestion.id).where(
        TicketSuggestion.ticket_id == ticket.id, TicketSuggestion.to_status == target.value,
        TicketSuggestion.state == PENDING))
    if pending is not None:
        return None
    suggestion = TicketSuggestion(ticket_id=ticket.id, group_id=ticket.group_id, meeting_id=meeting_id,
                                  from_status=ticket.status, to_status=target.value, segment_id=segment_id,
                                  quote=quote, confidence=confidence, state=PENDING)
    session.add(suggestion)
    session.flush()
    add_event(session, TICKET_SUGGESTED, meeting_id or ticket.group_id, TICKET_SUGGESTED,
              suggestion_payload(suggestion))
    return suggestion


def get_suggestion(session: Session, suggestion_id: str) -> TicketSuggestion:
    suggestion = session.get(TicketSuggestion, suggestion_id)
    if suggestion is None:
        raise NotFound(f"suggestion {suggestion_id} not found")
    return suggestion


def list_suggestions(session: Session, meeting_id: str, state: str | None = PENDING) -> list[TicketSuggestion]:
    query = select(TicketSuggestion).where(TicketSuggestion.meeting_id == meeting_id)
    if state is not None:
        query = query.where(TicketSuggestion.state == state)
    return list(session.scalars(query.order_by(TicketSuggestion.created_at, TicketSuggestion.id)))


def resolve(session: Session, suggestion_id: str, *, confirm: bool) -> TicketSuggestion:
    suggestion = get_suggestion(session, suggestion_id)
    if suggestion.state != PENDING:
        raise Conflict(f"suggestion {suggestion_id} is already {suggestion.state}")
    if confirm:
        change_status(session, suggestion.ticket_id, TicketStatus(suggestion.to_status), cause=Cause.SPEECH,
                      meeting_id=suggestion.meeting_id, segment_id=suggestion.segment_id, quote=suggestion.quote,
                      confidence=suggestion.confidence)
    suggestion.state = CONFIRMED if confirm else DISMISSED
    suggestion.resolved_at = utcnow()
    session.flush()
    add_event(session, SUGGESTION_RESOLVED, suggestion.meeting_id or suggestion.group_id, SUGGESTION_RESOLVED,
              suggestion_payload(suggestion))
    return suggestion
