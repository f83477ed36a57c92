"""Scoring a provider against meetings annotated by hand (`evals/`): tickets, status moves, blockers.

A predicted ticket is the gold ticket whose lines it was found on (providers that give no lines are matched
by title similarity instead); each gold item is matched at most once. Status moves are exact: the right
ticket to the right status. A move the gold does not have is a *wrong move*: the one error a team notices
most, since it changes their board behind their back. Moves are also counted apart at or above a confidence
(`move_confidence`, 0.75 by default): the ones a live meeting applies at once, the rest becoming suggestions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vori.extraction.provider import ExtractionProvider
from vori.extraction.schema import BoardTicket, Extraction, ExtractionRequest, Utterance
from vori.extraction.similarity import similarity


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"predicted": self.predicted, "gold": self.gold, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class Score:
    tickets: Counts = field(default_factory=Counts)
    ticket_status_right: int = 0
    moves: Counts = field(default_factory=Counts)
    wrong_moves: list[str] = field(default_factory=list)
    confident_right: int = 0  # moves at or above the confidence a live meeting applies without asking
    confident_wrong: int = 0
    blockers: Counts = field(default_factory=Counts)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tickets.add(other.tickets)
        self.ticket_status_right += other.ticket_status_right
        self.moves.add(other.moves)
        self.wrong_moves += other.wrong_moves
        self.confident_right += other.confident_right
        self.confident_wrong += other.confident_wrong
        self.blockers.add(other.blockers)
        self.misses += other.misses
        self.extras += other.extras

    def as_dict(self) -> dict[str, Any]:
        return {
            "tickets": self.tickets.as_dict(),
            "ticketStatusAccuracy": round(self.ticket_status_right / self.tickets.matched, 3)
            if self.tickets.matched else None,
            "statusMoves": {**self.moves.as_dict(), "accuracy": round(self.moves.recall, 3),
                            "wrong": len(self.wrong_moves),
                            "confident": {"right": self.confident_right, "wrong": self.confident_wrong}},
            "blockers": self.blockers.as_dict(),
        }


def load_meeting(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def request_for(meeting: dict[str, Any], language: str = "auto") -> ExtractionRequest:
    utterances = [Utterance(index=i, text=line) for i, line in enumerate(meeting["transcript"])]
    board = [BoardTicket.model_validate(t) for t in meeting.get("board", [])]
    return ExtractionRequest(meeting_id=meeting.get("id"), language=language, utterances=utterances, board=board)


def score_meeting(meeting: dict[str, Any], result: Extraction, confident: float = 0.75) -> Score:
    score = Score()
    gold = meeting["gold"]
    name = meeting.get("id", "?")
    free = list(range(len(gold["tickets"])))
    score.tickets = Counts(predicted=len(result.tickets), gold=len(gold["tickets"]))
    for ticket in result.tickets:
        lines = ticket.lines()
        found = next((i for i in free if lines & set(gold["tickets"][i]["lines"])), None)
        if found is None and not lines:
            found = next((i for i in free if similarity(ticket.title, gold["tickets"][i]["title"]) >= 0.5), None)
        if found is None:
            score.extras.append(f"{name}: extra ticket {ticket.title!r} (lines {sorted(lines)})")
            continue
        free.remove(found)
        score.tickets.matched += 1
        score.ticket_status_right += ticket.status.value == gold["tickets"][found]["status"]
    score.misses += [f"{name}: missed ticket {gold['tickets'][i]['title']!r} (lines {gold['tickets'][i]['lines']})"
                     for i in free]
    expected = {(m["ticketId"], m["to"]) for m in gold["statusUpdates"]}
    score.moves = Counts(predicted=len(result.status_updates), gold=len(expected))
    for update in result.status_updates:
        right = (update.ticket_id, update.to_status.value) in expected
        if update.confidence >= confident:
            score.confident_right += right
            score.confident_wrong += not right
        if right:
            score.moves.matched += 1
        else:
            score.wrong_moves.append(f"{name}: wrong move {update.ticket_id} → {update.to_status.value} "
                                     f"({update.evidence.quote!r})")
    found_moves = {(u.ticket_id, u.to_status.value) for u in result.status_updates}
    score.misses += [f"{name}: missed move {t} → {s}" for t, s in sorted(expected - found_moves)]
    score.blockers = _score_blockers(gold.get("blockers", []), result)
    return score


def _score_blockers(gold: list[dict[str, Any]], result: Extraction) -> Counts:
    counts = Counts(predicted=len(result.blockers), gold=len(gold))
    free = list(range(len(gold)))
    for blocker in result.blockers:
        line = blocker.evidence.index if blocker.evidence else None
        found = next((i for i in free if gold[i]["line"] == line), None)
        if found is None and line is None:
            found = next((i for i in free if similarity(blocker.text, gold[i]["text"]) >= 0.5), None)
        if found is not None:
            free.remove(found)
            counts.matched += 1
    return counts


def evaluate(paths: list[Path], provider: ExtractionProvider, confident: float = 0.75) -> dict[str, Any]:
    """Scores per language and overall, with every miss and extra listed for reading."""
    files = sorted(p for path in paths for p in ([path] if path.is_file() else path.glob("*.json")))
    total = Score()
    by_language: dict[str, Score] = {}
    for file in files:
        meeting = load_meeting(file)
        score = score_meeting(meeting, provider.extract(request_for(meeting)), confident)
        total.add(score)
        by_language.setdefault(meeting.get("language", "?"), Score()).add(score)
    return {"meetings": len(files), "provider": provider.name, "overall": total.as_dict(),
            "byLanguage": {lang: s.as_dict() for lang, s in sorted(by_language.items())},
            "wrongMoves": total.wrong_moves, "misses": total.misses, "extras": total.extras}
