"""The move model: which report lines and board tickets are candidates, and how a likely one becomes a move."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vori.extraction import lines, moves
from vori.extraction.local import LocalProvider, MeetingReader
from vori.extraction.schema import BoardTicket, Evidence, ExtractedTicket, ExtractionRequest, Utterance
from vori.tickets.status import TicketStatus

BOARD = [("T1", "Crew roster CSV import", "IN_PROGRESS"), ("T2", "Doctor availability calendar sync", "TODO"),
         ("T3", "Punch list PDF report", "DONE")]
TRANSCRIPT = ["Ana: Quick one from me, the roster upload is live, ops loaded this month's crews through it yesterday.",
              "Bo: Nice.", "Bo: I'll write the onboarding guide for the new dispatchers."]


def _request(transcript: list[str], board: list[tuple[str, str, str]]) -> ExtractionRequest:
    return ExtractionRequest(
        meeting_id="m-1", language="auto",
        utterances=[Utterance(index=i, text=line) for i, line in enumerate(transcript)],
        board=[BoardTicket(id=i, title=t, status=TicketStatus(s)) for i, t, s in board])


def _read(transcript: list[str], board: list[tuple[str, str, str]]) -> MeetingReader:
    reader = MeetingReader(_request(transcript, board))
    reader.read()
    return reader


def _on_line_score(weight: float = 12.0, bias: float = -3.0) -> lines.LineModel:
    """A model whose chance grows with how well the line names the ticket (the first feature) only."""
    weights = np.zeros(moves.SIZE)
    weights[0] = weight
    return lines.LineModel(weights, bias, np.zeros(moves.SIZE), np.ones(moves.SIZE))


def test_candidates_are_report_lines_the_rules_moved_nothing_on_and_tickets_that_can_still_move() -> None:
    reader = _read(TRANSCRIPT, BOARD)
    assert not reader.updates  # the rules find the roster ticket named too loosely
    found = moves.candidates(reader)
    assert {(c.position, c.ticket.id, c.target) for c in found} == {
        (0, "T1", TicketStatus.DONE), (0, "T2", TicketStatus.DONE)}  # T3 is done already; lines 1-2 report nothing
    assert all(c.row.shape == (moves.SIZE,) for c in found)
    roster = next(c for c in found if c.ticket.id == "T1")
    assert roster.row[0] > 0 and roster.row[10] == 1.0  # named by the line, and best of the board
    said = np.array([[0.2, 0.7, 0.1], [0.9, 0.05, 0.05], [1.0, 0.0, 0.0]])  # the report words' chances
    row = next(c for c in moves.candidates(reader, said) if c.ticket.id == "T1").row
    assert np.allclose(row[moves.RULE_SIZE:], [0.8, 0.0, 0.1, 0.7, 0.0])  # the line, before, after; done by the
    assert moves.rows([]).shape == (0, moves.SIZE)                           # words; a report the rules read


def test_a_line_with_no_report_the_rules_read_is_a_candidate_when_the_words_find_one() -> None:
    board = [("T1", "Ingest AVL pings from plough trucks via MQTT bridge", "IN_PROGRESS"),
             ("T2", "Route replay for supervisors", "TODO")]
    transcript = ["Tomasz: All forty-two trucks report through the bridge.", "Ana: Did the replay get any love?",
                  "Bo: Nice."]
    reader = _read(transcript, board)
    reported = np.array([[0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.95, 0.03, 0.02]])  # line 1 asks; line 2 reports nothing
    found = moves.candidates(reader, reported)
    assert {(c.position, c.ticket.id, c.target) for c in found} == {
        (0, "T1", TicketStatus.DONE), (0, "T2", TicketStatus.DONE)}
    assert all(c.row[-1] == 1.0 for c in found)  # the words alone said it
    started = moves.candidates(reader, np.array([[0.3, 0.2, 0.5], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]))
    assert {(c.ticket.id, c.target) for c in started} == {("T2", TicketStatus.IN_PROGRESS)}  # T1 is under way already
    assert moves.candidates(reader, np.tile(moves.NOTHING_SAID, (3, 1))) == []


def test_a_line_the_rules_moved_a_ticket_on_is_no_candidate_but_the_trees_learn_from_it() -> None:
    reader = _read(["Ana: The crew roster CSV import is done and live."], BOARD)
    assert "T1" in reader.updates
    assert moves.candidates(reader) == []
    # in training, with the board as it stood before the meeting: the ticket the rules moved is a candidate
    found = moves.candidates(reader, every_line=True)
    assert {(c.ticket.id, c.target) for c in found} == {("T1", TicketStatus.DONE), ("T2", TicketStatus.DONE)}
    roster = next(c for c in found if c.ticket.id == "T1")
    assert roster.row[13] == 0.0  # it was in progress, not to do


def test_a_likely_candidate_becomes_a_move_a_person_confirms() -> None:
    reader = _read(TRANSCRIPT, BOARD)
    moves.add_moves(reader, _on_line_score())
    update = reader.updates["T1"]
    assert (update.from_status, update.to_status) == (TicketStatus.IN_PROGRESS, TicketStatus.DONE)
    assert update.evidence.index == 0 and "roster upload" in update.evidence.quote
    assert update.confidence <= moves.CONFIDENCE < 0.75  # under a live meeting's move confidence: a suggestion
    assert reader.status["T1"] == TicketStatus.DONE and "T2" not in reader.updates


def test_an_unlikely_candidate_moves_nothing() -> None:
    reader = _read(TRANSCRIPT, BOARD)
    moves.add_moves(reader, _on_line_score(weight=0.0, bias=-3.0))
    assert not reader.updates


def test_a_rule_move_the_trees_find_very_unlikely_is_dropped_unless_the_rules_are_sure() -> None:
    unlikely = _on_line_score(weight=0.0, bias=-5.0)  # every candidate under VETO
    loose = _read(["Ana: The import is done.", "Bo: The calendar sync is done."], BOARD)
    assert loose.updates["T1"].confidence < moves.SURE <= loose.updates["T2"].confidence
    moves.veto_moves(loose, unlikely)
    assert set(loose.updates) == {"T2"}  # named loosely: dropped; named by its whole name: kept
    assert loose.status["T1"] == TicketStatus.IN_PROGRESS  # as it was before the meeting
    kept = _read(["Ana: The import is done."], BOARD)
    moves.veto_moves(kept, _on_line_score(weight=0.0, bias=0.0))  # a chance of one half: no veto
    assert set(kept.updates) == {"T1"}


def test_one_move_per_line_and_per_ticket() -> None:
    reader = _read(TRANSCRIPT, BOARD)
    found = [moves.Candidate(0, reader.board.tickets[0], TicketStatus.DONE, np.zeros(moves.SIZE)),
             moves.Candidate(0, reader.board.tickets[1], TicketStatus.DONE, np.zeros(moves.SIZE)),
             moves.Candidate(2, reader.board.tickets[0], TicketStatus.DONE, np.zeros(moves.SIZE)),
             moves.Candidate(2, reader.board.tickets[1], TicketStatus.IN_PROGRESS, np.zeros(moves.SIZE))]
    picked = moves.chosen(found, np.array([0.8, 0.9, 0.95, 0.75]), moved=set())
    assert [(c.position, c.ticket.id, round(p, 2)) for c, p in picked] == [(0, "T2", 0.9), (2, "T1", 0.95)]
    assert moves.chosen(found, np.array([0.8, 0.9, 0.95, 0.75]), moved={"T2"})[0][0].ticket.id == "T1"
    assert moves.chosen(found, np.full(4, moves.ADD - 0.01), moved=set()) == []


def test_the_shipped_move_model_is_used_by_the_local_provider_and_goes_with_the_line_model_switch(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = moves.shipped()
    assert shipped is not None and shipped.chances(np.zeros((2, moves.SIZE))).shape == (2,)
    assert lines.shipped_reports() is not None  # the move model reads the report words that ship with it
    monkeypatch.setattr(moves, "shipped", _on_line_score)
    request = _request(TRANSCRIPT, BOARD)
    moved = LocalProvider().extract(request).status_updates
    assert [(u.ticket_id, u.to_status) for u in moved] == [("T1", TicketStatus.DONE)]
    monkeypatch.setenv("VORI_EXTRACTION_LINE_MODEL", "0")
    assert LocalProvider().extract(request).status_updates == []


@pytest.mark.parametrize(("line", "told"), [
    ("Ana: Roster import, the failed uploads went from forty a night to zero since Tuesday's patch.", True),
    ("Ana: 로스터 업로드요, 어제부터 운영팀이 그걸로 올리고 있고 누락은 한 건도 없었어요.", True),
    ("Ana: The roster import has been throwing errors since Tuesday, I'm blocked on it.", False),
    ("Ana: Did the roster import run clean since Tuesday?", False),
])
def test_a_report_told_only_by_what_now_happens_is_a_candidate(line: str, told: bool) -> None:
    reader = _read([line], BOARD)
    found = moves.candidates(reader)
    assert bool(found) == told
    if told:
        assert all(c.target == TicketStatus.DONE and c.row[19] == 1.0 for c in found)  # marked as told by evidence


def test_the_move_trees_learn_a_signal_and_come_back_the_same_from_the_model_file(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    rows = rng.random((400, moves.SIZE))
    labels = (rows[:, 0] > 0.7).astype(np.float32)  # the line names the ticket well: a move
    model = moves.fit(rows, labels)
    chances = model.chances(rows)
    assert chances[labels == 1].mean() > 0.8 and chances[labels == 0].mean() < 0.2
    path = tmp_path / "model.npz"
    lines.LineModel(np.zeros(3), 0.0, np.zeros(3), np.ones(3)).save(path, moves=model, move_size=moves.SIZE)
    with np.load(path) as data:
        loaded = lines.Trees.load(data, "move_tree_")
        assert loaded is not None and int(data["move_size"]) == moves.SIZE
    assert np.allclose(lines.TreeModel(loaded).chances(rows), chances)


def test_a_move_on_a_line_the_rules_made_a_new_ticket_of_replaces_that_ticket() -> None:
    reader = _read(TRANSCRIPT, BOARD)
    said = reader.read_lines[0][0]
    reader.tickets.append(ExtractedTicket(title="Roster upload", content=said.text, status=TicketStatus.DONE,
                                          meeting_id="m-1", evidence=[Evidence(index=0, quote=said.text)]))
    moves.add_moves(reader, _on_line_score())
    assert "T1" in reader.updates  # the report was of the board item, not new work; the plan of line 2 stays
    assert [sorted(t.lines()) for t in reader.tickets] == [[2]]
