from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from vori.core.schemas import ApiModel
from vori.tickets.status import TicketStatus


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


class TicketCreate(ApiModel):
    title: str = Field(min_length=1, max_length=300)
    content: str = Field(default="", max_length=20000)
    status: TicketStatus = TicketStatus.TODO
    group_id: str | None = None
    meeting_id: str | None = None
    assignee: str | None = Field(default=None, max_length=200)

    _title = field_validator("title")(_not_blank)


class TicketUpdate(ApiModel):
    version: int = Field(ge=1)
    title: str | None = Field(default=None, min_length=1, max_length=300)
    content: str | None = Field(default=None, max_length=20000)
    assignee: str | None = Field(default=None, max_length=200)


class StatusChange(ApiModel):
    status: TicketStatus
    version: int = Field(ge=1)


class TicketRead(ApiModel):
    id: str
    group_id: str
    meeting_id: str | None
    title: str
    content: str
    status: TicketStatus
    assignee: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class TicketEventRead(ApiModel):
    id: str
    from_status: TicketStatus | None = Field(serialization_alias="from")
    to_status: TicketStatus = Field(serialization_alias="to")
    cause: str
    meeting_id: str | None
    segment_id: str | None
    quote: str | None
    confidence: float | None
    created_at: datetime


class BoardRead(ApiModel):
    group_id: str
    columns: dict[str, list[TicketRead]]


class SuggestionRead(ApiModel):
    id: str
    ticket_id: str
    meeting_id: str | None
    from_status: TicketStatus = Field(serialization_alias="from")
    to_status: TicketStatus = Field(serialization_alias="to")
    segment_id: str | None
    quote: str
    confidence: float
    state: str
    created_at: datetime
    resolved_at: datetime | None
