from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response, status

from vori.core.db import SessionDep
from vori.meetings.service import get_meeting
from vori.tickets import service, suggestions
from vori.tickets.schemas import (
    BoardRead,
    StatusChange,
    SuggestionRead,
    TicketCreate,
    TicketEventRead,
    TicketRead,
    TicketUpdate,
)
from vori.tickets.status import Cause

router = APIRouter(tags=["tickets"])


@router.get("/api/groups/{group_id}/board", response_model=BoardRead)
def get_board(group_id: str, session: SessionDep) -> BoardRead:
    columns = service.board(session, group_id)
    return BoardRead(group_id=group_id, columns={k: [TicketRead.model_validate(t) for t in v]
                                                for k, v in columns.items()})


@router.post("/api/tickets", status_code=status.HTTP_201_CREATED, response_model=TicketRead)
def create_ticket(data: TicketCreate, session: SessionDep, request: Request) -> TicketRead:
    ticket = TicketRead.model_validate(service.create_ticket(session, data))
    request.app.state.relay.notify()
    return ticket


@router.get("/api/tickets/{ticket_id}", response_model=TicketRead)
def get_ticket(ticket_id: str, session: SessionDep) -> TicketRead:
    return TicketRead.model_validate(service.get_ticket(session, ticket_id))


@router.patch("/api/tickets/{ticket_id}", response_model=TicketRead)
def update_ticket(ticket_id: str, data: TicketUpdate, session: SessionDep) -> TicketRead:
    return TicketRead.model_validate(service.update_ticket(session, ticket_id, data))


@router.delete("/api/tickets/{ticket_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_ticket(ticket_id: str, session: SessionDep, version: int = Query(ge=1)) -> Response:
    service.delete_ticket(session, ticket_id, version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/api/tickets/{ticket_id}/status", response_model=TicketRead)
def change_status(ticket_id: str, data: StatusChange, session: SessionDep, request: Request) -> TicketRead:
    """A person moves a ticket (any direction), naming the version they saw: a stale version is a 409."""
    ticket = service.change_status(session, ticket_id, data.status, cause=Cause.USER, version=data.version)
    request.app.state.relay.notify()
    return TicketRead.model_validate(ticket)


@router.get("/api/tickets/{ticket_id}/history", response_model=list[TicketEventRead])
def ticket_history(ticket_id: str, session: SessionDep) -> list[TicketEventRead]:
    return [TicketEventRead.model_validate(e) for e in service.history(session, ticket_id)]


@router.get("/api/meetings/{meeting_id}/suggestions", response_model=list[SuggestionRead])
def list_suggestions(meeting_id: str, session: SessionDep,
                     state: str | None = Query(default="pending", pattern="^(pending|confirmed|dismissed|all)$"),
                     ) -> list[SuggestionRead]:
    """Status moves heard in the meeting but too unsure to apply by themselves (pending by default)."""
    get_meeting(session, meeting_id)
    found = suggestions.list_suggestions(session, meeting_id, None if state == "all" else state)
    return [SuggestionRead.model_validate(s) for s in found]


@router.post("/api/suggestions/{suggestion_id}/confirm", response_model=SuggestionRead)
def confirm_suggestion(suggestion_id: str, session: SessionDep, request: Request) -> SuggestionRead:
    """Applies the suggested move (as speech, with its evidence); 409 if already resolved or now illegal."""
    suggestion = SuggestionRead.model_validate(suggestions.resolve(session, suggestion_id, confirm=True))
    request.app.state.relay.notify()
    return suggestion


@router.post("/api/suggestions/{suggestion_id}/dismiss", response_model=SuggestionRead)
def dismiss_suggestion(suggestion_id: str, session: SessionDep, request: Request) -> SuggestionRead:
    suggestion = SuggestionRead.model_validate(suggestions.resolve(session, suggestion_id, confirm=False))
    request.app.state.relay.notify()
    return suggestion
