from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from vori.core.db import Base, UtcDateTime, utcnow


class MeetingMinutes(Base):
    """The minutes of one processed meeting: the JSON document the API serves and its Markdown rendering,
    both fixed when the meeting was processed (a later retry rewrites them)."""

    __tablename__ = "meeting_minutes"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"))
    language: Mapped[str] = mapped_column(String(16))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    markdown: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
