from __future__ import annotations

from datetime import datetime
from typing import Any

from vori.core.schemas import ApiModel


class RejectedRead(ApiModel):
    item: Any
    error: str


class SkippedRead(ApiModel):
    ticket_id: str
    reason: str


class ExtractionRead(ApiModel):
    """How the end-of-meeting flow went for one meeting (its last run)."""

    meeting_id: str
    group_id: str
    # The meeting's state: live, ended, processing, done or failed.
    state: str
    provider: str | None
    # Provider calls of the last run, retries included.
    attempts: int
    runs: int
    error: str | None
    chunks: int
    created_ticket_ids: list[str]
    linked_ticket_ids: list[str]
    moved_ticket_ids: list[str]
    # Board moves heard but less sure than the move confidence: pending suggestions a person confirms.
    suggested_ticket_ids: list[str]
    rejected: list[RejectedRead]
    skipped: list[SkippedRead]
    started_at: datetime | None
    finished_at: datetime | None
