"""What the language rules find in one utterance: statements about work."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_HANGUL = re.compile(r"[가-힣]")
_SPEAKER = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s+(.*)$", re.DOTALL)

UNITS = {"oh": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORD = "|".join([*UNITS, *TEENS, *TENS])
SPOKEN_NUMBER = re.compile(rf"\b(?:{NUMBER_WORD})(?:-(?:{NUMBER_WORD}))+\b|\b(?:{'|'.join([*TEENS, *TENS])})\b(?!-)",
                     re.IGNORECASE)
_DIGIT = "|".join(w for w in UNITS if UNITS[w])
# A number said as words with spaces, as a recognizer writes it: "two oh four", "two twelve", "ninety one".
_SPACED_NUMBER = re.compile(rf"\b(?:(?:{_DIGIT})(?:\s+(?:oh|zero))+\s+(?:{_DIGIT})|(?:{_DIGIT})\s+(?:{'|'.join(TEENS)})|"
                            rf"(?:(?:{_DIGIT})\s+)?(?:{'|'.join(TENS)})\s+(?:{_DIGIT}))\b", re.IGNORECASE)


def hyphenate_numbers(text: str) -> str:
    """ "two oh four" → "two-oh-four", "ninety one" → "ninety-one": a number said in words, as one word."""
    return _SPACED_NUMBER.sub(lambda m: "-".join(m.group(0).split()), text)


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


# Work done by hand, and work a ticket automates
_BY_HAND = re.compile(r"\b(?:by hand|manually|hand-?(?:patched|fixed|edited|entered|corrected|keyed))\b|수기로|수동으로|손으로|"
                      r"일일이|직접\s?(?:입력|수정|처리|돌려)", re.IGNORECASE)
_AUTOMATIC = re.compile(r"\bauto(?:matic|mated|mate|matically)?\b|\bauto-|자동", re.IGNORECASE)


def by_hand_not_automated(said: str, title: str) -> bool:
    """ "제가 수기로 환급 처리 다 끝냈어요", "I re-ran them by hand": the work done by hand is not the ticket that
    automates it ("중복 공제 건 자동 환급")."""
    return bool(_BY_HAND.search(said) and _AUTOMATIC.search(title) and not _AUTOMATIC.search(said))
