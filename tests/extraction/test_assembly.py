"""Transcript assembly and chunking: tables of cases, English and Korean."""

from __future__ import annotations

import pytest

from vori.extraction.assembly import Piece, assemble, chunk, requests, with_sources
from vori.extraction.schema import (
    Blocker,
    Evidence,
    ExtractedTicket,
    Extraction,
    ExtractionRequest,
    Utterance,
)


def pieces(*rows: tuple[int, int, str]) -> list[Piece]:
    """(start ms, end ms, text) in seq order."""
    return [Piece(f"s{seq}", seq, start, end, text) for seq, (start, end, text) in enumerate(rows, 1)]


ASSEMBLY = [
    pytest.param(pieces((0, 1000, "The login page is finished."), (1500, 3000, "Payment next.")),
                 ["The login page is finished.", "Payment next."], id="clean transcript kept as is"),
    pytest.param(pieces((0, 2000, "The login page is finished."), (500, 2000, "login page is finished")),
                 ["The login page is finished."], id="resume repeats the tail of a segment"),
    pytest.param(pieces((0, 1200, "The login page"), (0, 2500, "The login page is finished.")),
                 ["The login page is finished."], id="a longer overlapping segment replaces a contained one"),
    pytest.param(pieces((0, 1000, "Payment next."), (1100, 2000, "payment next")),
                 ["Payment next."], id="exact duplicate consecutive text"),
    pytest.param(pieces((0, 1000, "Yes."), (1100, 2000, "No."), (2100, 3000, "Yes.")),
                 ["Yes.", "No.", "Yes."], id="the same word said again later is kept"),
    pytest.param(pieces((0, 2000, "I take the login page."), (1000, 2500, "I take the payment service.")),
                 ["I take the login page.", "I take the payment service."],
                 id="overlapping speakers saying different things are both kept"),
    pytest.param(pieces((0, 1000, "  "), (1000, 2000, "..."), (2000, 3000, "Done.")),
                 ["Done."], id="segments without words are dropped"),
    pytest.param(pieces((0, 3000, "로그인 페이지 구현이 완료되었습니다."), (1500, 3000, "구현이 완료되었습니다")),
                 ["로그인 페이지 구현이 완료되었습니다."], id="Korean repeat after a resume"),
    pytest.param(pieces((0, 1000, "결제 연동 시작할게요"), (1200, 2000, "결제 연동 시작할게요.")),
                 ["결제 연동 시작할게요"], id="Korean duplicate consecutive text"),
    pytest.param(pieces((0, 1000, "로그인"), (5000, 6000, "로그인 페이지 완료")),
                 ["로그인", "로그인 페이지 완료"], id="contained words far apart in time are both kept"),
    pytest.param(pieces(), [], id="empty transcript"),
]


@pytest.mark.parametrize(("segments", "expected"), ASSEMBLY)
def test_assemble(segments: list[Piece], expected: list[str]) -> None:
    utterances = assemble(segments)
    assert [u.text for u in utterances] == expected
    assert [u.index for u in utterances] == list(range(len(expected)))


def test_assembly_keeps_segment_ids_speakers_and_order_by_seq() -> None:
    rows = [Piece("b", 2, 1000, 2000, "second", "Bo"), Piece("a", 1, 0, 900, "first", "Ann")]
    utterances = assemble(rows)
    assert [(u.segment_id, u.speaker, u.start_ms, u.text) for u in utterances] == [
        ("a", "Ann", 0, "first"), ("b", "Bo", 1000, "second")]


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


CHUNKS = [
    pytest.param([10, 10, 10], 50, [[0, 1, 2]], id="all in one chunk"),
    pytest.param([30, 30, 30], 50, [[0], [1], [2]], id="one utterance per chunk"),
    pytest.param([20, 20, 20, 20], 50, [[0, 1], [2, 3]], id="whole utterances up to the limit"),
    pytest.param([80, 10, 10], 50, [[0], [1, 2]], id="a long utterance is a chunk of its own"),
    pytest.param([], 50, [], id="nothing said"),
]


@pytest.mark.parametrize(("sizes", "limit", "expected"), CHUNKS)
def test_chunk(sizes: list[int], limit: int, expected: list[list[int]]) -> None:
    utterances = [Utterance(index=i, text=words(n)) for i, n in enumerate(sizes)]
    assert [[u.index for u in part] for part in chunk(utterances, limit)] == expected


def test_chunk_counts_korean_words_by_spaces() -> None:
    utterances = [Utterance(index=i, text="로그인 페이지 구현이 완료되었습니다") for i in range(5)]
    assert [[u.index for u in part] for part in chunk(utterances, 8)] == [[0, 1], [2, 3], [4]]


def test_requests_keep_global_indices_and_the_board() -> None:
    request = ExtractionRequest(meeting_id="m", language="en", board=[],
                                utterances=[Utterance(index=i, text=words(30)) for i in range(3)])
    parts = requests(request, 50)
    assert [[u.index for u in p.utterances] for p in parts] == [[0], [1], [2]]
    assert all(p.meeting_id == "m" and p.language == "en" for p in parts)


def test_evidence_by_index_gets_its_segment_and_quote() -> None:
    utterances = [Utterance(index=0, text="We need a login page.", segment_id="seg-0"),
                  Utterance(index=1, text="Blocked on the API keys.", segment_id="seg-1")]
    extraction = Extraction(tickets=[ExtractedTicket(title="Login page", evidence=[Evidence(index=0)])],
                            blockers=[Blocker(text="API keys", evidence=Evidence(index=1))],
                            decisions=[Evidence(index=1, quote="kept as said")])
    resolved = with_sources(extraction, utterances)
    assert resolved.tickets[0].evidence[0] == Evidence(index=0, segment_id="seg-0", quote="We need a login page.")
    assert resolved.blockers[0].evidence == Evidence(index=1, segment_id="seg-1", quote="Blocked on the API keys.")
    assert resolved.decisions[0].quote == "kept as said"
    assert extraction.tickets[0].evidence[0].segment_id is None  # the input is not changed
