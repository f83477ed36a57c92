"""Merging the answers for the chunks of one meeting into one extraction. Pure: no database, no provider.

A long meeting is extracted chunk by chunk, and the same work is often mentioned in two chunks ("we need a
login page" early, "the login page is done" late). It must become one ticket with both pieces of evidence,
at the furthest status said.
"""

from __future__ import annotations

from collections.abc import Sequence

from vori.extraction.schema import Blocker, Evidence, ExtractedTicket, Extraction, StatusUpdate
from vori.extraction.similarity import similarity
from vori.tickets.service import fingerprint
from vori.tickets.status import ORDER

# Two extracted tickets whose titles are at least this similar (vori.extraction.similarity) are one ticket.
SAME_TICKET = 0.8


def same_work(a: str, b: str, threshold: float = SAME_TICKET) -> bool:
    return fingerprint(a) == fingerprint(b) or similarity(a, b) >= threshold


def _evidence_key(evidence: Evidence) -> tuple[int | None, str | None, str]:
    return evidence.index, evidence.segment_id, " ".join(evidence.quote.lower().split())


def union_evidence(a: Sequence[Evidence], b: Sequence[Evidence]) -> list[Evidence]:
    seen = {_evidence_key(e) for e in a}
    merged = list(a)
    for evidence in b:
        if _evidence_key(evidence) not in seen:
            seen.add(_evidence_key(evidence))
            merged.append(evidence)
    return merged


def _combine(first: ExtractedTicket, later: ExtractedTicket) -> ExtractedTicket:
    """One ticket from two mentions: the first title, the furthest status, every piece of evidence."""
    status = later.status if ORDER[later.status] > ORDER[first.status] else first.status
    content = first.content
    if later.content and later.content not in content:
        content = f"{content}\n{later.content}".strip()
    return first.model_copy(update={
        "status": status, "content": content, "assignee": first.assignee or later.assignee,
        "evidence": union_evidence(first.evidence, later.evidence),
        "confidence": max(first.confidence, later.confidence),
        "meeting_id": first.meeting_id or later.meeting_id,
    })


def merge_tickets(
    tickets: Sequence[ExtractedTicket], threshold: float = SAME_TICKET
) -> list[ExtractedTicket]:
    merged: list[ExtractedTicket] = []
    for ticket in tickets:
        for position, existing in enumerate(merged):
            if same_work(existing.title, ticket.title, threshold):
                merged[position] = _combine(existing, ticket)
                break
        else:
            merged.append(ticket)
    return merged


def merge_status_updates(updates: Sequence[StatusUpdate]) -> list[StatusUpdate]:
    """One move per board ticket: the furthest forward one (the first said, among equals)."""
    best: dict[str, StatusUpdate] = {}
    for update in updates:
        current = best.get(update.ticket_id)
        if current is None:
            best[update.ticket_id] = update
        elif ORDER[update.to_status] > ORDER[current.to_status]:
            best[update.ticket_id] = update.model_copy(update={"from_status": current.from_status})
    return list(best.values())


def merge_blockers(blockers: Sequence[Blocker], threshold: float = SAME_TICKET) -> list[Blocker]:
    merged: list[Blocker] = []
    for blocker in blockers:
        duplicate = any(b.ticket_id == blocker.ticket_id and same_work(b.text, blocker.text, threshold)
                        for b in merged)
        if not duplicate:
            merged.append(blocker)
    return merged


def merge_extractions(parts: Sequence[Extraction], threshold: float = SAME_TICKET) -> Extraction:
    """The chunks' answers, in transcript order, as one extraction."""
    return Extraction(
        tickets=merge_tickets([t for p in parts for t in p.tickets], threshold),
        status_updates=merge_status_updates([u for p in parts for u in p.status_updates]),
        blockers=merge_blockers([b for p in parts for b in p.blockers], threshold),
        decisions=union_evidence([], [d for p in parts for d in p.decisions]),
        rejected=[r for p in parts for r in p.rejected],
    )
