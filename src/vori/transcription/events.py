from __future__ import annotations

from typing import Any

from vori.meetings.models import TranscriptSegment

TRANSCRIPTION_COMPLETED = "transcription.completed"


def transcription_completed(segment: TranscriptSegment) -> dict[str, Any]:
    """The `transcription.completed` value: one final segment (docs/events.md)."""
    return {
        "meetingId": segment.meeting_id,
        "groupId": segment.group_id,
        "segmentId": segment.id,
        "seq": segment.seq,
        "text": segment.text,
        "startMs": segment.start_ms,
        "endMs": segment.end_ms,
        "speaker": segment.speaker,
        "language": segment.language,
        "createdAt": segment.created_at.isoformat(),
    }
