"""One input and one output for every extraction provider.

The spec's output is `{"tickets": [{"title", "content", "status", "meetingId"}]}`; VORI adds status moves of
tickets already on the board, blockers and decisions, each with the utterance it came from.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from vori.tickets.status import TicketStatus


class Utterance(BaseModel):
    """One line of the transcript, in meeting order."""

    index: int
    text: str
    speaker: str | None = None
    segment_id: str | None = None
    start_ms: int | None = None


class BoardTicket(BaseModel):
    """A ticket already on the group's board, as the providers see it."""

    id: str
    title: str
    status: TicketStatus
    assignee: str | None = None


class ExtractionRequest(BaseModel):
    meeting_id: str | None = None
    # "en", "ko" or "auto" (decided per utterance by the script it is written in).
    language: str = "auto"
    utterances: list[Utterance]
    board: list[BoardTicket] = Field(default_factory=list)


class SpecTicket(BaseModel):
    """Exactly the spec's ticket object: what a provider must return, validated before anything is written."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    content: str = Field(default="", max_length=20000)
    status: TicketStatus
    meetingId: str | int | None = None

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class Evidence(BaseModel):
    """Where in the transcript something was said."""

    index: int | None = None
    segment_id: str | None = None
    quote: str = ""


class ExtractedTicket(BaseModel):
    title: str
    content: str = ""
    status: TicketStatus = TicketStatus.TODO
    meeting_id: str | None = None
    assignee: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = 1.0

    def lines(self) -> set[int]:
        """The transcript lines its evidence cites."""
        return {e.index for e in self.evidence if e.index is not None}

    def spec(self) -> dict[str, Any]:
        return {"title": self.title, "content": self.content, "status": self.status.value,
                "meetingId": self.meeting_id}


class StatusUpdate(BaseModel):
    """A board ticket moved by what someone said."""

    ticket_id: str
    from_status: TicketStatus
    to_status: TicketStatus
    evidence: Evidence
    confidence: float = 1.0


class Blocker(BaseModel):
    text: str
    ticket_id: str | None = None
    evidence: Evidence | None = None


class Rejected(BaseModel):
    """An item of a provider's answer that failed validation (partial success keeps the rest)."""

    item: Any
    error: str


class Extraction(BaseModel):
    tickets: list[ExtractedTicket] = Field(default_factory=list)
    status_updates: list[StatusUpdate] = Field(default_factory=list)
    blockers: list[Blocker] = Field(default_factory=list)
    decisions: list[Evidence] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)

    def output(self) -> dict[str, Any]:
        """The JSON `vori extract` prints: the spec's tickets, then status moves and blockers."""
        return {
            "tickets": [ticket.spec() for ticket in self.tickets],
            "statusUpdates": [{"ticketId": u.ticket_id, "from": u.from_status.value, "to": u.to_status.value,
                               "evidence": u.evidence.quote} for u in self.status_updates],
            "blockers": [{"text": b.text} for b in self.blockers],
        }
