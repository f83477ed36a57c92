"""What the language rules find in one utterance: statements about work."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_HANGUL = re.compile(r"[가-힣]")
_SPEAKER = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s+(.*)$", re.DOTALL)


class Intent(enum.StrEnum):
    """What a statement says about a piece of work."""

    TODO = "TODO"  # someone will do it / it must be done
    IN_PROGRESS = "IN_PROGRESS"  # someone started / is doing it
    DONE = "DONE"  # it is finished
    BLOCKED = "BLOCKED"  # something stops it
    DECISION = "DECISION"  # the team settled something


@dataclass
class Statement:
    """One clause that says something about work. `obj` is the work as said ("the login page", "결제 API
    문서 정리"); `assignee` who does it when said; `pronoun` when the work is only referred to ("it", "그거")."""

    intent: Intent
    clause: str
    obj: str = ""
    assignee: str | None = None
    pronoun: bool = False
    request: bool = False  # asked of someone ("can you…", "…해 주세요")
    confidence: float = 1.0
    # Said in a way that is usually not about work (small talk): taken only for a clear board match.
    aside: str | None = None


@dataclass
class Clause:
    """A clause with what the rules saw in it, kept even when it states nothing (for context)."""

    text: str
    statement: Statement | None
    ignored: str | None = None  # why a clause that looked like work was not taken: question, negated, …


def split_speaker(line: str) -> tuple[str | None, str]:
    """`Alice: text` → ("Alice", "text"); lines without a speaker stay whole."""
    match = _SPEAKER.match(line)
    if match and not re.search(r"https?$", match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    return None, line.strip()


def is_korean(text: str) -> bool:
    letters = re.findall(r"[A-Za-z가-힣]", text)
    hangul = sum(1 for ch in letters if _HANGUL.match(ch))
    return bool(letters) and hangul / len(letters) >= 0.3


def words(text: str) -> frozenset[str]:
    """A word list written as text (one place for the lexicons' many words)."""
    return frozenset(text.split())
