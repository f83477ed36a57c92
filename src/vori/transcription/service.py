from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.events.outbox import add_event
from vori.meetings.models import Meeting, TranscriptCursor, TranscriptSegment
from vori.transcription.events import TRANSCRIPTION_COMPLETED


def cursor(session: Session, meeting_id: str) -> TranscriptCursor | None:
    return session.get(TranscriptCursor, meeting_id)


def store_final(
    session: Session, meeting: Meeting, start_ms: int, end_ms: int, text: str, language: str,
    speaker: str | None = None, inline: bool = True,
) -> dict[str, Any]:
    """Advance the meeting's cursor and stage its `transcription.completed` event in one transaction; with
    `inline` (the embedded default) also store the segment row, else a `vori worker` stores it from the event."""
    position = session.get(TranscriptCursor, meeting.id, with_for_update=True)
    if position is None:
        position = TranscriptCursor(meeting_id=meeting.id, last_seq=0, last_end_ms=0, last_text="")
        session.add(position)
    position.last_seq += 1
    position.last_end_ms, position.last_text, position.updated_at = end_ms, text, utcnow()
    payload = {
        "meetingId": meeting.id, "groupId": meeting.group_id, "segmentId": str(uuid.uuid4()),
        "seq": position.last_seq, "text": text, "startMs": start_ms, "endMs": end_ms, "speaker": speaker,
        "language": language, "createdAt": utcnow().isoformat(),
    }
    if inline:
        session.add(segment_from_event(payload))
    add_event(session, TRANSCRIPTION_COMPLETED, meeting.id, TRANSCRIPTION_COMPLETED, payload)
    session.flush()
    return payload


def segment_row(payload: dict[str, Any]) -> dict[str, Any]:
    """The `transcript_segments` row of a `transcription.completed` payload."""
    created = payload["createdAt"]
    return {
        "id": payload["segmentId"], "meeting_id": payload["meetingId"], "group_id": payload["groupId"],
        "seq": payload["seq"], "start_ms": payload["startMs"], "end_ms": payload["endMs"],
        "speaker": payload["speaker"], "text": payload["text"], "language": payload["language"], "source": "voice",
        "created_at": created if isinstance(created, datetime) else datetime.fromisoformat(created),
    }


def segment_from_event(payload: dict[str, Any]) -> TranscriptSegment:
    return TranscriptSegment(**segment_row(payload))
