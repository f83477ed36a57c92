from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.core.errors import Conflict, NotFound
from vori.events.outbox import add_event
from vori.groups.models import LOCAL_GROUP_ID
from vori.groups.service import get_group
from vori.meetings.models import Meeting, MeetingState, TranscriptSegment
from vori.meetings.schemas import MeetingCreate

MEETING_ENDED_TOPIC = "meeting.ended"


def create_meeting(session: Session, data: MeetingCreate) -> Meeting:
    group = get_group(session, data.group_id or LOCAL_GROUP_ID)
    meeting = Meeting(group_id=group.id, title=data.title, language=data.language)
    session.add(meeting)
    session.flush()
    return meeting


def list_meetings(session: Session, group_ids: list[str] | None = None) -> list[Meeting]:
    query = select(Meeting).order_by(Meeting.created_at.desc())
    if group_ids is not None:
        query = query.where(Meeting.group_id.in_(group_ids))
    return list(session.scalars(query))


def get_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"meeting {meeting_id} not found")
    return meeting


def get_transcript(session: Session, meeting_id: str) -> list[TranscriptSegment]:
    get_meeting(session, meeting_id)
    query = select(TranscriptSegment).where(TranscriptSegment.meeting_id == meeting_id)
    return list(session.scalars(query.order_by(TranscriptSegment.seq)))


def mark_started(session: Session, meeting: Meeting) -> None:
    if meeting.started_at is None:
        meeting.started_at = utcnow()


def end_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = get_meeting(session, meeting_id)
    if meeting.state != MeetingState.LIVE:
        raise Conflict(f"meeting {meeting_id} is {meeting.state}, not live")
    meeting.state = MeetingState.ENDED.value
    meeting.ended_at = utcnow()
    payload = {"meetingId": meeting.id, "groupId": meeting.group_id, "endedAt": meeting.ended_at.isoformat()}
    add_event(session, MEETING_ENDED_TOPIC, meeting.id, "meeting.ended", payload)
    session.flush()
    return meeting
