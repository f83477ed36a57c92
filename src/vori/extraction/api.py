from __future__ import annotations

from fastapi import APIRouter, Request, status

from vori.core.db import SessionDep
from vori.extraction import service
from vori.extraction.schemas import ExtractionRead
from vori.meetings.schemas import MeetingRead

router = APIRouter(prefix="/api/meetings", tags=["extraction"])


@router.get("/{meeting_id}/extraction", response_model=ExtractionRead)
def get_extraction(meeting_id: str, session: SessionDep) -> ExtractionRead:
    """What the end-of-meeting flow did: provider, attempts, error, tickets created and linked, rejects."""
    meeting, row = service.get_extraction(session, meeting_id)
    report = (row.report if row else None) or {}
    return ExtractionRead(
        meeting_id=meeting.id, group_id=meeting.group_id, state=meeting.state,
        provider=row.provider if row else None, attempts=row.attempts if row else 0,
        runs=row.runs if row else 0, error=row.error if row else None, chunks=report.get("chunks", 0),
        created_ticket_ids=report.get("createdTicketIds", []),
        linked_ticket_ids=report.get("linkedTicketIds", []), moved_ticket_ids=report.get("movedTicketIds", []),
        suggested_ticket_ids=report.get("suggestedTicketIds", []),
        rejected=report.get("rejected", []), skipped=report.get("skipped", []),
        started_at=row.started_at if row else None, finished_at=row.finished_at if row else None,
    )


@router.post("/{meeting_id}/retry", status_code=status.HTTP_202_ACCEPTED, response_model=MeetingRead)
def retry_meeting(meeting_id: str, session: SessionDep, request: Request) -> MeetingRead:
    """A `failed` meeting goes back to `ended` and is processed again (409 in any other state). The answer is
    sent once that is committed; follow the state on `GET /api/meetings/{id}`."""
    meeting = MeetingRead.model_validate(service.retry(session, meeting_id))
    session.commit()
    request.app.state.processor.submit(meeting_id)
    return meeting
