"""From stored transcript segments to what a provider reads: one clean utterance list, cut into chunks.

Pure functions (no database), so the rules are tested with tables of cases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vori.extraction.schema import Evidence, Extraction, ExtractionRequest, Utterance

_NOT_WORD = re.compile(r"[^\w]+")
# A repeat is looked for among this many kept segments before the new one (repeats are always near).
RECENT = 8


@dataclass(frozen=True)
class Piece:
    """A transcript segment as assembly sees it (a `TranscriptSegment` row has these attributes)."""

    id: str | None
    seq: int
    start_ms: int
    end_ms: int
    text: str
    speaker: str | None = None


def normalized(text: str) -> str:
    """Lower-case words only: "The login page, done." and "the login page done" are the same words."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _contained(a: str, b: str) -> bool:
    """Whether the words of `a` appear, in order and whole, inside `b`."""
    return f" {a} " in f" {b} "


def _overlaps(a: Piece, b: Piece) -> bool:
    return a.start_ms < b.end_ms and b.start_ms < a.end_ms


def assemble(segments: Sequence[Piece]) -> list[Utterance]:
    """The transcript as utterances, in seq order, without the repeats a resume or a retry can leave:

    - a segment whose time range overlaps a kept one and whose words are the same as, or contained in, the
      other's is one utterance (the longer text wins, at the earlier position);
    - a segment with exactly the words of the segment kept just before it is dropped;
    - a segment with no words is dropped.
    Overlapping segments with different words (two people at once) are both kept.
    """
    kept: list[Piece] = []
    for segment in sorted(segments, key=lambda s: s.seq):
        words = normalized(segment.text)
        if not words:
            continue
        if kept and normalized(kept[-1].text) == words:
            continue
        if _absorbed(kept, segment, words):
            continue
        kept.append(segment)
    return [Utterance(index=i, text=s.text.strip(), speaker=s.speaker, segment_id=s.id, start_ms=s.start_ms)
            for i, s in enumerate(kept)]


def _absorbed(kept: list[Piece], segment: Piece, words: str) -> bool:
    """Merge `segment` into an overlapping recent kept segment with the same or contained words, if any."""
    for position in range(len(kept) - 1, max(-1, len(kept) - 1 - RECENT), -1):
        other = kept[position]
        if not _overlaps(other, segment):
            continue
        other_words = normalized(other.text)
        if _contained(words, other_words):
            return True
        if _contained(other_words, words):
            kept[position] = Piece(other.id, other.seq, min(other.start_ms, segment.start_ms),
                                   max(other.end_ms, segment.end_ms), segment.text,
                                   segment.speaker or other.speaker)
            return True
    return False


def word_count(text: str) -> int:
    return len(text.split())


def chunk(utterances: Sequence[Utterance], chunk_words: int) -> list[list[Utterance]]:
    """Whole utterances in chunks of at most `chunk_words` words (an utterance longer than that is a chunk of
    its own). Indices stay those of the whole meeting."""
    chunks: list[list[Utterance]] = []
    current: list[Utterance] = []
    words = 0
    for utterance in utterances:
        size = word_count(utterance.text)
        if current and words + size > chunk_words:
            chunks.append(current)
            current, words = [], 0
        current.append(utterance)
        words += size
    if current:
        chunks.append(current)
    return chunks


def requests(request: ExtractionRequest, chunk_words: int) -> list[ExtractionRequest]:
    """One request per chunk, each with the whole board (empty transcript: no request at all)."""
    parts = chunk(request.utterances, chunk_words)
    return [request.model_copy(update={"utterances": part}) for part in parts]


def with_sources(extraction: Extraction, utterances: Sequence[Utterance]) -> Extraction:
    """Evidence that names only an utterance index gets its segment id and quote from the transcript."""
    by_index = {u.index: u for u in utterances}

    def resolve(evidence: Evidence) -> Evidence:
        source = by_index.get(evidence.index) if evidence.index is not None else None
        if source is None:
            return evidence
        return evidence.model_copy(update={"segment_id": evidence.segment_id or source.segment_id,
                                           "quote": evidence.quote or source.text})

    result = extraction.model_copy(deep=True)
    for ticket in result.tickets:
        ticket.evidence = [resolve(e) for e in ticket.evidence]
    for update in result.status_updates:
        update.evidence = resolve(update.evidence)
    for blocker in result.blockers:
        if blocker.evidence is not None:
            blocker.evidence = resolve(blocker.evidence)
    result.decisions = [resolve(e) for e in result.decisions]
    return result
