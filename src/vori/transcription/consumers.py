"""What `vori worker` runs for transcription: store segments from `transcription.completed`."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert
from sqlalchemy.orm import Session

from vori.events.consumer import InvalidEvent
from vori.meetings.models import TranscriptSegment
from vori.transcription.events import TRANSCRIPTION_COMPLETED, TranscriptionCompleted
from vori.transcription.service import segment_row


class SegmentWriter:
    """Persists each final segment once (the seed's Kafka → server → PostgreSQL step)."""

    group = "vori-segment-writer"
    topic = TRANSCRIPTION_COMPLETED

    def validate(self, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return TranscriptionCompleted.model_validate(payload).model_dump()
        except ValidationError as exc:
            raise InvalidEvent(f"not a transcription.completed payload: {exc.errors()[:3]}") from None

    def apply(self, session: Session, payloads: list[dict[str, Any]]) -> None:
        session.execute(insert(TranscriptSegment), [segment_row(payload) for payload in payloads])
