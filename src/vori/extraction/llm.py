"""What the LLM providers share: the prompt, the schema of the answer, and its validation.

The answer is the spec's `{"tickets": [...]}` plus status moves of tickets already on the board and blockers:

    {"tickets":       [{"title", "content", "status", "meetingId"}],
     "statusUpdates": [{"ticketId", "to", "line"}],
     "blockers":      [{"text", "line", "ticketId"?}]}

`line` is the number of the transcript line the item was said on; it becomes the item's evidence (the line's
text). Tickets carry exactly the spec's four fields, so they have no evidence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from vori.extraction.provider import MalformedOutput, ProviderError, TransientProviderError
from vori.extraction.schema import (
    Blocker,
    BoardTicket,
    Evidence,
    ExtractedTicket,
    Extraction,
    ExtractionRequest,
    Rejected,
    SpecTicket,
    StatusUpdate,
    Utterance,
)
from vori.tickets.status import Cause, TicketStatus, allowed_transition

TOOL_NAME = "record_meeting_items"
TOOL_DESCRIPTION = "Record the tickets, board ticket status moves and blockers found in a meeting transcript."

SYSTEM_PROMPT = """\
You are an expert at turning meeting transcripts, in English or Korean, into kanban tickets.

Find the action items: who will do what, and work someone says they started or finished.
- A ticket is concrete work a person committed to ("I'll write the migration", "Maria will review the design \
doc on Friday", "결제 API 연동은 제가 다음 주까지 할게요"), or work reported as started or done that is not on the \
board yet.
- Ignore chit-chat, questions, hedges and wishes ("maybe we could...", "it would be nice to..."), negations \
("I won't touch the API"), and items that were dropped or postponed indefinitely ("let's not do that", \
"그건 보류합시다").
- Status: TODO for work still to do, IN_PROGRESS for work someone says they started or are working on \
("I started on...", "진행 중입니다"), DONE for work someone says is finished ("is done", "완료했습니다").
- Titles are short (a few words, an imperative or a noun phrase) and in the language the meeting used \
for that item. The content says who does it, by when, and any detail given, in the same language.
- Set meetingId to the meeting id you are given.
- The board lists the tickets that already exist. Never create a ticket for work already on the board: when \
someone says such work started or finished, add a statusUpdate with the ticket's id, the new status and the \
number of the line that says so. Statuses only move forward (TODO -> IN_PROGRESS -> DONE); never move a \
ticket backwards and never "move" it to the status it already has.
- Blockers: something that stops work ("we're blocked on the vendor's keys", "디자인이 나와야 시작할 수 \
있어요"), with the number of the line and, when it is about a board ticket, that ticket's id.
- Each transcript line starts with its number in brackets: use those numbers for `line`.
- When nothing qualifies, answer with empty lists. Answer only in the requested structure."""

_STATUSES = [status.value for status in TicketStatus]

ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "tickets": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "title": {"type": "string", "description": "Short title, in the meeting's language."},
                    "content": {"type": "string", "description": "Who does it, by when, details."},
                    "status": {"type": "string", "enum": _STATUSES},
                    "meetingId": {"type": ["string", "null"], "description": "The meeting id given."},
                },
                "required": ["title", "content", "status", "meetingId"],
                "additionalProperties": False,
            },
        },
        "statusUpdates": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "ticketId": {"type": "string", "description": "Id of a ticket on the board."},
                    "to": {"type": "string", "enum": _STATUSES},
                    "line": {"type": "integer", "description": "Number of the transcript line that says so."},
                },
                "required": ["ticketId", "to", "line"],
                "additionalProperties": False,
            },
        },
        "blockers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "line": {"type": "integer"},
                    "ticketId": {"type": ["string", "null"], "description": "The board ticket it blocks."},
                },
                "required": ["text", "line"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["tickets", "statusUpdates", "blockers"],
    "additionalProperties": False,
}

# Retried by the caller: the statuses the SDKs themselves would retry (their retries are switched off).
_TRANSIENT_STATUSES = {408, 409, 429}


def user_message(request: ExtractionRequest) -> str:
    """The meeting as the model reads it: its id, the board, then the numbered transcript."""
    parts = [f"Meeting id: {request.meeting_id or ''}"]
    if request.language != "auto":
        parts.append(f"Meeting language: {request.language}")
    parts += ["", "Board (tickets that already exist):"]
    parts += [_board_line(ticket) for ticket in request.board] or ["(empty)"]
    parts += ["", "Transcript:"]
    parts += [_transcript_line(utterance) for utterance in request.utterances]
    return "\n".join(parts)


def _board_line(ticket: BoardTicket) -> str:
    line = f"- id: {ticket.id} | status: {ticket.status.value} | title: {_one_line(ticket.title)}"
    return f"{line} | assignee: {ticket.assignee}" if ticket.assignee else line


def _transcript_line(utterance: Utterance) -> str:
    speaker = f"{_one_line(utterance.speaker)}: " if utterance.speaker else ""
    return f"[{utterance.index}] {speaker}{_one_line(utterance.text)}"


def _one_line(text: str) -> str:
    # A newline inside an utterance would look like a new, unnumbered transcript line.
    return " ".join(text.split())


def status_error(provider: str, status: int, message: str, retry_after: str | None = None) -> ProviderError:
    """The error for an HTTP status from a provider's API: 408, 409, 429 and 5xx (529 overloaded included) are
    transient; anything else (a bad request, key, permission or model) fails at once."""
    text = f"{provider} API returned HTTP {status}: {message}"
    if retry_after:
        text += f" (retry-after {retry_after} s)"
    if status in _TRANSIENT_STATUSES or status >= 500:
        return TransientProviderError(text)
    return ProviderError(text)


def api_error_text(body: object, fallback: str) -> str:
    """The message of an API error body, `{"error": {"message": ...}}` or the inner object alone."""
    error = body.get("error", body) if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return str(message) if message else fallback


_FENCED = re.compile(r"```[A-Za-z]*\s*\n?(.*?)```", re.DOTALL)


def decode_json(text: str) -> object:
    """The JSON in a model's text answer, with or without ```json fences around it."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    # Only when the whole text is not JSON: a ``` inside a JSON string must not be taken for a fence.
    fenced = _FENCED.search(text)
    try:
        return json.loads(fenced.group(1) if fenced else "")
    except ValueError as exc:
        raise MalformedOutput(f"the model's answer is not JSON: {text[:200]!r}") from exc


def parse_answer(data: object, request: ExtractionRequest) -> Extraction:
    """Validate a model's answer against the request. An answer that is not the schema at all raises
    `MalformedOutput`; single invalid items are listed in `rejected` and the valid ones kept."""
    if isinstance(data, str):
        data = decode_json(data)
    if not isinstance(data, dict):
        raise MalformedOutput(f"the model's answer is not a JSON object: {str(data)[:200]!r}")
    tickets = _list_field(data, "tickets")
    if not isinstance(tickets, list):
        raise MalformedOutput(f"the model's answer has no `tickets` list: {str(data)[:200]!r}")
    lines = {utterance.index: utterance for utterance in reversed(request.utterances)}
    extraction = Extraction()
    for item in tickets:
        _add_ticket(extraction, item, request.meeting_id)
    current = {ticket.id: ticket.status for ticket in request.board}
    for item in _items(extraction, data, "statusUpdates"):
        _add_status_update(extraction, item, current, lines)
    board_ids = set(current)
    for item in _items(extraction, data, "blockers"):
        _add_blocker(extraction, item, board_ids, lines)
    return extraction


def _list_field(data: dict[Any, Any], key: str) -> object:
    value = data.get(key)
    if isinstance(value, str):
        # Models sometimes send a nested array as a JSON string inside a tool call.
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _items(extraction: Extraction, data: dict[Any, Any], key: str) -> list[Any]:
    value = _list_field(data, key)
    if value is None:
        return []
    if not isinstance(value, list):
        extraction.rejected.append(Rejected(item=value, error=f"`{key}` is not a list"))
        return []
    return value


def _add_ticket(extraction: Extraction, item: object, meeting_id: str | None) -> None:
    if not isinstance(item, dict):
        extraction.rejected.append(Rejected(item=item, error="ticket: not an object"))
        return
    try:
        ticket = SpecTicket.model_validate({**item, "meetingId": meeting_id})
    except ValidationError as exc:
        extraction.rejected.append(Rejected(item=item, error=f"ticket: {_errors(exc)}"))
        return
    extraction.tickets.append(ExtractedTicket(title=ticket.title, content=ticket.content,
                                              status=ticket.status, meeting_id=meeting_id))


def _add_status_update(extraction: Extraction, item: object, current: dict[str, TicketStatus],
                       lines: dict[int, Utterance]) -> None:
    """A move of a board ticket. Moves are applied in order, so a ticket can go TODO -> IN_PROGRESS -> DONE
    within one meeting, but never backwards and never twice to the same status."""
    if not isinstance(item, dict):
        extraction.rejected.append(Rejected(item=item, error="statusUpdate: not an object"))
        return
    ticket_id = str(item.get("ticketId") or "")
    if ticket_id not in current:
        extraction.rejected.append(Rejected(item=item,
                                            error=f"statusUpdate: no ticket {ticket_id!r} on the board"))
        return
    try:
        target = TicketStatus(str(item.get("to")))
    except ValueError:
        extraction.rejected.append(Rejected(item=item,
                                            error=f"statusUpdate: invalid status {item.get('to')!r}"))
        return
    if not allowed_transition(current[ticket_id], target, Cause.SPEECH):
        extraction.rejected.append(Rejected(
            item=item, error=f"statusUpdate: {ticket_id} cannot move from {current[ticket_id]} to {target}"))
        return
    evidence = _evidence(item, lines) or Evidence()
    extraction.status_updates.append(StatusUpdate(ticket_id=ticket_id, from_status=current[ticket_id],
                                                  to_status=target, evidence=evidence))
    current[ticket_id] = target


def _add_blocker(extraction: Extraction, item: object, board_ids: set[str],
                 lines: dict[int, Utterance]) -> None:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
        extraction.rejected.append(Rejected(item=item, error="blocker: needs a non-empty `text`"))
        return
    # A blocker naming a ticket that is not on the board is still a blocker; only the reference is dropped.
    ticket_id = item.get("ticketId")
    ticket_id = str(ticket_id) if ticket_id is not None and str(ticket_id) in board_ids else None
    extraction.blockers.append(Blocker(text=item["text"].strip(), ticket_id=ticket_id,
                                       evidence=_evidence(item, lines)))


def _evidence(item: dict[Any, Any], lines: dict[int, Utterance]) -> Evidence | None:
    line = item.get("line")
    if isinstance(line, str) and line.strip().isdigit():
        line = int(line)
    utterance = lines.get(line) if isinstance(line, int) and not isinstance(line, bool) else None
    if utterance is None:
        return None
    return Evidence(index=utterance.index, segment_id=utterance.segment_id, quote=utterance.text)


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(part) for part in error['loc']) or 'item'}: {error['msg']}"
                     for error in exc.errors())
