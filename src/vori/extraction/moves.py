"""A second look at board moves the rules did not make, learned from annotated meetings.

The rules move a board ticket when a report names it well enough ("the login page is finished" against "Frontend
login page"). Reports often name it loosely instead: "the roster upload is live, ops loaded this month's crews
through it yesterday" for "Crew roster CSV import", or a line after the item was asked about. For every line that
reports work started or done and on which the rules moved nothing, each board ticket that could still move that
way is a candidate, described by how well the line, its subject and the lines around it name the ticket against
the others, whether the item came up before, and what else the rules read in the line (a second report, "not
yet", "I think", a new ticket of their own), and what the line and its neighbours say by their words alone (the
report words, `lines.Words`, since session 16). Since session 17 a line on which the rules read no report at all is
a candidate too when the report words alone find one likely enough (`EXPAND`): the rules are written against the
meetings they were developed on, and new writers tell of finished work by its results in ways no rule reads.
Boosted trees give each candidate the chance that the line moves that ticket; the most likely one of a line, when
likely enough (`ADD`), becomes a move. (The trees replaced a logistic model in session 15: out of fold, at the same
threshold, they find more of the moves and make fewer wrong ones; see docs/benchmarks.md.)

These moves are never sure: their confidence stays under the one a live meeting applies at once, so they reach
the board as suggestions a person confirms. The trees are trained with the line model (`lines.py`,
`scripts/train-line-model`) on the same meetings, and stored in the same file. Since session 17 they learn from
every report line of those meetings, the ones the rules moved a ticket on included (`every_line`), not only from
what the rules left: on the meetings they were written against the rules leave few real moves, and trees that
learned only from those were too slow to believe a report on new meetings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from vori.extraction import lines
from vori.extraction.rules.common import Clause, Intent, Statement, by_hand_not_automated
from vori.extraction.schema import BoardTicket, Evidence, StatusUpdate
from vori.tickets.status import ORDER, TicketStatus

if TYPE_CHECKING:
    from vori.extraction.local import MeetingReader

ADD = 0.7  # a candidate at least this likely becomes a move
# A line on which the rules read no report is a candidate too when the report words alone find one this likely
# (done or started, whichever they find likelier): reports told by results ("all forty-two trucks report through the
# bridge now") that no rule reads. Chosen on sets the models never learned from (docs/benchmarks.md, "Session 17").
EXPAND = 0.3
# A move of the rules that the trees, reading the same line as if the rules had moved nothing, find less likely than
# this is dropped: on sets the trees never learned from it removed 7 wrong moves and 1 right one (docs/benchmarks.md,
# "Session 19").
VETO = 0.1
SURE = 0.75  # a rule move at least this sure (by a ticket's key, or its whole name) is never dropped
CONFIDENCE = 0.7  # the most a learned move is sure of: under a live meeting's move confidence (0.75)
RULE_SIZE = 27  # features per candidate from what the rules read (what the model file's fingerprint covers)
SIZE = RULE_SIZE + 5  # … and from the report words (`lines.Words`)
WORDS_ONLY = SIZE - 1  # the feature that marks a candidate only the report words saw (`EXPAND`)
NOTHING_SAID = np.array([1.0, 0.0, 0.0])  # the report words' chances when there are none: nothing reported
_TARGET = {Intent.DONE: TicketStatus.DONE, Intent.IN_PROGRESS: TicketStatus.IN_PROGRESS}
# Reports set aside by the rules that still say some ticket is out: "QA signed off", "dispatchers get a text now"
_SAYS_WHICH = (None, "signed off", "in use")
_NOT_YET = re.compile(r"\b(?:not|n't|yet|still|until|before)\b|아직|계속|남아|전이|전입|안 ", re.IGNORECASE)
# Reports told by what now happens, with no status word: "the stomp rate went from thirty-one percent to about
# nine", "zero dupes since", "Tuesday's jobs all went out through it", "어제부터 운영 서버에서 v2만 돌고 있고요",
# "세션 만료 에러는 한 건도 안 찍혔어요". The rules read no report there; the model weighs them as candidates.
_EVIDENCE = re.compile(
    r"\bsince (?:yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last \w+|the (?:release|patch|"
    r"deploy|update|fix|launch)|then|this morning|launch)\b"
    r"|\b(?:went|dropped|fell|rose|came|is|are|was) (?:down |up )?from .{1,40}? to\b"
    r"|\b(?:zero|no|not a single|not one|none of the)\s+(?!(?:new|separate|extra|other|more)\s)(?:\w+\s+)?"
    r"(?:errors?|complaints?|tickets|misses|misreads|dupes|duplicates?|failures?|issues?|calls?|crashes|incidents?|"
    r"mismatche?s?|flags|hits|bounces|jams|timeouts?)\b"
    r"|\b(?:ran|went out|came out|came back|is running|been running|runs)\s+(?:\w+\s+)?(?:clean|fine|green|clear)\b"
    r"|\b(?:customers|users|drivers|nurses|staff|ops|support|creators|players|dispatchers|everyone|they|people|stores|"
    r"teachers|agents)\s+(?:are|have been|were|has been|'ve been|'re)\s+\w+ing\s+(?:with|through|on|off|from)\s+"
    r"(?:it|them|that)\b"
    r"|\b(?:all|every|each) (?:\w+ ){0,3}(?:went|came|got|is|are|were|was|shows?|ran|matched|match)\b.{0,30}"
    r"\b(?:through|in|out|up|on|clean|match)\b"
    r"|(?:부터|이후로|이후|뒤로)\s(?:\S+\s){0,6}\S*(?:나가고|쓰고|돌고|사용하고|들어오고|올라오고|받아\s?보고|발주하고|"
    r"적립되고|확인하고)\s?있"
    r"|(?<![\d,.])0건|한\s?건도\s?(?:안|없)|하나도\s?(?:없|안)|누락\s?(?:없|하나도)"
    r"|(?:전부|모두|다)\s?(?:\S+\s)?(?:올라왔|들어왔|넘어갔|맞았|나갔|반영됐|맞아요|맞습니다)"
    r"|에서\s\S+\s?(?:으로|로)\s?(?:줄었|늘었|올랐|떨어졌|내려갔)", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:i think|i believe|probably|maybe|should be|i'd like|kind of|sort of)\b|것 같|듯|아마",
                    re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A board ticket a report line may move, and what tells."""

    position: int  # the line's place among the lines read
    ticket: BoardTicket
    target: TicketStatus
    row: np.ndarray


def report_chances(reader: MeetingReader) -> np.ndarray:
    """The shipped report words' chances for each line read: nothing reported, done, started."""
    model = lines.shipped_reports()
    texts = [text for _, text, _ in reader.read_lines]
    return model.chances(texts) if model is not None else np.tile(NOTHING_SAID, (len(texts), 1))


def candidates(reader: MeetingReader, report_words: np.ndarray | None = None,
               every_line: bool = False, rule_moves_only: bool = False) -> list[Candidate]:
    """Every (report line without a move of the rules, status it reports, ticket that could still move there).
    `report_words`: the report words' chances for the lines read (the shipped model's when not given).
    `every_line`: the lines the rules moved a ticket on too, with the board as it was before the meeting.
    `rule_moves_only`: of those, only the tickets the rules moved on each line (what `veto_moves` weighs)."""
    from vori.extraction.local import _title, leading_phrases, naming_phrases

    def named(text: str) -> dict[str, float]:
        return reader.board.scores((text, *naming_phrases(text), *leading_phrases(text)))

    moved = {u.evidence.index for u in reader.updates.values()}
    in_ticket = {i for t in reader.tickets for i in t.lines()}
    if reader.line_names is None or len(reader.line_names) != len(reader.read_lines):
        reader.line_names = [named(text) for _, text, _ in reader.read_lines]
    scores = reader.line_names
    seen: dict[str, float] = {}  # each ticket's best score on the lines so far
    before: list[dict[str, float]] = []
    for found in scores:
        before.append(dict(seen))
        for key, value in found.items():
            seen[key] = max(seen.get(key, 0.0), value)
    korean = float(reader.korean())
    if report_words is None:
        if reader.report_words is None or len(reader.report_words) != len(reader.read_lines):
            reader.report_words = report_chances(reader)
        said_so = reader.report_words
    else:
        said_so = report_words
    reported = lines.neighbours(1.0 - said_so[:, 0])  # done or started, by the words alone: line, before, after
    found_all: list[Candidate] = []
    before_meeting = {t.id: t.status for t in reader.board.tickets}
    ruled = {(u.evidence.index, u.ticket_id) for u in reader.updates.values()}
    for i, (utterance, text, clauses) in enumerate(reader.read_lines):
        if (utterance.index in moved and not every_line) or (rule_moves_only and utterance.index not in moved):
            continue
        status = before_meeting if utterance.index in moved else reader.status
        reports = [c.statement for c in clauses if c.statement is not None and c.statement.intent in _TARGET
                   and c.statement.aside in _SAYS_WHICH]
        told = not reports and told_by_evidence(text, clauses)
        if told:
            reports = [Statement(Intent.DONE, text, "", None, True)]
        words_only = not reports and 1.0 - said_so[i, 0] >= EXPAND and not _asks_or_plans(clauses, (Intent.TODO,))
        if words_only:
            told = True
            reports = [Statement(Intent.DONE if said_so[i, 1] >= said_so[i, 2] else Intent.IN_PROGRESS, text, "", None,
                                 True)]
        if not reports:
            continue
        def at(j: int, key: str) -> float:
            return scores[j].get(key, 0.0) if 0 <= j < len(scores) else 0.0

        line = scores[i]
        top = max(line.values(), default=0.0)
        context = {key: at(i, key) + 0.8 * at(i - 1, key) + 0.6 * at(i - 2, key)
                   for key in {*scores[i], *(scores[i - 1] if i >= 1 else ()), *(scores[i - 2] if i >= 2 else ())}}
        intents = [c.statement.intent for c in clauses if c.statement is not None]
        done, started = intents.count(Intent.DONE), intents.count(Intent.IN_PROGRESS)
        said = [done / 3, started / 3, intents.count(Intent.TODO) / 3, float(bool(_NOT_YET.search(text))),
                float(bool(_HEDGE.search(text))), sum(1 for c in clauses if c.ignored) / 3,
                float(done > 0 and started > 0)]
        targets = sorted({_TARGET[s.intent] for s in reports}, key=lambda t: -ORDER[t])
        for target in targets:  # "half of it is done, I'm on the rest": either reading may be the move
            statement = next(s for s in reports if _TARGET[s.intent] == target)
            open_ = [t for t in reader.board.tickets
                     if ORDER[status[t.id]] < ORDER[target] and t.id not in reader.dropped
                     and t.id not in reader.taken_back]
            subject = named(_title(statement.obj) or statement.obj) if statement.obj else {}
            for ticket in open_:
                if by_hand_not_automated(text, ticket.title) or (
                        rule_moves_only and (utterance.index, ticket.id) not in ruled):
                    continue
                score, near = at(i, ticket.id), context.get(ticket.id, 0.0)
                row = [score, subject.get(ticket.id, 0.0), at(i - 1, ticket.id), at(i - 2, ticket.id),
                       at(i - 3, ticket.id), at(i + 1, ticket.id), before[i].get(ticket.id, 0.0),
                       score - _best_other(line, ticket.id), near, near - _best_other(context, ticket.id),
                       float(score == top and score > 0), float(statement.pronoun),
                       float(target == TicketStatus.DONE), float(status[ticket.id] == TicketStatus.TODO),
                       min(len(open_), 12) / 12, float(utterance.index in in_ticket), korean, float(score >= 0.9),
                       len(reports) / 3, float(told), *said,
                       *reported[i], said_so[i, 1 if target == TicketStatus.DONE else 2], float(words_only)]
                found_all.append(Candidate(i, ticket, target, np.array(row, np.float64)))
    return found_all


def told_by_evidence(text: str, clauses: Sequence[Clause]) -> bool:
    """A line that tells of work in use by what now happens, and neither asks, plans nor reports a block."""
    return bool(_EVIDENCE.search(text)) and not _asks_or_plans(clauses, (Intent.TODO, Intent.BLOCKED))


def _asks_or_plans(clauses: Sequence[Clause], intents: tuple[Intent, ...]) -> bool:
    """A clause of the line asks, or states one of `intents` (a plan, a block)."""
    return any(c.ignored == "question" or (c.statement is not None and c.statement.intent in intents)
               for c in clauses)


def _best_other(scores: dict[str, float], key: str) -> float:
    """The best score of a ticket other than `key` (0 when none: the tickets not named score 0)."""
    return max((v for k, v in scores.items() if k != key), default=0.0)


def labels(found: Sequence[Candidate], reader: MeetingReader, meeting: dict[str, Any]) -> np.ndarray:
    """1 for each candidate an annotated move of the meeting names (ticket, status and line), else 0."""
    gold = {(g["ticketId"], g["to"], g["line"]) for g in meeting["gold"]["statusUpdates"]}
    return np.array([float((c.ticket.id, c.target.value, reader.read_lines[c.position][0].index) in gold)
                     for c in found], np.float32)


def rows(found: Sequence[Candidate]) -> np.ndarray:
    return np.vstack([c.row for c in found]) if found else np.zeros((0, SIZE))


def chosen(found: Sequence[Candidate], chances: np.ndarray, moved: set[str]) -> list[tuple[Candidate, float]]:
    """The most likely candidate of each line, when likely enough, one move per ticket (the earliest line)."""
    best: dict[int, tuple[Candidate, float]] = {}
    for candidate, chance in zip(found, chances, strict=True):
        if chance >= ADD and (candidate.position not in best or chance > best[candidate.position][1]):
            best[candidate.position] = (candidate, float(chance))
    taken = set(moved)
    picked = []
    for _, (candidate, chance) in sorted(best.items()):
        if candidate.ticket.id not in taken:
            taken.add(candidate.ticket.id)
            picked.append((candidate, chance))
    return picked


class Chances(Protocol):
    """A model of the chance that a candidate is a move."""

    def chances(self, rows: np.ndarray) -> np.ndarray: ...


# The trees' settings, chosen by cross-validation over whole sets (docs/benchmarks.md, "Session 15").
TREES = {"max_iter": 150, "learning_rate": 0.05, "max_leaf_nodes": 8, "min_samples_leaf": 20}


def fit(rows: np.ndarray, labels: np.ndarray) -> lines.TreeModel:
    """The move model, trained on candidates and their labels (scikit-learn, needed only to train)."""
    return lines.TreeModel(lines.Trees.fit(rows, labels, **TREES))


@lru_cache(maxsize=1)
def shipped() -> lines.TreeModel | None:
    """The move model stored with the line model, or None when it is missing or was made for other features."""
    if not lines.MODEL_PATH.exists():
        return None
    with np.load(lines.MODEL_PATH) as data:
        trees = lines.Trees.load(data, "move_tree_")
        if trees is None or int(data["move_size"]) != SIZE or lines.Words.load(data, *lines.REPORT_WORDS) is None:
            return None
    return lines.TreeModel(trees)


def veto_moves(reader: MeetingReader, model: Chances) -> None:
    """Drops the rules' moves that the trees find very unlikely (`VETO`). The rules read a report and match a ticket
    by its words; they go wrong where a line shares words with a ticket it does not report on ("the new gift card
    flow" is not "Gift card balance check"), or where the report is of part of the item. The trees weigh the same
    line against the whole board and the lines around it, having learned from every report line of the annotated
    meetings. Moves the rules are sure of (`SURE`: a key, a whole name) stay. The ticket keeps the status it had
    before the meeting."""
    if not reader.updates:
        return
    found = candidates(reader, every_line=True, rule_moves_only=True)
    if not found:
        return
    for candidate, chance in zip(found, model.chances(rows(found)), strict=True):
        update = reader.updates.get(candidate.ticket.id)
        if (update is not None and chance < VETO and update.confidence < SURE and update.to_status == candidate.target
                and update.evidence.index == reader.read_lines[candidate.position][0].index):
            del reader.updates[candidate.ticket.id]
            reader.status[candidate.ticket.id] = update.from_status


def add_moves(reader: MeetingReader, model: Chances) -> None:
    """Moves for report lines the rules moved nothing on, where the model finds one likely. A new ticket the rules
    made of that line alone was the report read as new work ("The confirmation emails say seven pm now … the fix
    went out with Friday's deploy"): the move replaces it."""
    found = candidates(reader)
    if not found:
        return
    for candidate, chance in chosen(found, model.chances(rows(found)), set(reader.updates)):
        utterance, _, _ = reader.read_lines[candidate.position]
        ticket = candidate.ticket
        reader.updates[ticket.id] = StatusUpdate(
            ticket_id=ticket.id, from_status=reader.status[ticket.id], to_status=candidate.target,
            evidence=Evidence(index=utterance.index, segment_id=utterance.segment_id, quote=utterance.text),
            confidence=round(min(chance, CONFIDENCE), 3))
        reader.status[ticket.id] = candidate.target
        reader.tickets = [t for t in reader.tickets if t.lines() != {utterance.index}]
