from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vori.core.db import Base, UtcDateTime, utcnow


class MeetingState(enum.StrEnum):
    LIVE = "live"
    ENDED = "ended"
    PROCESSING = "processing"
    DONE = "done"
    FAILED = "failed"


class Meeting(Base):
    __tablename__ = "meetings"
    # By state: the end-of-meeting flow looks for `ended` and stale `processing` meetings every few seconds.
    __table_args__ = (Index("ix_meetings_group_created", "group_id", "created_at"),
                      Index("ix_meetings_state", "state"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"))
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default=MeetingState.LIVE.value)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class TranscriptSegment(Base):
    """One final utterance of a meeting, in meeting audio time."""

    __tablename__ = "transcript_segments"
    __table_args__ = (UniqueConstraint("meeting_id", "seq", name="uq_segment_meeting_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    group_id: Mapped[str] = mapped_column(ForeignKey("groups.id"))
    seq: Mapped[int] = mapped_column(Integer)
    start_ms: Mapped[int] = mapped_column(Integer)
    end_ms: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(100), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16), default="voice")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class TranscriptCursor(Base):
    """Where a meeting's live transcription stands: written by the ASR side with every final, in the same
    transaction as its event, so it never depends on who stores the segments (inline or a `vori worker`)."""

    __tablename__ = "transcript_cursors"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_end_ms: Mapped[int] = mapped_column(Integer, default=0)
    last_text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
