from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

TRANSCRIPTION_COMPLETED = "transcription.completed"


class TranscriptionCompleted(BaseModel):
    """The `transcription.completed` value: one final segment (docs/events.md). Consumers validate with it."""

    model_config = ConfigDict(extra="forbid")

    meetingId: str = Field(min_length=1, max_length=36)
    groupId: str = Field(min_length=1, max_length=36)
    segmentId: str = Field(min_length=1, max_length=36)
    seq: int = Field(ge=1)
    text: str
    startMs: int = Field(ge=0)
    endMs: int = Field(ge=0)
    speaker: str | None
    language: str = Field(max_length=16)
    createdAt: datetime
