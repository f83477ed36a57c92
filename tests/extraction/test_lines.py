"""The line model: its features, its training, the model that ships, and its second opinion on the rules' tickets."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from vori.extraction import lines, moves
from vori.extraction.local import LocalProvider, MeetingReader
from vori.extraction.schema import BoardTicket, ExtractionRequest, Utterance
from vori.tickets.status import TicketStatus

ROOT = Path(__file__).resolve().parents[2]


def _request(transcript: list[str], board: list[tuple[str, str, str]] | None = None) -> ExtractionRequest:
    return ExtractionRequest(
        meeting_id="m-1", language="auto",
        utterances=[Utterance(index=i, text=line) for i, line in enumerate(transcript)],
        board=[BoardTicket(id=i, title=t, status=TicketStatus(s)) for i, t, s in board or []])


def _constant(chance: float) -> lines.LineModel:
    """A model that gives every line the same chance."""
    size = lines.FEATURES
    bias = float(np.log(chance / (1 - chance)))
    return lines.LineModel(np.zeros(size), bias, np.zeros(size), np.ones(size))


def test_features_are_the_same_for_the_same_meeting_and_see_korean_endings() -> None:
    reader = MeetingReader(_request(["Ana: I'll write the migration guide.", "민준: 배포 스크립트 정리해 주세요.",
                                     "Bo: Sounds good."]))
    reader.read()
    first = lines.features(reader.line_facts(), reader.korean())
    again = lines.features(reader.line_facts(), reader.korean())
    assert first.shape == (3, lines.FEATURES)
    assert np.array_equal(first, again)
    assert "$세요" in lines._tokens("정리해 주세요") and "i'll_write" in lines._tokens("I'll write")
    facts = reader.line_facts()
    assert facts[0].in_ticket and facts[0].starts_ticket and not facts[2].in_ticket
    assert lines.features([], False).shape[0] == 0
    said = lines.features(facts, reader.korean(), np.array([0.9, 0.2, 0.1]))[:, -lines.WORD_COLUMNS:]
    assert np.allclose(said, [[0.9, 0.0, 0.2], [0.2, 0.9, 0.1], [0.1, 0.2, 0.0]])  # the line, before, after
    shipped = lines.shipped_words(*lines.TICKET_WORDS)
    assert shipped is not None  # the ticket words ship with the line model and are read when none are given
    assert np.allclose(first[:, -lines.WORD_COLUMNS][0], shipped.chances([f.text for f in facts])[0, 1])


def test_training_learns_which_lines_carry_tickets(tmp_path: Path) -> None:
    meeting = {
        "id": "t-1", "language": "en", "board": [],
        "transcript": ["Ana: Morning.", "Ana: Bo, can you write the release notes for the web app?",
                       "Bo: Sure.", "Ana: Great weather today.", "Cy: I'll set up the staging database tonight.",
                       "Ana: Thanks everyone."],
        "gold": {"tickets": [{"title": "Release notes", "lines": [1, 2]}, {"title": "Staging DB", "lines": [4]}],
                 "statusUpdates": [], "blockers": []},
    }
    (tmp_path / "t-1.json").write_text(json.dumps(meeting), encoding="utf-8")
    rows, labels = lines.training_data([tmp_path])
    assert labels.tolist() == [0, 1, 1, 0, 1, 0]
    model = lines.fit(rows, labels, l2=1.0, steps=300)
    chances = model.chances(rows)
    assert min(chances[[1, 2, 4]]) > max(chances[[0, 3, 5]])
    assert lines.fingerprint(rows, labels) == lines.fingerprint(rows.copy(), labels.copy())
    model.save(tmp_path / "m.npz", sources=[str(tmp_path)], fingerprint="x")
    with np.load(tmp_path / "m.npz") as data:
        assert data["weights"].shape == model.weights.shape and str(data["fingerprint"]) == "x"


def test_the_trees_give_what_scikit_learn_gives() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(7)
    x = rng.random((400, 6))
    y = ((x[:, 0] > 0.5) ^ (x[:, 1] * x[:, 2] > 0.3)).astype(int)
    boosted = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=7, random_state=0).fit(x, y)
    trees = lines.Trees.from_sklearn(boosted)
    assert np.allclose(trees.log_odds(x), boosted.decision_function(x))
    assert np.allclose(trees.log_odds(x[:0]), np.zeros(0))


def test_the_stacked_model_learns_from_several_meetings_and_survives_saving(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    transcripts = [
        ["Ana: Morning.", "Ana: Bo, can you write the release notes for the web app?", "Bo: Sure.",
         "Ana: Great weather today.", "Cy: I'll set up the staging database tonight.", "Ana: Thanks everyone."],
        ["Dee: Hi all.", "Dee: Eli, could you add retries to the upload job?", "Eli: Yes, I'll do it today.",
         "Dee: Lunch was good.", "Fay: I'll write the backup runbook this week.", "Dee: Bye."],
    ]
    for n in range(8):  # four groups of two meetings
        transcript = transcripts[n % 2]
        meeting = {"id": f"t-{n}", "language": "en", "board": [], "transcript": transcript,
                   "gold": {"tickets": [{"title": "a", "lines": [1, 2]}, {"title": "b", "lines": [4]}],
                            "statusUpdates": [], "blockers": []}}
        folder = tmp_path / f"set{n // 2}"
        folder.mkdir(exist_ok=True)
        (folder / f"t-{n}.json").write_text(json.dumps(meeting), encoding="utf-8")
    annotated = lines.annotated_meetings(sorted(tmp_path.iterdir()))
    assert len(annotated) == 8 and len({m.group for m in annotated}) == 4
    model = lines.fit_stacked(annotated, min_samples_leaf=2, max_iter=20)
    assert model.trees is not None
    chances = model.chances(annotated[0].rows)
    assert min(chances[[1, 2, 4]]) > max(chances[[0, 3, 5]])
    model.save(tmp_path / "m.npz", sources=["set0"], fingerprint="x")
    monkeypatch.setattr(lines, "MODEL_PATH", tmp_path / "m.npz")
    lines.shipped.cache_clear()
    try:
        loaded = lines.shipped()
        assert loaded is not None and loaded.trees is not None
        assert np.allclose(loaded.chances(annotated[1].rows), model.chances(annotated[1].rows), atol=1e-4)
    finally:
        lines.shipped.cache_clear()


def test_the_shipped_model_was_trained_on_what_the_rules_read_now() -> None:
    """The model reads the rules' output: after a change of the rules, run scripts/train-line-model."""
    model, recorded = lines.shipped(), lines.trained_on()
    assert model is not None and recorded is not None
    sources, fingerprint = recorded
    assert sources and not any(s.rstrip("/").endswith(("holdout", "holdout2", "blind25", "blind26", "blind27",
                                                        "blind28", "blind77", "blind78", "blind79", "blind80"))
                               for s in sources)
    _, rows, labels, move_rows, move_labels = lines.training_sets([ROOT / s for s in sources])
    assert lines.fingerprint(rows[:, :-lines.WORD_COLUMNS], labels, move_rows[:, :moves.RULE_SIZE], move_labels) == fingerprint, \
        "the rules changed: run scripts/train-line-model"


def test_an_unlikely_ticket_of_the_rules_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "shipped", lambda: _constant(0.05))
    chat = ["Bo: Morning.", "Cy: Morning all.", "Bo: Coffee's on.", "Cy: Thanks.", "Bo: Sure."]
    result = LocalProvider().extract(_request(["Ana: I'll write the migration guide for the billing API.", *chat]))
    assert result.tickets == []
    # a meeting this short is unlike the ones the model learned from: the rules' tickets stay
    short = LocalProvider().extract(_request(["Ana: I'll write the migration guide for the billing API.", *chat[:4]]))
    assert [t.title for t in short.tickets] == ["Write the migration guide for the billing API"]


def test_a_likely_line_the_rules_left_alone_gets_a_ticket_but_not_call_logistics_work_filed_elsewhere_or_a_recap(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "shipped", lambda: _constant(0.9))
    transcript = [
        "Ana: Honestly the onboarding emails for new tenants look pretty rough.",
        "Bo: Yeah.",
        "Owen: Can you see my screen?",
        "Bo: Mm.",
        "Mateus: I'll open a new ticket for the dead device tokens.",
        "Bo: Right.",
        "Cy: The billing export job for the ledger team.",
        "Di: So to recap, Ana on the tenant emails and Bo on the shared calendar sync.",
    ]
    reader = MeetingReader(_request(transcript, [("T1", "Billing export job for the ledger team", "TODO")]))
    reader.read()
    assert reader.tickets == []  # the rules took none of it
    result = LocalProvider().extract(_request(transcript, [("T1", "Billing export job for the ledger team", "TODO")]))
    # one ticket for the run of likely lines 0–1; not the screen share, the ticket filed elsewhere, the line
    # that names a board ticket, or the recap
    assert [([e.index for e in t.evidence], t.status) for t in result.tickets] == [([0, 1], TicketStatus.TODO)]
    assert "onboarding emails for new tenants" in result.tickets[0].title.lower()
    assert result.tickets[0].confidence < 0.75


def test_the_line_model_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "shipped", lambda: _constant(0.05))
    monkeypatch.setenv("VORI_EXTRACTION_LINE_MODEL", "0")
    result = LocalProvider().extract(_request(["Ana: I'll write the migration guide for the billing API."]))
    assert [t.title for t in result.tickets] == ["Write the migration guide for the billing API"]


def test_a_ticket_drawn_from_a_line_an_earlier_ticket_cites_joins_it() -> None:
    from vori.extraction.schema import Evidence, ExtractedTicket

    reader = MeetingReader(_request(["Ana: I'll add the payout export.", "Bo: I'll fix the login redirect.",
                                     "Ana: So: Ana on the payout export, Bo on the redirect."]))
    said = [Evidence(index=i, quote=f"line {i}") for i in range(3)]
    reader.tickets = [ExtractedTicket(title="Add the payout export", evidence=[said[0], said[2]]),
                      ExtractedTicket(title="Fix the login redirect", evidence=[said[1]]),
                      ExtractedTicket(title="Payout export, Bo on the redirect", evidence=[said[2]])]
    reader.fold_repeats()
    assert [(t.title, [e.index for e in t.evidence]) for t in reader.tickets] == [
        ("Add the payout export", [0, 2]), ("Fix the login redirect", [1])]


@pytest.mark.parametrize("transcript", [
    ["The login page is finished.", "I will start working on the payment service tomorrow.",
     "Maria will review the design document on Friday."],
    ["The login page is finished. I will start working on the payment service tomorrow.",
     "Maria will review the design document on Friday."],
])
def test_the_shipped_model_keeps_a_short_stand_ups_plain_action_item(transcript: list[str]) -> None:
    """The trees alone doubt the last line of a three-line meeting; a ticket goes only when both stages doubt it."""
    result = LocalProvider().extract(_request(transcript, [("T1", "Frontend login page", "IN_PROGRESS")]))
    assert "Review the design document" in [t.title for t in result.tickets]
    assert [(u.ticket_id, u.to_status) for u in result.status_updates] == [("T1", TicketStatus.DONE)]


REPORTS = ["Ana: The export is done, merged it last night.", "Bo: Wrapped up the invoice screen yesterday.",
           "Cy: 결제 화면 작업 끝냈어요.", "Ana: I started on the roster sync this morning.",
           "Bo: 알림 작업 착수했어요.", "Cy: Nice weather today.", "Ana: Can you review the doc?",
           "Bo: Let's meet on Friday.", "Cy: 점심 뭐 먹을까요?", "Ana: Thanks, everyone."]
REPORTED = np.array([1, 1, 1, 2, 2, 0, 0, 0, 0, 0])


def test_the_report_words_learn_done_and_started_and_come_back_the_same_from_the_model_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = lines.Words.fit(REPORTS * 3, np.tile(REPORTED, 3), 3)
    chances = model.chances(REPORTS)
    assert chances.shape == (10, 3) and np.allclose(chances.sum(axis=1), 1.0)
    assert (chances.argmax(axis=1) == REPORTED).all()
    assert model.chances([]).shape == (0, 3)
    lines.LineModel(np.zeros(3), 0.0, np.zeros(3), np.ones(3)).save(tmp_path / "m.npz", words={lines.REPORT_WORDS[0]: model})
    monkeypatch.setattr(lines, "MODEL_PATH", tmp_path / "m.npz")
    lines.shipped_words.cache_clear()
    try:
        loaded = lines.shipped_reports()
        assert loaded is not None and np.allclose(loaded.chances(REPORTS), chances, atol=1e-2)  # stored as float16
    finally:
        lines.shipped_words.cache_clear()


def test_report_words_trained_on_two_classes_never_find_the_third() -> None:
    model = lines.Words.fit(REPORTS * 2, np.tile(np.minimum(REPORTED, 1), 2), 3)
    chances = model.chances(REPORTS)
    assert (chances[:, 2] < 1e-6).all() and (chances[:5, 1] > chances[:5, 0]).all()
    assert (chances[5:, 0] > chances[5:, 1]).all()


def test_report_labels_and_out_of_set_chances(tmp_path: Path) -> None:
    for n in range(6):
        meeting = {"id": f"r-{n}", "language": "en", "board": [{"id": "T1", "title": "Export", "status": "TODO"}],
                   "transcript": REPORTS, "gold": {"tickets": [], "blockers": [], "statusUpdates": [
                       {"ticketId": "T1", "to": "DONE", "line": 0}, {"ticketId": "T1", "to": "IN_PROGRESS",
                                                                     "line": 3}]}}
        folder = tmp_path / f"set{n % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"r-{n}.json").write_text(json.dumps(meeting), encoding="utf-8")
    read = lines.read_annotated(sorted(tmp_path.iterdir()))
    assert lines.report_labels(read[0][0], read[0][1]).tolist() == [1, 0, 0, 2, 0, 0, 0, 0, 0, 0]
    found = lines.word_folds(read, lines.report_labels, 3, folds=3)  # each set is scored by a model trained on the other two
    assert [f.shape for f in found] == [(10, 3)] * 6
    assert found[0][0].argmax() == 1 and found[0][3].argmax() == 2 and found[0][5].argmax() == 0
