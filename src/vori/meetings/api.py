from __future__ import annotations

from fastapi import APIRouter, Request, status

from vori.core.db import SessionDep
from vori.meetings import service
from vori.meetings.schemas import MeetingCreate, MeetingRead, SegmentRead, TranscriptRead

router = APIRouter(prefix="/api/meetings", tags=["meetings"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=MeetingRead, response_model_by_alias=True)
def create_meeting(data: MeetingCreate, session: SessionDep) -> MeetingRead:
    return MeetingRead.model_validate(service.create_meeting(session, data))


@router.get("", response_model=list[MeetingRead])
def list_meetings(session: SessionDep) -> list[MeetingRead]:
    return [MeetingRead.model_validate(m) for m in service.list_meetings(session)]


@router.get("/{meeting_id}", response_model=MeetingRead)
def get_meeting(meeting_id: str, session: SessionDep) -> MeetingRead:
    return MeetingRead.model_validate(service.get_meeting(session, meeting_id))


@router.get("/{meeting_id}/transcript", response_model=TranscriptRead)
def get_transcript(meeting_id: str, session: SessionDep) -> TranscriptRead:
    segments = [SegmentRead.model_validate(s) for s in service.get_transcript(session, meeting_id)]
    text = " ".join(s.text for s in segments)
    return TranscriptRead(meeting_id=meeting_id, segments=segments, text=text)


@router.post("/{meeting_id}/end", response_model=MeetingRead)
async def end_meeting(meeting_id: str, request: Request) -> MeetingRead:
    """Ends a live meeting: open audio streams are finalized first, so every word said is in the transcript."""
    hub = request.app.state.transcription
    meeting = await hub.end_meeting(meeting_id)
    request.app.state.relay.notify()
    return MeetingRead.model_validate(meeting)
