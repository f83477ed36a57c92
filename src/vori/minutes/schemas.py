from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from vori.core.schemas import ApiModel
from vori.tickets.status import TicketStatus


class Duration(ApiModel):
    # First segment start to last segment end, in meeting audio time (None without speech).
    audio_ms: int | None
    # Wall time from the meeting's start (its first audio, else its creation) to its end.
    wall_ms: int | None
    # What the summary says: audio when there was speech, else wall time; whole minutes, at least 1.
    minutes: int


class DecisionRead(ApiModel):
    quote: str
    segment_id: str | None
    index: int | None


class ActionItemRead(ApiModel):
    ticket_id: str
    title: str
    assignee: str | None
    status: TicketStatus
    # Created by this meeting (True) or an open ticket of the group the meeting talked about (False).
    new: bool
    quote: str | None
    segment_id: str | None


class StatusMoveRead(ApiModel):
    ticket_id: str
    title: str
    from_status: TicketStatus | None = Field(alias="from")
    to_status: TicketStatus = Field(alias="to")
    cause: str
    quote: str | None
    segment_id: str | None
    at: datetime


class BlockerRead(ApiModel):
    text: str
    ticket_id: str | None
    quote: str | None


class MinutesRead(ApiModel):
    meeting_id: str
    group_id: str
    title: str
    # en or ko: the language the summary and the Markdown headings are written in.
    language: str
    date: date
    started_at: datetime | None
    ended_at: datetime | None
    duration: Duration
    participants: list[str]
    summary: str
    decisions: list[DecisionRead]
    action_items: list[ActionItemRead]
    status_moves: list[StatusMoveRead]
    blockers: list[BlockerRead]
    created_at: datetime
