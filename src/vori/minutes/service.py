"""The minutes of a meeting, built from its transcript and what the end-of-meeting flow found: a JSON
document and its Markdown. The summary is a short deterministic paragraph in the meeting's language (English
or Korean) made from the counts and the main items: no model is needed, and the same input gives the same
minutes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vori.core.db import utcnow
from vori.core.errors import Conflict
from vori.extraction.assembly import Piece
from vori.extraction.schema import Blocker, Evidence
from vori.meetings.models import Meeting, MeetingState
from vori.meetings.service import get_meeting
from vori.minutes.models import MeetingMinutes
from vori.minutes.schemas import MinutesRead
from vori.tickets.models import Ticket, TicketEvent
from vori.tickets.status import Cause, TicketStatus

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
MAIN_ITEMS = 3


class MinutesNotReady(Conflict):
    code = "minutes_not_ready"


@dataclass
class ActionItem:
    """A ticket the meeting produced (`new`) or talked about, with where it was said."""

    ticket: Ticket
    new: bool
    evidence: list[Evidence] = field(default_factory=list)


def minutes_language(meeting_language: str, texts: Sequence[str]) -> str:
    """en or ko: the meeting's language, or (for `auto` and others) the script most of the transcript uses."""
    if meeting_language in ("en", "ko"):
        return meeting_language
    joined = " ".join(texts)
    return "ko" if len(_HANGUL.findall(joined)) > len(_LATIN.findall(joined)) else "en"


def participants(segments: Sequence[Piece]) -> list[str]:
    """Distinct speakers in order of first words; live ASR segments have no speaker, and none is invented."""
    seen: dict[str, None] = {}
    for segment in segments:
        if segment.speaker and segment.speaker.strip():
            seen.setdefault(segment.speaker.strip(), None)
    return list(seen)


def whole_minutes(ms: int | None) -> int:
    return max(1, round((ms or 0) / 60000))


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(language: str, *, title: str, minutes: int, people: Sequence[str], new: int, done: int,
            progressed: int, blockers: int, decisions: int, main_items: Sequence[str], spoke: bool) -> str:
    """e.g. "Stand-up, 12 minutes, with Ann and Bo: 3 new tickets, 2 moved to done, 1 blocker. Main items:
    Login page; Payment service." — or the same in Korean."""
    if language == "ko":
        return _summary_ko(title, minutes, people, new, done, progressed, blockers, decisions, main_items,
                           spoke)
    head = f"{title}, {_count(minutes, 'minute', 'minutes')}"
    if people:
        head += ", with " + (", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else people[0])
    if not spoke:
        return f"{head}: no speech was transcribed."
    parts = [_count(new, "new ticket", "new tickets")] if new else []
    parts += [f"{done} moved to done"] if done else []
    parts += [f"{progressed} moved to in progress"] if progressed else []
    parts += [_count(blockers, "blocker", "blockers")] if blockers else []
    parts += [_count(decisions, "decision", "decisions")] if decisions else []
    text = f"{head}: {', '.join(parts) if parts else 'no new tickets or status changes'}."
    if main_items:
        text += " Main items: " + "; ".join(main_items) + "."
    return text


def _summary_ko(title: str, minutes: int, people: Sequence[str], new: int, done: int, progressed: int,
                blockers: int, decisions: int, main_items: Sequence[str], spoke: bool) -> str:
    head = f"{title}, {minutes}분"
    if people:
        head += f", 참석자 {', '.join(people)}"
    if not spoke:
        return f"{head}: 전사된 발언이 없습니다."
    parts = [f"새 티켓 {new}개"] if new else []
    parts += [f"완료 {done}건"] if done else []
    parts += [f"진행 중 {progressed}건"] if progressed else []
    parts += [f"블로커 {blockers}건"] if blockers else []
    parts += [f"결정 사항 {decisions}건"] if decisions else []
    text = f"{head}: {', '.join(parts) if parts else '새 티켓이나 상태 변경 없음'}."
    if main_items:
        text += " 주요 항목: " + "; ".join(main_items) + "."
    return text


def _moves(session: Session, meeting_id: str) -> list[dict[str, Any]]:
    """Status moves said in this meeting: live (speech) or found at its end (extraction); not creations."""
    query = (select(TicketEvent, Ticket.title).join(Ticket, Ticket.id == TicketEvent.ticket_id)
             .where(TicketEvent.meeting_id == meeting_id, TicketEvent.from_status.is_not(None),
                    TicketEvent.cause.in_([Cause.SPEECH.value, Cause.EXTRACTION.value]))
             .order_by(TicketEvent.created_at, TicketEvent.id))
    return [{"ticketId": e.ticket_id, "title": title, "from": e.from_status, "to": e.to_status,
             "cause": e.cause, "quote": e.quote, "segmentId": e.segment_id, "at": e.created_at}
            for e, title in session.execute(query).all()]


def _duration(meeting: Meeting, segments: Sequence[Piece]) -> dict[str, Any]:
    audio = max(s.end_ms for s in segments) - min(s.start_ms for s in segments) if segments else None
    began = meeting.started_at or meeting.created_at
    wall = int((meeting.ended_at - began).total_seconds() * 1000) if meeting.ended_at else None
    return {"audioMs": audio, "wallMs": wall, "minutes": whole_minutes(audio if audio else wall)}


def build_minutes(session: Session, meeting: Meeting, segments: Sequence[Piece], items: Sequence[ActionItem],
                  decisions: Sequence[Evidence], blockers: Sequence[Blocker]) -> MinutesRead:
    language = minutes_language(meeting.language, [s.text for s in segments])
    moves = _moves(session, meeting.id)
    people = participants(segments)
    duration = _duration(meeting, segments)
    blocker_rows = [{"text": b.text, "quote": b.evidence.quote if b.evidence else None,
                     "ticketId": b.ticket_id if _in_group(session, b.ticket_id, meeting.group_id) else None}
                    for b in blockers]
    done = {m["ticketId"] for m in moves if m["to"] == TicketStatus.DONE.value}
    progressed = {m["ticketId"] for m in moves if m["to"] == TicketStatus.IN_PROGRESS.value} - done
    new_items = [i for i in items if i.new]
    content = {
        "meetingId": meeting.id, "groupId": meeting.group_id, "title": meeting.title, "language": language,
        "date": (meeting.started_at or meeting.created_at).date(), "startedAt": meeting.started_at,
        "endedAt": meeting.ended_at, "duration": duration, "participants": people,
        "summary": summary(language, title=meeting.title, minutes=duration["minutes"], people=people,
                           new=len(new_items), done=len(done), progressed=len(progressed),
                           blockers=len(blocker_rows), decisions=len(decisions),
                           main_items=[i.ticket.title for i in (new_items or list(items))][:MAIN_ITEMS],
                           spoke=bool(segments)),
        "decisions": [{"quote": d.quote, "segmentId": d.segment_id, "index": d.index} for d in decisions],
        "actionItems": [{"ticketId": i.ticket.id, "title": i.ticket.title, "assignee": i.ticket.assignee,
                         "status": i.ticket.status, "new": i.new,
                         "quote": i.evidence[0].quote if i.evidence else None,
                         "segmentId": i.evidence[0].segment_id if i.evidence else None} for i in items],
        "statusMoves": moves, "blockers": blocker_rows, "createdAt": utcnow(),
    }
    return MinutesRead.model_validate(content)


def _in_group(session: Session, ticket_id: str | None, group_id: str) -> bool:
    ticket = session.get(Ticket, ticket_id) if ticket_id else None
    return ticket is not None and ticket.group_id == group_id


def write_minutes(session: Session, meeting: Meeting, segments: Sequence[Piece], items: Sequence[ActionItem],
                  decisions: Sequence[Evidence], blockers: Sequence[Blocker]) -> MeetingMinutes:
    """Build and store the minutes (replacing an earlier version: a retried meeting gets fresh minutes)."""
    minutes = build_minutes(session, meeting, segments, items, decisions, blockers)
    row = session.get(MeetingMinutes, meeting.id)
    if row is None:
        row = MeetingMinutes(meeting_id=meeting.id, group_id=meeting.group_id)
        session.add(row)
    row.language = minutes.language
    row.content = minutes.model_dump(mode="json", by_alias=True)
    row.markdown = render_markdown(minutes)
    row.created_at = minutes.created_at
    session.flush()
    return row


def get_minutes(session: Session, meeting_id: str) -> MeetingMinutes:
    """The minutes of a processed meeting; a meeting not `done` yet is a 409 that says its state."""
    meeting = get_meeting(session, meeting_id)
    row = session.get(MeetingMinutes, meeting_id)
    if meeting.state != MeetingState.DONE.value or row is None:
        raise MinutesNotReady(f"meeting {meeting_id} is {meeting.state}: minutes are written once it is done")
    return row


LABELS = {
    "en": {"minutes": "Minutes", "date": "Date", "duration": "Duration", "participants": "Participants",
           "summary": "Summary", "decisions": "Decisions", "actions": "Action items",
           "moves": "Status changes", "blockers": "Blockers", "none": "None", "unknown": "not identified",
           "min": "min", "assignee": "assignee", "new": "new", "existing": "existing", "ticket": "Ticket",
           "status": "Status"},
    "ko": {"minutes": "회의록", "date": "날짜", "duration": "길이", "participants": "참석자", "summary": "요약",
           "decisions": "결정 사항", "actions": "실행 항목", "moves": "상태 변경", "blockers": "블로커",
           "none": "없음", "unknown": "확인되지 않음", "min": "분", "assignee": "담당", "new": "신규",
           "existing": "기존", "ticket": "티켓", "status": "상태"},
}
STATUS_NAMES = {"en": {"TODO": "To do", "IN_PROGRESS": "In progress", "DONE": "Done"},
                "ko": {"TODO": "할 일", "IN_PROGRESS": "진행 중", "DONE": "완료"}}


def _md(text: str) -> str:
    """Text safe inside a Markdown line or table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(minutes: MinutesRead) -> str:
    lang = minutes.language if minutes.language in LABELS else "en"
    label, names = LABELS[lang], STATUS_NAMES[lang]
    lines = [f"# {_md(minutes.title)} — {label['minutes']}", "",
             f"- **{label['date']}:** {minutes.date.isoformat()}",
             f"- **{label['duration']}:** {minutes.duration.minutes} {label['min']}",
             f"- **{label['participants']}:** {', '.join(minutes.participants) or label['unknown']}", "",
             f"## {label['summary']}", "", minutes.summary, "", f"## {label['decisions']}", ""]
    lines += [f"- “{_md(d.quote)}”" for d in minutes.decisions] or [f"- {label['none']}"]
    lines += ["", f"## {label['actions']}", ""]
    if minutes.action_items:
        lines += [f"| {label['ticket']} | {label['assignee']} | {label['status']} | |", "|---|---|---|---|"]
        lines += [f"| {_md(a.title)} | {_md(a.assignee or '—')} | {names[a.status.value]} | "
                  f"{label['new'] if a.new else label['existing']} `{a.ticket_id}` |"
                  for a in minutes.action_items]
    else:
        lines.append(f"- {label['none']}")
    lines += ["", f"## {label['moves']}", ""]
    lines += [f"- {_md(m.title)}: {names[m.from_status.value] if m.from_status else '—'} → "
              f"{names[m.to_status.value]} ({m.cause})" + (f" — “{_md(m.quote)}”" if m.quote else "")
              for m in minutes.status_moves] or [f"- {label['none']}"]
    lines += ["", f"## {label['blockers']}", ""]
    lines += [f"- {_md(b.text)}" + (f" — “{_md(b.quote)}”" if b.quote and b.quote != b.text else "")
              for b in minutes.blockers] or [f"- {label['none']}"]
    return "\n".join(lines) + "\n"
