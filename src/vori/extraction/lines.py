"""A second opinion on which lines of a meeting carry a ticket, learned from annotated meetings.

The rules (`local.py`) read each utterance and decide what is new work. Where they are wrong, the line and its
neighbours often still show it: the words used ("let's", "can you", "I'll", "해 주세요", "해야"), what the rules saw in
them (a request, a question, a report, a move of a board ticket), and the line after ("Sure, I'll take it"). A
model over those signals gives each line the chance that it belongs to a ticket. The local provider then

- drops a ticket of the rules when none of its lines is likely to carry one (`DROP`), by either stage below, and
- adds a ticket for a likely line that the rules left alone (`ADD`), away from the lines of other tickets.

Features are hashed words and word pairs (with character pairs and endings for Korean) of a line, the line before
and the line after, what the rules found on each, and the chance the ticket words (`Words`, a larger model of the
words alone, which reads no rule) give each: no vocabulary file, no model to download, microseconds per line. The
model has two stages. A logistic regression over all of it gives a first chance; boosted decision trees then read
that chance together with what the rules found on the three lines, where combinations count ("a pronoun TODO right
after a request", "a report with no board ticket named"), and give the final chance. The trees are trained on
chances the logistic stage gave for meetings it was not trained on, so they learn how far to trust it on new
meetings. Training uses scikit-learn (an extra, `pip install .[train]`); the shipped model is plain arrays evaluated
with numpy. The weights (`line_model.npz`) are trained by `scripts/train-line-model` on the annotated meetings the
rules were developed on; the meetings kept unread (`evals/README.md`) are never used. The model reads the rules'
output, so a change of the rules needs a retraining: the file records a fingerprint of what it was trained on, and a
test fails when the rules no longer read the training meetings that way. `VORI_EXTRACTION_LINE_MODEL=0` turns it
off.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from vori.extraction.rules.common import Clause

if TYPE_CHECKING:
    from vori.extraction.local import MeetingReader

MODEL_PATH = Path(__file__).with_name("line_model.npz")
HASH_SIZE = 2048
ADD = 0.7  # a line the rules left alone at least this likely to carry a ticket gets one
DROP = 0.45  # a ticket of the rules none of whose lines is this likely, by either stage, is dropped
SHORT = 6  # a meeting of fewer lines is unlike those the model learned from (25 and more): it drops nothing there
L2 = 1000.0
_INTENTS = ("TODO", "IN_PROGRESS", "DONE", "BLOCKED", "DECISION")
_IGNORED = ("negated", "timeline", "rolled back", "quoted", "question", "folded", "external", "reason", "hedged",
            "filed", "dropped")
_RULE_SIZE = len(_INTENTS) * 2 + 4 + len(_IGNORED) + 4
WORD_COLUMNS = 3  # the ticket words' chances for the line, the one before and the one after: the last columns
FEATURES = 3 * (HASH_SIZE + _RULE_SIZE) + 3 + WORD_COLUMNS  # per line
TICKET_WORDS = ("ticket_words_", 2)  # where the word models are stored in the model file, and their classes
REPORT_WORDS = ("report_words_", 3)
_WORD = re.compile(r"[a-z']+|\d+|[가-힣]+")
_HANGUL = re.compile(r"[가-힣]")


def enabled() -> bool:
    return os.environ.get("VORI_EXTRACTION_LINE_MODEL", "1").strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class LineFacts:
    """One utterance as the rules left it: its text, the clauses they read, and what they made of it."""

    text: str
    clauses: Sequence[Clause]
    moved: bool = False  # a board ticket was moved by this line
    in_ticket: bool = False  # the line is evidence of a new ticket of the rules
    starts_ticket: bool = False  # … and the first such line


def _tokens(text: str) -> list[str]:
    found = _WORD.findall(text.lower())
    tokens = [*found, *(f"{a}_{b}" for a, b in pairwise(found))]
    for word in found:
        if _HANGUL.match(word):
            tokens += [word[i:i + 2] for i in range(len(word) - 1)]
            tokens += [f"${word[-2:]}", f"${word[-1:]}"]
    return tokens


def _buckets(text: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The hashed tokens of `text` in `size` buckets: which buckets, and their counts scaled to unit length."""
    counts: dict[int, float] = {}
    for token in _tokens(text):
        bucket = zlib.crc32(token.encode()) % size
        counts[bucket] = counts.get(bucket, 0.0) + 1.0
    values = np.fromiter(counts.values(), np.float64, len(counts))
    norm = float(np.linalg.norm(values))
    return np.fromiter(counts, np.int64, len(counts)), values / norm if norm else values


def _hashed(text: str) -> np.ndarray:
    vector = np.zeros(HASH_SIZE, np.float32)
    at, values = _buckets(text, HASH_SIZE)
    vector[at] = values
    return vector


def _rule_signals(facts: LineFacts, position: float) -> np.ndarray:
    signals = np.zeros(_RULE_SIZE, np.float32)
    for clause in facts.clauses:
        statement = clause.statement
        if statement is not None:
            at = _INTENTS.index(statement.intent.value) * 2 + (1 if statement.pronoun else 0)
            signals[at] = 1.0
            signals[10] = max(signals[10], float(statement.request))
            signals[11] = max(signals[11], float(statement.aside is not None))
            signals[12] = max(signals[12], float(statement.assignee is not None))
            signals[13] = max(signals[13], statement.confidence)
        elif clause.ignored in _IGNORED or clause.ignored == "untouched":
            # a part not started ("Dock 4 I haven't touched") is read as a negation
            signals[14 + _IGNORED.index("negated" if clause.ignored == "untouched" else clause.ignored)] = 1.0
    signals[-4] = float(facts.moved)
    signals[-3] = float(facts.text.rstrip().endswith("?"))
    signals[-2] = min(len(facts.text.split()), 40) / 40
    signals[-1] = position
    return signals


def features(lines: Sequence[LineFacts], korean: bool, words: np.ndarray | None = None) -> np.ndarray:
    """One row per line: hashed words and rule signals of the line, the one before and the one after, and the
    ticket words' chance for each of the three (`words`, one per line; the shipped ticket words' when not given)."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, FEATURES), np.float32)
    if words is None:
        model = shipped_words(*TICKET_WORDS)
        words = model.chances([f.text for f in lines])[:, 1] if model is not None else np.zeros(n)
    own = np.hstack([np.vstack([_hashed(f.text) for f in lines]),
                     np.vstack([_rule_signals(f, i / n) for i, f in enumerate(lines)])])
    blank = np.zeros((1, own.shape[1]), np.float32)
    before = np.vstack([blank, own[:-1]])
    after = np.vstack([own[1:], blank])
    tickets = np.array([[f.in_ticket, f.starts_ticket, korean] for f in lines], np.float32)
    said = neighbours(words)
    return np.hstack([own[:, :HASH_SIZE], before[:, :HASH_SIZE], after[:, :HASH_SIZE],
                      own[:, HASH_SIZE:], before[:, HASH_SIZE:], after[:, HASH_SIZE:], tickets,
                      said.astype(np.float32)])


def neighbours(values: np.ndarray) -> np.ndarray:
    """One row per line: its value, the line before's and the line after's (0 past either end)."""
    if len(values) == 0:
        return np.zeros((0, 3))
    return np.stack([values, np.concatenate([[0.0], values[:-1]]), np.concatenate([values[1:], [0.0]])], axis=1)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))


@dataclass(frozen=True)
class Trees:
    """Boosted regression trees on log-odds, as flat node arrays (all trees in one; `roots` says where each
    starts). A row goes left at a node when its feature is at most the node's threshold."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    roots: np.ndarray
    baseline: float

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        rows = np.arange(len(x))
        total = np.full(len(x), self.baseline)
        for root in self.roots:
            node = np.full(len(x), root)
            while not self.leaf[node].all():
                left = x[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(self.leaf[node], node, np.where(left, self.left[node], self.right[node]))
            total += self.value[node]
        return total

    @classmethod
    def from_sklearn(cls, model: Any) -> Trees:
        """The trees of a fitted binary `HistGradientBoostingClassifier` (numeric features, no missing values)."""
        parts, roots, offset = [], [], 0
        for (tree,) in model._predictors:
            nodes = tree.nodes
            roots.append(offset)
            parts.append((nodes["feature_idx"], nodes["num_threshold"], nodes["left"] + offset,
                          nodes["right"] + offset, nodes["value"], nodes["is_leaf"].astype(bool)))
            offset += len(nodes)
        feature, threshold, left, right, value, leaf = (np.concatenate(column) for column in zip(*parts))
        return cls(feature.astype(np.int32), threshold.astype(np.float64), left.astype(np.int32),
                   right.astype(np.int32), value.astype(np.float64), leaf, np.array(roots, np.int32),
                   float(np.ravel(model._baseline_prediction)[0]))


    def arrays(self, prefix: str) -> dict[str, Any]:
        """The trees as named arrays, for a model file."""
        return {f"{prefix}{name}": np.asarray(getattr(self, name))
                for name in ("feature", "threshold", "left", "right", "value", "leaf", "roots", "baseline")}

    @classmethod
    def load(cls, data: Any, prefix: str) -> Trees | None:
        """The trees stored under `prefix` in a model file, or None."""
        if f"{prefix}roots" not in data:
            return None
        return cls(data[f"{prefix}feature"], data[f"{prefix}threshold"].astype(np.float64), data[f"{prefix}left"],
                   data[f"{prefix}right"], data[f"{prefix}value"].astype(np.float64), data[f"{prefix}leaf"],
                   data[f"{prefix}roots"], float(data[f"{prefix}baseline"]))

    @classmethod
    def fit(cls, rows: np.ndarray, labels: np.ndarray, **settings: Any) -> Trees:
        """Boosted trees fitted to `rows` (scikit-learn, needed only to train)."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        settings = {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40,
                    "l2_regularization": 1.0, "random_state": 0, **settings}
        return cls.from_sklearn(HistGradientBoostingClassifier(**settings).fit(rows, labels))


@dataclass(frozen=True)
class TreeModel:
    """Boosted trees read straight off the rows (the move model, `moves.py`)."""

    trees: Trees

    def chances(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        return _sigmoid(self.trees.log_odds(rows.astype(np.float64)))


WORDS_HASH = 32768  # buckets of the word models: fewer lose moves to collisions (docs/benchmarks.md, session 16)
WORDS_C = 4.0  # the inverse strength of the word models' L2 penalty
_REPORTED = ("DONE", "IN_PROGRESS")  # the report words' classes after "nothing reported"


@dataclass(frozen=True)
class Words:
    """What a line's words alone say: a multinomial logistic regression over its hashed words, word pairs and
    Korean character pairs and endings (`_tokens`, in `WORDS_HASH` buckets). It reads no rule, so what it learns
    from the read meetings does not lean on rules developed on those same meetings. Two ship:
    - the **ticket words** (classes: no ticket, a ticket): the chance that an annotated ticket cites the line, read
      by the line model;
    - the **report words** (classes: nothing reported, done, started): the chance that the line is annotated as a
      move of a board ticket, read by the move model (`moves.py`)."""

    weights: np.ndarray  # (WORDS_HASH, classes)
    bias: np.ndarray  # (classes,)

    def chances(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: the chance of each class."""
        logits = np.tile(self.bias.astype(np.float64), (len(texts), 1))
        for row, text in enumerate(texts):
            at, values = _buckets(text, WORDS_HASH)
            logits[row] += values @ self.weights[at]
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return np.asarray(odds / odds.sum(axis=1, keepdims=True))

    @classmethod
    def fit(cls, texts: Sequence[str], labels: np.ndarray, classes: int) -> Words:
        """Fitted to `texts` and their labels (0 … classes-1; scikit-learn, needed only to train)."""
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        rows, columns, values = [], [], []
        for row, text in enumerate(texts):
            at, counts = _buckets(text, WORDS_HASH)
            rows += [row] * len(at)
            columns += at.tolist()
            values += counts.tolist()
        x = csr_matrix((values, (rows, columns)), shape=(len(texts), WORDS_HASH))
        model = LogisticRegression(C=WORDS_C, max_iter=3000).fit(x, labels.astype(np.int64))
        weights = np.zeros((WORDS_HASH, classes))
        bias = np.full(classes, -30.0)  # a class never seen in training is never likely
        coef, intercept = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # one row, the log-odds of the second class: split evenly between the two
            coef, intercept = np.vstack([-coef[0], coef[0]]) / 2, np.array([-intercept[0], intercept[0]]) / 2
        for column, label in enumerate(model.classes_):
            weights[:, int(label)] = coef[column]
            bias[int(label)] = intercept[column]
        return cls(weights, bias)

    @staticmethod
    def load(data: Any, prefix: str, classes: int) -> Words | None:
        if f"{prefix}weights" not in data or data[f"{prefix}weights"].shape != (WORDS_HASH, classes):
            return None
        return Words(data[f"{prefix}weights"].astype(np.float64), data[f"{prefix}bias"].astype(np.float64))

    def arrays(self, prefix: str) -> dict[str, Any]:
        return {f"{prefix}weights": self.weights.astype(np.float16), f"{prefix}bias": self.bias.astype(np.float32)}


def report_labels(meeting: dict[str, Any], reader: MeetingReader) -> np.ndarray:
    """For each line the rules read: 1 when an annotated move to done cites it, 2 to started, else 0."""
    position = {u.index: i for i, (u, _, _) in enumerate(reader.read_lines)}
    labels = np.zeros(len(reader.read_lines), np.int64)
    for move in meeting["gold"]["statusUpdates"]:
        if move["line"] in position and move["to"] in _REPORTED:
            labels[position[move["line"]]] = 1 + _REPORTED.index(move["to"])
    return labels


Labeller = Callable[[dict[str, Any], "MeetingReader"], np.ndarray]


def word_folds(read: Sequence[tuple[dict[str, Any], MeetingReader, str]], labels: Labeller, classes: int,
               folds: int = 5) -> list[np.ndarray]:
    """The chances a word model (`labels` of each line read, `classes` of them) gives each line of each meeting,
    from a model trained on the other sets: so that a model reading them learns how far to trust them on
    meetings they were not trained on."""
    groups = sorted({group for _, _, group in read})
    if len(groups) < folds:
        groups = [str(i) for i in range(len(read))]
        read = [(meeting, reader, str(i)) for i, (meeting, reader, _) in enumerate(read)]
    found: list[np.ndarray] = [np.zeros((0, classes))] * len(read)
    for part in (set(groups[i::folds]) for i in range(folds)):
        model = fit_words([r for r in read if r[2] not in part], labels, classes)
        for k, (_, reader, group) in enumerate(read):
            if group in part:
                found[k] = model.chances([t for _, t, _ in reader.read_lines])
    return found


def fit_words(read: Sequence[tuple[dict[str, Any], MeetingReader, str]], labels: Labeller, classes: int) -> Words:
    return Words.fit([t for _, reader, _ in read for _, t, _ in reader.read_lines],
                     np.concatenate([labels(meeting, reader) for meeting, reader, _ in read]), classes)


def _stacked(rows: np.ndarray, first: np.ndarray) -> np.ndarray:
    """What the trees read: everything but the hashed words, and the logistic stage's chance."""
    return np.hstack([rows[:, 3 * HASH_SIZE:], first[:, None]])


@dataclass(frozen=True)
class LineModel:
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    trees: Trees | None = None

    def first_chances(self, rows: np.ndarray) -> np.ndarray:
        """The logistic stage alone."""
        if len(rows) == 0:
            return np.zeros(0)
        return _sigmoid(((rows - self.mean) / self.scale) @ self.weights + self.bias)

    def stages(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The logistic stage's chances and the final ones (the same when there are no trees)."""
        first = self.first_chances(rows)
        if self.trees is None or len(rows) == 0:
            return first, first
        return first, _sigmoid(self.trees.log_odds(_stacked(rows, first)))

    def chances(self, rows: np.ndarray) -> np.ndarray:
        return self.stages(rows)[1]

    def save(self, path: Path, sources: Sequence[str] = (), fingerprint: str = "",
             moves: TreeModel | None = None, move_size: int = 0, words: dict[str, Words] | None = None) -> None:
        """Writes the model, with the move model (`moves.py`, `move_size` features) under `move_` keys and word
        models under their prefixes (`words`), when given."""
        arrays: dict[str, Any] = {
            "weights": self.weights.astype(np.float32), "bias": np.float32(self.bias),
            "mean": self.mean.astype(np.float32), "scale": self.scale.astype(np.float32),
            "sources": np.array(list(sources), dtype=str), "fingerprint": np.array(fingerprint)}
        if self.trees is not None:
            arrays |= self.trees.arrays("tree_")
        if moves is not None:
            arrays |= moves.trees.arrays("move_tree_") | {"move_size": np.int32(move_size)}
        for prefix, model in (words or {}).items():
            arrays |= model.arrays(prefix)
        np.savez_compressed(path, **arrays)


@lru_cache(maxsize=1)
def shipped() -> LineModel | None:
    """The model that ships with VORI, or None when it is missing or was made for other features."""
    if not MODEL_PATH.exists():
        return None
    with np.load(MODEL_PATH) as data:
        trees = Trees.load(data, "tree_")
        model = LineModel(data["weights"].astype(np.float64), float(data["bias"]), data["mean"].astype(np.float64),
                          data["scale"].astype(np.float64), trees)
    return model if model.weights.shape[0] == FEATURES else None


@lru_cache(maxsize=2)
def shipped_words(prefix: str, classes: int) -> Words | None:
    """A word model that ships with the line model (`TICKET_WORDS` or `REPORT_WORDS`), or None."""
    if not MODEL_PATH.exists():
        return None
    with np.load(MODEL_PATH) as data:
        return Words.load(data, prefix, classes)


def shipped_reports() -> Words | None:
    """The report words that ship with the move model, or None."""
    return shipped_words(*REPORT_WORDS)


def fit(rows: np.ndarray, labels: np.ndarray, l2: float = L2, steps: int = 1500, rate: float = 0.1) -> LineModel:
    """Logistic regression with an L2 penalty, by gradient descent on standardized features (numpy only)."""
    mean = rows.mean(axis=0).astype(np.float64)
    scale = rows.std(axis=0).astype(np.float64) + 1e-6
    x = ((rows - mean) / scale).astype(np.float64)
    y = labels.astype(np.float64)
    weights = np.zeros(x.shape[1])
    bias = 0.0
    n = len(y)
    shrink = 1.0 + rate * l2 / n  # the penalty's step taken implicitly: stable however few the lines
    for _ in range(steps):
        error = _sigmoid(x @ weights + bias) - y
        weights = (weights - rate * (x.T @ error / n)) / shrink
        bias -= rate * float(error.mean())
    return LineModel(weights, bias, mean, scale)


@dataclass(frozen=True)
class Annotated:
    """One annotated meeting as training data: a row of features and a label per line, and where it came from."""

    rows: np.ndarray
    labels: np.ndarray
    group: str


def fit_stacked(meetings: Sequence[Annotated], folds: int = 4, **trees: Any) -> LineModel:
    """The logistic stage on all meetings, and trees on top of it trained on out-of-group chances: each group of
    meetings is scored by a logistic stage trained on the other groups (groups are the sets the meetings came
    from, or the meetings themselves when there are fewer sets than folds)."""
    groups = sorted({m.group for m in meetings})
    if len(groups) < folds:
        meetings = [Annotated(m.rows, m.labels, f"{m.group}#{i}") for i, m in enumerate(meetings)]
        groups = sorted({m.group for m in meetings})
    first: dict[int, np.ndarray] = {}
    for part in (set(groups[i::folds]) for i in range(folds)):
        rest = [m for m in meetings if m.group not in part]
        model = fit(np.vstack([m.rows for m in rest]), np.concatenate([m.labels for m in rest]))
        first.update({i: model.first_chances(m.rows) for i, m in enumerate(meetings) if m.group in part})
    rows = np.vstack([m.rows for m in meetings]).astype(np.float64)
    labels = np.concatenate([m.labels for m in meetings])
    stacked = np.vstack([_stacked(m.rows.astype(np.float64), first[i]) for i, m in enumerate(meetings)])
    logistic = fit(rows, labels)
    return LineModel(logistic.weights, logistic.bias, logistic.mean, logistic.scale, Trees.fit(stacked, labels, **trees))


def gold_lines(meeting: dict[str, Any]) -> np.ndarray:
    """1 for each line that an annotated ticket of the meeting cites, else 0."""
    labels = np.zeros(len(meeting["transcript"]), np.float32)
    for ticket in meeting["gold"]["tickets"]:
        for line in ticket["lines"]:
            if 0 <= line < len(labels):
                labels[line] = 1.0
    return labels


def read_annotated(paths: Sequence[Path]) -> list[tuple[dict[str, Any], MeetingReader, str]]:
    """Each annotated meeting (the `evals/` format) at `paths`, read by the rules, with the set it came from."""
    from vori.extraction.evaluate import request_for
    from vori.extraction.local import MeetingReader

    found = []
    for path in paths:
        for file in sorted([path] if path.is_file() else path.glob("*.json")):
            meeting = json.loads(file.read_text(encoding="utf-8"))
            reader = MeetingReader(request_for(meeting))
            reader.read()
            found.append((meeting, reader, str(path)))
    return found


def annotated_meetings(paths: Sequence[Path]) -> list[Annotated]:
    """Features and labels of annotated meetings, with the rules' reading of each."""
    return _line_data(read_annotated(paths))


def training_data(paths: Sequence[Path]) -> tuple[np.ndarray, np.ndarray]:
    """All lines of the annotated meetings at `paths`: one feature row and one label each."""
    return _joined(annotated_meetings(paths))


def fingerprint(rows: np.ndarray, labels: np.ndarray, *more: np.ndarray) -> str:
    """Names what a model was trained on: it changes when the rules read the training meetings differently.
    `more`: the move model's rows and labels, and anything else trained on the same reading."""
    digest = hashlib.sha256(np.round(rows, 4).astype(np.float32).tobytes())
    digest.update(labels.astype(np.float32).tobytes())
    for array in more:
        digest.update(np.round(array, 4).astype(np.float32).tobytes())
    return digest.hexdigest()


def training_sets(paths: Sequence[Path]) -> tuple[list[Annotated], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What the models learn from, as the rules read it: the line model's meetings, rows and labels, and the move
    model's rows and labels, without the word models' chances (zeros there). What the fingerprint is taken of."""
    read = read_annotated(paths)
    meetings = _line_data(read)
    return meetings, *_joined(meetings), *move_data(read)


def _line_data(read: Sequence[tuple[dict[str, Any], MeetingReader, str]],
               words: Sequence[np.ndarray] | None = None) -> list[Annotated]:
    """The line model's rows and labels, with the ticket words' chances of each meeting's lines (`words`; zeros when
    not given)."""
    return [Annotated(features(reader.line_facts(), reader.korean(),
                               words[k][:, 1] if words is not None else np.zeros(len(reader.read_lines))),
                      gold_lines(meeting), group)
            for k, (meeting, reader, group) in enumerate(read)]


def ticket_labels(meeting: dict[str, Any], reader: MeetingReader) -> np.ndarray:
    """For each line: 1 when an annotated ticket cites it, else 0."""
    return gold_lines(meeting).astype(np.int64)


def move_data(read: Sequence[tuple[dict[str, Any], MeetingReader, str]],
              reports: Sequence[np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The move model's rows and labels, read after the shipped line model has had its say (as at run time), with
    the report words' chances of each meeting's lines (`reports`; nothing reported when not given). The lines the
    rules moved a ticket on are candidates here too: on the meetings the rules were written against they catch
    nearly every move, and trees that learned only from what they left would learn that a report they missed is
    rarely a move, which new meetings belie (docs/benchmarks.md, "Session 17")."""
    from vori.extraction import moves

    move_rows, move_labels = [], []
    for k, (meeting, reader, _) in enumerate(read):
        reader.second_opinion()
        said = reports[k] if reports is not None else np.tile(moves.NOTHING_SAID, (len(reader.read_lines), 1))
        found = moves.candidates(reader, said, every_line=True)
        move_rows.append(moves.rows(found))
        move_labels.append(moves.labels(found, reader, meeting))
    return np.vstack(move_rows), np.concatenate(move_labels)


def _joined(meetings: Sequence[Annotated]) -> tuple[np.ndarray, np.ndarray]:
    return np.vstack([m.rows for m in meetings]), np.concatenate([m.labels for m in meetings])


def trained_on() -> tuple[list[str], str] | None:
    """The training sources and fingerprint recorded in the shipped model."""
    if not MODEL_PATH.exists():
        return None
    with np.load(MODEL_PATH) as data:
        if "sources" not in data:
            return None
        return [str(s) for s in data["sources"]], str(data["fingerprint"])


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[0] != "train":
        print("usage: python -m vori.extraction.lines train DIR_OR_FILE…", file=sys.stderr)
        return 2
    from vori.extraction import moves

    paths = [Path(a) for a in argv[1:]]
    read = read_annotated(paths)
    words = {TICKET_WORDS[0]: fit_words(read, ticket_labels, TICKET_WORDS[1])}
    meetings = _line_data(read, word_folds(read, ticket_labels, TICKET_WORDS[1]))
    model = fit_stacked(meetings)
    model.save(MODEL_PATH, words=words)
    shipped.cache_clear()  # the move model learns from what the saved line model does
    shipped_words.cache_clear()
    rows, labels = _joined(meetings)
    words[REPORT_WORDS[0]] = fit_words(read, report_labels, REPORT_WORDS[1])
    move_rows, move_labels = move_data(read, word_folds(read, report_labels, REPORT_WORDS[1]))
    move_model = moves.fit(move_rows, move_labels)
    ruled = move_rows[:, moves.WORDS_ONLY] == 0  # the candidates of the rules (the others: the report words')
    model.save(MODEL_PATH, sources=list(argv[1:]), moves=move_model, move_size=moves.SIZE, words=words,
               fingerprint=fingerprint(rows[:, :-WORD_COLUMNS], labels, move_rows[ruled, :moves.RULE_SIZE],
                                       move_labels[ruled]))
    shipped.cache_clear()
    shipped_words.cache_clear()
    moves.shipped.cache_clear()
    nodes = 0 if model.trees is None else len(model.trees.leaf)
    print(f"wrote {MODEL_PATH}: {model.weights.shape[0]} weights and {nodes} tree nodes from {len(labels)} lines, "
          f"and a move model from {len(move_labels)} candidates ({int(move_labels.sum())} moves)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
