from __future__ import annotations

from datetime import datetime

from pydantic import Field, field_validator

from vori.core.schemas import ApiModel

LANGUAGE_PATTERN = r"^(auto|[a-z]{2,3})$"


class MeetingCreate(ApiModel):
    title: str = Field(min_length=1, max_length=300)
    language: str = Field(default="en", pattern=LANGUAGE_PATTERN)
    group_id: str | None = None

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("title must not be blank")
        return value.strip()


class MeetingRead(ApiModel):
    id: str
    group_id: str
    title: str
    language: str
    state: str
    created_at: datetime
    started_at: datetime | None
    ended_at: datetime | None


class SegmentRead(ApiModel):
    id: str = Field(serialization_alias="segmentId")
    seq: int
    start_ms: int
    end_ms: int
    speaker: str | None
    text: str
    language: str
    source: str
    created_at: datetime


class TranscriptRead(ApiModel):
    meeting_id: str
    segments: list[SegmentRead]
    text: str
