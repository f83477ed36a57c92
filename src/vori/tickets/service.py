"""Tickets: the rules for creating, editing and moving them. Services only flush; the caller commits."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.core.errors import Conflict, NotFound, VoriError
from vori.events.outbox import add_event
from vori.groups.models import LOCAL_GROUP_ID
from vori.groups.service import get_group
from vori.meetings.service import get_meeting
from vori.tickets.models import Ticket, TicketEvent
from vori.tickets.schemas import TicketCreate, TicketUpdate
from vori.tickets.status import Cause, TicketStatus, allowed_transition

TICKET_CREATED = "ticket.created"
TICKET_UPDATED = "ticket.updated"


class IllegalTransition(VoriError):
    status_code = 409
    code = "illegal_transition"


def fingerprint(title: str) -> str:
    """Lower-case words of the title (any script), so the same action said twice is found again."""
    return " ".join(re.findall(r"\w+", title.lower()))[:300]


def get_ticket(session: Session, ticket_id: str) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"ticket {ticket_id} not found")
    return ticket


def create_ticket(session: Session, data: TicketCreate, cause: Cause = Cause.USER) -> Ticket:
    group_id = data.group_id or LOCAL_GROUP_ID
    get_group(session, group_id)
    if data.meeting_id is not None and get_meeting(session, data.meeting_id).group_id != group_id:
        raise VoriError("the meeting belongs to another group")
    ticket = Ticket(group_id=group_id, meeting_id=data.meeting_id, title=data.title, content=data.content,
                    status=data.status.value, assignee=data.assignee, fingerprint=fingerprint(data.title))
    session.add(ticket)
    session.flush()
    session.add(TicketEvent(ticket_id=ticket.id, group_id=group_id, meeting_id=data.meeting_id, from_status=None,
                            to_status=ticket.status, cause=cause.value))
    add_event(session, TICKET_CREATED, ticket.meeting_id or group_id, TICKET_CREATED, created_payload(ticket))
    return ticket


def created_payload(ticket: Ticket) -> dict[str, Any]:
    """The seed's ticket object plus its id and group."""
    return {"id": ticket.id, "groupId": ticket.group_id, "title": ticket.title, "content": ticket.content,
            "status": ticket.status, "meetingId": ticket.meeting_id}


# Tickets finished this recently still count when matching what people say, so "the login page is done"
# finds the ticket moved yesterday instead of looking like new work.
RECENTLY_DONE = timedelta(days=14)


class TicketRef(NamedTuple):
    id: str
    title: str
    status: str
    assignee: str | None


def tickets_to_match(session: Session, group_id: str, now: datetime | None = None) -> list[TicketRef]:
    """The group's open tickets and the ones done in the last RECENTLY_DONE: what speech is matched to (only
    the columns matching needs: this runs for every segment said)."""
    since = (now or utcnow()) - RECENTLY_DONE
    query = (select(Ticket.id, Ticket.title, Ticket.status, Ticket.assignee)
             .where(Ticket.group_id == group_id,
                    or_(Ticket.status != TicketStatus.DONE.value, Ticket.updated_at >= since))
             .order_by(Ticket.created_at, Ticket.id))
    return [TicketRef(*row) for row in session.execute(query)]


def board(session: Session, group_id: str) -> dict[str, list[Ticket]]:
    get_group(session, group_id)
    query = select(Ticket).where(Ticket.group_id == group_id).order_by(Ticket.created_at, Ticket.id)
    columns: dict[str, list[Ticket]] = {status.value: [] for status in TicketStatus}
    for ticket in session.scalars(query):
        columns[ticket.status].append(ticket)
    return columns


def _check_version(ticket: Ticket, version: int) -> None:
    if ticket.version != version:
        raise Conflict(f"ticket {ticket.id} is at version {ticket.version}, not {version}: reload and retry")


def update_ticket(session: Session, ticket_id: str, data: TicketUpdate) -> Ticket:
    ticket = get_ticket(session, ticket_id)
    _check_version(ticket, data.version)
    changes = data.model_dump(exclude_unset=True, exclude={"version"})
    if "title" in changes and changes["title"] is None:
        raise VoriError("title cannot be removed")
    for name, value in changes.items():
        setattr(ticket, name, value)
    if "title" in changes:
        ticket.fingerprint = fingerprint(ticket.title)
    ticket.version += 1
    ticket.updated_at = utcnow()
    session.flush()
    return ticket


def delete_ticket(session: Session, ticket_id: str, version: int) -> None:
    ticket = get_ticket(session, ticket_id)
    _check_version(ticket, version)
    session.delete(ticket)  # its history goes with it (ON DELETE CASCADE)
    session.flush()


def change_status(
    session: Session, ticket_id: str, target: TicketStatus, *, cause: Cause, version: int | None = None,
    meeting_id: str | None = None, segment_id: str | None = None, quote: str | None = None,
    confidence: float | None = None,
) -> Ticket:
    """Move a ticket, record the TicketEvent and stage `ticket.updated`. A person names the version read
    (a stale one is a 409); speech moves only forward and the same status twice changes nothing."""
    ticket = get_ticket(session, ticket_id)
    if version is not None:
        _check_version(ticket, version)
    current = TicketStatus(ticket.status)
    if current == target:
        return ticket
    if not allowed_transition(current, target, cause):
        raise IllegalTransition(f"{cause.value} cannot move a ticket from {current.value} to {target.value}")
    ticket.status = target.value
    ticket.version += 1
    ticket.updated_at = utcnow()
    session.add(TicketEvent(ticket_id=ticket.id, group_id=ticket.group_id, meeting_id=meeting_id,
                            from_status=current.value, to_status=target.value, cause=cause.value,
                            segment_id=segment_id, quote=quote, confidence=confidence))
    evidence = {"segmentId": segment_id, "quote": quote, "confidence": confidence} if quote else None
    add_event(session, TICKET_UPDATED, meeting_id or ticket.group_id, TICKET_UPDATED, {
        "ticketId": ticket.id, "meetingId": meeting_id, "groupId": ticket.group_id, "from": current.value,
        "to": target.value, "cause": cause.value, "evidence": evidence})
    session.flush()
    return ticket


def history(session: Session, ticket_id: str) -> list[TicketEvent]:
    get_ticket(session, ticket_id)
    query = select(TicketEvent).where(TicketEvent.ticket_id == ticket_id)
    return list(session.scalars(query.order_by(TicketEvent.created_at, TicketEvent.id)))
