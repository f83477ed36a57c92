from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.events.outbox import add_event
from vori.meetings.models import Meeting, TranscriptSegment
from vori.transcription.events import TRANSCRIPTION_COMPLETED, transcription_completed


def last_segment(session: Session, meeting_id: str) -> TranscriptSegment | None:
    query = select(TranscriptSegment).where(TranscriptSegment.meeting_id == meeting_id)
    return session.scalars(query.order_by(TranscriptSegment.seq.desc()).limit(1)).first()


def store_final(
    session: Session, meeting: Meeting, start_ms: int, end_ms: int, text: str, language: str,
    speaker: str | None = None,
) -> TranscriptSegment:
    """Store a final segment and stage its `transcription.completed` event in the same transaction."""
    seq_query = select(func.coalesce(func.max(TranscriptSegment.seq), 0)).where(
        TranscriptSegment.meeting_id == meeting.id
    )
    seq = int(session.scalar(seq_query) or 0) + 1
    segment = TranscriptSegment(
        id=str(uuid.uuid4()), meeting_id=meeting.id, group_id=meeting.group_id, seq=seq,
        start_ms=start_ms, end_ms=end_ms, speaker=speaker, text=text, language=language,
        source="voice", created_at=utcnow(),
    )
    session.add(segment)
    session.flush()
    add_event(session, TRANSCRIPTION_COMPLETED, meeting.id, TRANSCRIPTION_COMPLETED, transcription_completed(segment))
    return segment
