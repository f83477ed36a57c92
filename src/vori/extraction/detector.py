"""Live status moves: every final segment is read as it is stored, and a ticket the speaker reports on moves.

Runs as a consumer of `transcription.completed` (in `vori serve` on the embedded default, in `vori worker`
when scaled), so each segment is read exactly once, in the same transaction as the moves it causes. A match
at or above `move_confidence` moves the ticket (a TicketEvent with the segment and the quote, published as
`ticket.updated`); between `suggest_confidence` and that, a suggestion waits for a person; below, nothing.
What the conversation is about ("it", "그거") is remembered per meeting while the process runs.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from vori.core.settings import ExtractionSettings
from vori.events.consumer import InvalidEvent
from vori.extraction.local import MeetingReader
from vori.extraction.schema import BoardTicket, ExtractionRequest, StatusUpdate, Utterance
from vori.meetings.models import Meeting
from vori.tickets.models import Ticket
from vori.tickets.service import TicketRef, change_status, tickets_to_match
from vori.tickets.status import Cause, TicketStatus
from vori.tickets.suggestions import suggest_move
from vori.transcription.events import TRANSCRIPTION_COMPLETED, TranscriptionCompleted

log = logging.getLogger(__name__)

# Meetings whose conversation context is kept in memory at once (least recently heard forgotten first).
MAX_MEETINGS = 512


def as_board(tickets: list[TicketRef]) -> list[BoardTicket]:
    return [BoardTicket(id=t.id, title=t.title, status=TicketStatus(t.status), assignee=t.assignee)
            for t in tickets]


class StatusDetector:
    """Reads segments against the board; `detect` is the pure part (benchmarked), `apply` the consumer."""

    group = "vori-status-detector"
    topic = TRANSCRIPTION_COMPLETED

    def __init__(self, settings: ExtractionSettings) -> None:
        self.move_confidence = settings.move_confidence
        self.suggest_confidence = settings.suggest_confidence
        self.readers: OrderedDict[str, MeetingReader] = OrderedDict()
        self.boards: dict[str, tuple[list[TicketRef], list[BoardTicket]]] = {}

    def _board(self, group_id: str, refs: list[TicketRef]) -> list[BoardTicket]:
        """The same list object while the group's tickets are unchanged, so the reader keeps its index."""
        cached = self.boards.get(group_id)
        if cached is not None and cached[0] == refs:
            return cached[1]
        board = as_board(refs)
        self.boards[group_id] = (refs, board)
        return board

    def validate(self, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            return TranscriptionCompleted.model_validate(payload).model_dump()
        except ValidationError as exc:
            raise InvalidEvent(f"not a transcription.completed payload: {exc.errors()[:3]}") from None

    def reader(self, meeting_id: str, language: str) -> MeetingReader:
        reader = self.readers.get(meeting_id)
        if reader is None:
            reader = MeetingReader(ExtractionRequest(meeting_id=meeting_id, language=language, utterances=[]))
            self.readers[meeting_id] = reader
            while len(self.readers) > MAX_MEETINGS:
                self.readers.popitem(last=False)
        self.readers.move_to_end(meeting_id)
        return reader

    def detect(self, meeting_id: str, language: str, board: list[BoardTicket],
               utterance: Utterance) -> list[StatusUpdate]:
        reader = self.reader(meeting_id, language)
        reader.set_board(board)
        try:
            moves = reader.read_utterance(utterance)
        except Exception:  # a sentence the rules trip on must not stop every later segment from being read
            log.exception("status detection failed on segment %s of meeting %s", utterance.segment_id, meeting_id)
            self.readers.pop(meeting_id, None)
            return []
        return [m for m in moves if m.confidence >= self.suggest_confidence]

    def apply(self, session: Session, payloads: list[dict[str, Any]]) -> None:
        for payload in payloads:
            meeting = session.get(Meeting, payload["meetingId"])
            if meeting is None:
                continue  # the segment writer dead-letters segments of unknown meetings
            utterance = Utterance(index=payload["seq"], text=payload["text"], speaker=payload["speaker"],
                                  segment_id=payload["segmentId"], start_ms=payload["startMs"])
            board = self._board(meeting.group_id, tickets_to_match(session, meeting.group_id))
            for move in self.detect(meeting.id, meeting.language, board, utterance):
                self._record(session, meeting, move)

    def _record(self, session: Session, meeting: Meeting, move: StatusUpdate) -> None:
        quote, segment = move.evidence.quote, move.evidence.segment_id
        if move.confidence >= self.move_confidence:
            change_status(session, move.ticket_id, move.to_status, cause=Cause.SPEECH, meeting_id=meeting.id,
                          segment_id=segment, quote=quote, confidence=move.confidence)
            return
        ticket = session.get(Ticket, move.ticket_id)
        if ticket is not None:
            suggest_move(session, ticket, move.to_status, meeting_id=meeting.id, segment_id=segment,
                         quote=quote, confidence=move.confidence)
