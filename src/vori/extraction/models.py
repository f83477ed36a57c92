"""What the end-of-meeting flow records about each meeting it processed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vori.core.db import Base, UtcDateTime, utcnow


class MeetingExtraction(Base):
    """One row per meeting that reached the end-of-meeting flow: who holds it, how it went, what it wrote.

    `claimed_by`/`heartbeat_at` are a lease: the process working on the meeting renews `heartbeat_at`; a
    `processing` meeting whose lease ran out (its process died) is taken over by another process.
    """

    __tablename__ = "meeting_extractions"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"))
    # processing, done or failed (the meeting's own state says the same; this row keeps the details).
    state: Mapped[str] = mapped_column(String(16))
    provider: Mapped[str] = mapped_column(String(50))
    # Provider calls of the last run, retries included.
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # How many times the meeting was taken up (a retry or a crash recovery adds one).
    runs: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # createdTicketIds, linkedTicketIds, movedTicketIds, rejected items, skipped status updates, chunks.
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
