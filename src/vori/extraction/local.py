"""The offline provider: reads a meeting the way a note-taker would.

Each utterance is cut into clauses and read by the rules of its language (`rules/english.py`,
`rules/korean.py`). A statement about work is matched by similarity to the board's tickets: a match moves
that ticket forward (never back), no match makes a new ticket, an in-between match does neither. "It",
"that", "그거" refer to what was being talked about in the last few lines, so "Is the login page done?" /
"Yes, it's done" moves the login page. A request ("Dan, can you…?") is a ticket for Dan; "sure" or "I'll
take it" from the next speaker confirms who does it. The same work said twice is one ticket.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from vori.extraction import lines as line_model
from vori.extraction import moves
from vori.extraction.merge import union_evidence
from vori.extraction.rules import english, korean
from vori.extraction.rules.common import (
    NUMBER_WORD,
    SPOKEN_NUMBER,
    TEENS,
    TENS,
    UNITS,
    Clause,
    Intent,
    Statement,
    by_hand_not_automated,
    hyphenate_numbers,
    is_korean,
    split_speaker,
    words,
)
from vori.extraction.schema import (
    Blocker,
    BoardTicket,
    Evidence,
    ExtractedTicket,
    Extraction,
    ExtractionRequest,
    StatusUpdate,
    Utterance,
)
from vori.extraction.similarity import content_words, head_word, similarity, similarity_of_words, word_keys
from vori.tickets.status import ORDER, Cause, TicketStatus, allowed_transition

# A statement is about a board ticket at or above MATCH; below NEW it is about something new; in between,
# too unsure to say either way.
MATCH = 0.6
LOOSE = 0.5  # a name this close, with the lines around it pointing at the same item, names it
GATHER, GATHER_MARGIN = 0.45, 0.3  # evidence for "it" gathered over three lines: how much, and how far ahead
NEW = 0.5
_LIST = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|&)\s+|\s*(?:이랑|랑|하고|과|와|,)\s+")
# A pronoun ("it", "그거") refers back this many utterances at most.
CONTEXT_LINES = 3
_ACK = re.compile(r"^(?:sure|yes|yeah|yep|ok|okay|will do|on it|got it|can do|absolutely|of course|no problem|mine|"
                  r"me\b|i've got it|i got it|i'll own it|i can own it|i can take it|happy to|"
                  r"sounds good|i can|i'll take it|i'll do it|i'll handle it|네|넵|예|알겠습니다|알겠어요|좋아요|"
                  r"제가 할게요|제가 하겠습니다|할게요|하겠습니다|그럴게요|오케이)\b", re.IGNORECASE)
_DECLINE = re.compile(r"^(?:no\b|nope|not me\b|sorry|i can't|i cannot|i won't|not this (?:week|sprint|time)|"
                      r"i don't have (?:the )?(?:time|bandwidth)|i'm (?:swamped|full|out)|아니요|아뇨|죄송|"
                      r"(?:저는 |제가 )?(?:이번 주는 |이번엔 )?(?:어려울|힘들|못 ?할|안 ?될) ?것 ?같|시간이 ?없)",
                      re.IGNORECASE)
_SHIPPED = re.compile(r"\b(?:merged|deployed|shipped|released|rolled out|went live|is live|in production|fixed|"
                      r"resolved|delivered|handed (?:it |them )?over|went out)\b|반영|배포|머지|릴리스|릴리즈|출시|해결|라이브|"
                      r"운영에 ?나갔|오픈했|보내\s?드렸|전달\s?드렸|납품|발송(?:됐|했|되었)"
                      # "전 병동 게이트웨이 열네 대에 다 적용했습니다", "rolled it out to every store": in use everywhere
                      r"|(?:다|전부|모두)\s?적용(?:했|됐|되었|완료)|\b(?:applied|rolled (?:it |them )?out|pushed (?:it |them )?out)"
                      r"\s+(?:to|on|across)\s+(?:all|every|each|the whole)\b"
                      # "it's been on the Dock 2 terminals since Friday", "어젯밤부터 화면에 … 나가고 있어요": in use since
                      r"|\b(?:been|gone)\s+(?:out|on|in|live|running)\b.{0,60}\bsince\b"
                      r"|부터\s(?:\S+\s){0,5}\S*(?:나가고|돌고|쓰이고|운영되고|적용되고|들어오고)\s?있", re.IGNORECASE)
# "Is the export done?", "Can we close the daypart editor?", "Did the fix go out?", "정산 배치 끝났나요?",
# "그거 닫아도 돼요?": asking whether the work is finished
_DONE_QUESTION = re.compile(
    r"^(?:so\s+|and\s+|okay\s+|ok\s+)?(?:is|are|was|were|has|have)\s+(.+?)\s+(?:been\s+)?(?:all\s+)?(?:done|finished|"
    r"complete|completed|live|merged|out|deployed|shipped|closed)\b[^?]*\?$|"
    r"(?:^|,\s+)(?:so\s+|and\s+|okay\s+|ok\s+)?(?:can|could|shall)\s+(?:we|i|you)\s+(?:close|close out|mark)\s+(.+?)"
    r"(?:\s+(?:as\s+)?(?:done|complete|closed))?\s*\??$|"
    r"^(?:so\s+|and\s+|okay\s+|ok\s+)?did\s+(.+?)\s+(?:go out|go live|ship|land|get merged|get deployed)\b[^?]*\?$|"
    r"^(.*?)\s?(?:끝났|완료됐|완료했|다 ?됐|배포됐|머지됐|마무리됐|나갔)\S*\s?\?$|^(.*?)\s?(?:닫아도|완료 ?처리해도)\s?"
    r"(?:돼요|될까요|되나요|되죠|되겠죠|될까|돼|되나|됩니까|되겠습니까)\s?\?$", re.IGNORECASE)
_CLOSE_ASKED = re.compile(r"(?:so\s+|and\s+|okay\s+|ok\s+)?(?:can|could|shall)\s+(?:we|i|you)\s+close\b", re.IGNORECASE)
_NOT_QUITE = re.compile(r"\b(?:almost|nearly|not yet|not quite|mostly|except|but|apart from|pretty much|basically)\b|"
                        r"아직|거의|빼고|남았|근데|그런데|다만", re.IGNORECASE)
_YES = re.compile(r"^\W*(?:yep|yes|yeah|yup|yes it is|it is|they are|correct|absolutely|sure is|sure can|네|넵|예|응|"
                  r"맞아요|맞습니다|그럼요)(?:\W|$)", re.IGNORECASE)
# "That wants its own ticket", "let's make a ticket for it", "별도 티켓으로 만들죠": the item described is new work.
_TICKET_IT = re.compile(r"\b(?:wants|needs|deserves|gets|should get|should have|warrants)\s+(?:its own|a|a separate|a new|"
                        r"their own)\s+(?:ticket|card|issue|story)\b|\bthat's a new (?:one|ticket|card)\b|"
                        r"\b(?:make|open|create|file|raise|log|cut)\s+(?:a\s+)?(?:new\s+|separate\s+)?(?:ticket|card|issue)\s+"
                        r"(?:for|on)\s+(?:it|that|this|them)\b|\blet's ticket (?:it|that|this)\b|"
                        r"(?:별도|새|따로|신규)\s?(?:티켓|이슈|카드)(?:으로|로|을|를|이|하나)?\s?(?:(?!안\s|못\s)\S+\s)?(?:만들|파|따|생성|등록|올리|빼|잡)|"
                        r"티켓\s?(?:하나\s?)?(?:새로\s?)?(?:만들|파|따|생성|등록)", re.IGNORECASE)
# "Scratch what I said earlier", "아까 말씀드린 거 정정할게요": the speaker corrects something said before.
_LATE_CORRECTION = re.compile(r"\b(?:scratch (?:that|what i said)|i was wrong|i misspoke|my mistake|correction(?=\s*[:,.!\u2014-])|"
                              r"i take (?:that|it) back|i spoke too soon|i (?:got|had) (?:it|that|them|those) mixed up|"
                              r"i mixed (?:it|that|them|those) up|i got confused|"
                              r"(?:i'm|i am|i was|i've been) (?:mixing|confusing) (?:it|that|them|those)(?: up)?|"
                              r"i said (?:it was |it's |that was |that's |it is )?(?:done|finished|ready|live|out|merged|"
                              r"shipped)\W+(?:but\s+)?(?:it|that) (?:isn't|is not|wasn't|'s not))\b|"
                              r"정정|잘못 (?:말씀드|말했|얘기했)|취소할게요|헷갈렸|착각했", re.IGNORECASE)
# The answer that what was just raised goes with the work it came from: "Fold it in, it's the same piece of work."
_FOLD_IN = re.compile(r"^\W*(?:(?:yeah|no|nah|just|i'd|i would)\W+)*(?:fold|roll) (?:it|that|them) in\b|"
                      r"^\W*(?:no,?\s+)?(?:it's|that's) (?:the same|part of the same) (?:piece of work|ticket|item|work|card)\b|"
                      r"^\W*(?:(?:아뇨|아니요|그냥)\W*\s)?(?:같은 (?:작업|티켓|건)|거기에? (?:합쳐|넣어|묶어))", re.IGNORECASE)
# A clause given as the reason for what was just said: "…으니까", "… 때문에", "because …" ("…거든요" reports too)
_BECAUSE = re.compile(r"(?:니까|니깐|때문에)\s*[.!]?$|^\W*because\b", re.IGNORECASE)
# What a correction says it is about: "back to the cover. …", "제가 아까 OCR 끝났다고 했는데"
_CORRECTED_ITEM = re.compile(r"\bback to (?:the |my |our )?(?P<en>[\w' -]{2,40}?)\s*[.,:]"
                             r"|(?:아까|전에|앞에서|지난번에)\s(?P<ko>(?:\S+\s){0,3}?\S+)\s\S*(?:다고|라고)\s?(?:했|말씀|말했|얘기)",
                             re.IGNORECASE)
# "Actually no, …", "아 아니다, …": the speaker corrects what they just said.
_CORRECTION = re.compile(r"^\W*(?:(?:actually|wait|sorry|oh|ah|hmm|um|well|uh)\W+)*(?:no|nope|scratch that|correction)\b"
                         r"|^\W*(?:아\s?)?아니(?:다|요|에요|네요|지)\b|^\W*(?:아\s?)?잠깐(?:만)?", re.IGNORECASE)
# Someone wants more: "they'd like to set the time themselves", "직접 정하고 싶어 하세요", "해 달래요".
_WANTS = re.compile(r"\b(?:want|wants|wanted|would like|asked for|asking for|requested|need|needs)\b|원하|싶어\s?하|"
                    r"요청|해\s?달라|해\s?달래|해\s?주면\s?좋겠|있으면\s?좋겠", re.IGNORECASE)
# A negation of being finished, and one of having started: "not finished yet" vs "haven't started".
_NOT_DONE_YET = re.compile(r"\b(?:done|finished|complete|completed|merged|live|shipped|deployed|closed|over|hooked up|"
                           r"wired up|plugged in|connected)\b|"
                           r"끝|완료|마무리|배포|머지", re.IGNORECASE)
_NOT_STARTED = re.compile(r"\b(?:start|started|starting|begun|began|touched|picked up|kicked off)\b|시작|착수|손", re.IGNORECASE)
# "So to recap: …", "정리하면 …": the meeting restating itself.
_RECAP = re.compile(r"^\W*(?:(?:so|okay|ok|alright|right|great|good|thanks|cool|perfect)\W+)*(?:to (?:recap|summari[sz]e|"
                    r"sum up|wrap up)|recap|"
                    r"summary|in summary|summing up|quick recap|let me recap|let me summari[sz]e)\b|"
                    r"^\W*(?:(?:자|네|그럼|그러면|좋아요|오케이)\W+)*(?:정리하면|정리해 ?보면|정리하자면|요약하면|요약하자면|"
                    r"정리할게요|정리하겠습니다|마지막으로 ?정리)", re.IGNORECASE)
_HANGUL_NAME = re.compile(r"[가-힣]{2,4}")  # a Korean name, full (윤채원) or given (채원)
# Ticket keys as people say them: "PAY-142", "#142".
_TICKET_KEY = re.compile(r"\b[A-Za-z][A-Za-z0-9]{1,9}-\d{1,6}\b|#\d{1,6}\b")
_POINTS_BACK = re.compile(r"\b(?:it|that|this|them|those)\b|그거|그건|그것|이건|이거|그 ?부분", re.IGNORECASE)
_BARE_STATUS = re.compile(r"^\W*(?:(?:all|right|okay|ok|good)\W+)*(?:done|finished|complete|completed|sorted|"
                          r"끝|끝났어요|끝났습니다|완료|완료입니다)\W*$", re.IGNORECASE)
# Lines the rules set aside as not new work of this meeting (filed elsewhere, quoted, rolled back, dropped, part of
# other work): the line model adds no ticket there (see `MeetingReader.second_opinion`).
_VETOED = {"filed", "quoted", "rolled back", "dropped", "folded"}
ANSWERED = 0.6  # the confidence of a move answered only by results: a suggestion
# A part still to do, said right after a report of done: "초대 쪽은 아직 남았습니다", "The invite side is still to do".
_PART_LEFT = re.compile(r"\S(?:은|는)\s(?:\S+\s){0,2}아직\s?(?:남았|남아|안\s|못\s|이에요|입니다|이요|비어)|^(?:\S+\s)?아직\s"
                        r"(?:\S+\s){0,2}남았|\b(?:is|are|'s)\s+still\s+(?:left|to do|to come|outstanding|to go)\b",
                        re.IGNORECASE)
# A line that opens on something else: "Oh, and …", "Unrelated, but …", "아 그리고 …"
_ASIDE_OPENER = re.compile(r"^\W*(?:(?:oh|ah|um|uh|so)\W+)*(?:and also|and|also|unrelated|separately|one more thing|"
                           r"by the way|btw|side note)\b|^\W*(?:아\s?)?(?:그리고|참|아 ?맞다|별개로)\s", re.IGNORECASE)
# "(프로모션 끝났으니까) 안 해도 될 것 같아요", "no need to do it now": not needed any more
_NOT_NEEDED = re.compile(r"안\s?해도\s?(?:될|돼|되|됩)|할\s?필요(?:가|는)?\s?없|\b(?:no need to|don't need to|do not need to|"
                         r"not needed|no longer needed|needn't)\b", re.IGNORECASE)
# "…, but there'll be hundreds more", "need to sanity check it": more of the work to come
_MORE_TO_COME = re.compile(r"\b(?:more to (?:come|go|do)|(?:half|most|rest|some|bits?|lots?|a few|a couple|\d+|two|three|"
                           r"four|five|six|seven|eight|nine|ten)\b(?: of)?(?: the| it| them)?(?: \w+)? (?:left )?to go|(?:hundreds|dozens|lots|loads|plenty|a lot|many) more|there'?ll be "
                           r"(?:more|others)|(?:need|needs|have|has) to (?:sanity[- ]check|check|test|verify|double[- ]check|"
                           r"tidy|clean up|finish))\b|더\s?(?:남았|있을|나올)|확인해\s?봐야", re.IGNORECASE)
# "Mm, not quite.", "어 아직 아니던데요?": what was just said done is disputed
_DISPUTED = re.compile(r"^\W*(?:(?:mm+|hm+|um+|uh+|er+|erm|well|actually|wait|sorry|oh|ah|hold on|hang on|yeah but)\W+)*"
                       r"(?:not quite|not really|not yet|not so fast|not exactly|no it (?:isn't|is not|'s not)|"
                       r"(?:it|that) (?:isn't|is not|'s not) (?:done|finished|really done|quite done))\b|"
                       r"^\W*(?:(?:어|아|음|엥|근데|잠깐만요|잠깐만)\W*\s)*아직\s?(?:아니|안\s?(?:됐|되|했|끝)|이던데|인데요)", re.IGNORECASE)
# "So that stays in progress", "306은 그대로 진행 중", "정정할게요. … 적용 전이에요": kept open after all
_KEPT_OPEN = re.compile(r"\b(?:stays|remains|staying|keep (?:it|that)|leave (?:it|that)|leaving (?:it|that))\s+"
                        r"(?:in progress|in flight|open|under way|underway|in the doing column)\b|"
                        r"그대로\s?진행\s?중|진행\s?중으로\s?(?:두|둘|놔|유지)|정정할게요|정정하겠습니다|적용\s?전이|"
                        r"아직\s?(?:\S+\s)?안\s?했잖", re.IGNORECASE)
_STILL_GOING = re.compile(r"\b(?:not yet|still|yet|so far|almost|nearly)\b|아직|거의|계속", re.IGNORECASE)
# Work said to have no ticket: "one more that isn't on the board", "보드엔 없는데", "티켓 없이 그냥 했고".
_UNLISTED = re.compile(r"\b(?:not|isn't|wasn't|aren't)\s+on\s+the\s+board\b(?!\s+yet)|\bno\s+ticket\s+for\s+(?:it|that|this)\b|"
                       r"\bdidn't\s+have\s+a\s+ticket\b|\bwithout\s+a\s+ticket\b|보드에\s?없는|보드엔\s?없는|티켓\s?없이|몰래\s?한",
                       re.IGNORECASE)
_STATUS_OF = {Intent.TODO: TicketStatus.TODO, Intent.IN_PROGRESS: TicketStatus.IN_PROGRESS,
              Intent.DONE: TicketStatus.DONE}


_KO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_KO_UNITS = {"십": 10, "백": 100, "천": 1000}
# "사십삼 번", "이백십이번": a number read out in Sino-Korean before 번 (at least two syllables, so "이번" is not 2).
_KO_NUMBER = re.compile(r"(?<![가-힣])([일이삼사오육칠팔구십백천]{2,8})(?:\s?번(?![째지])|(?=(?:은|는|도)\s|$))")


def korean_number(word: str) -> int | None:
    """ "사십삼" → 43, "이백십이" → 212, "십" → 10."""
    total, digit = 0, None
    for char in word:
        if char in _KO_DIGITS:
            if digit is not None:
                return None  # two digits in a row is not how a number is read
            digit = _KO_DIGITS[char]
        else:
            total += (digit if digit is not None else 1) * _KO_UNITS[char]
            digit = None
    return total + (digit or 0)


_KO_DIGIT_WORD = {"공": "0", "영": "0", **{k: str(v) for k, v in _KO_DIGITS.items()}}
# "이공사" → 204: digits read one by one, with a 공 in them (so "이사", "오일", "사이" are words, not numbers).
_KO_DIGIT_RUN = re.compile(r"(?<![가-힣])([공영일이삼사오육칠팔구]{2,5})(\s?번)?(?=(?:은|는|도|이|가)?(?:[\s,.?!]|$))")


# "PH two fourteen", "SNW ninety one": a key's letters, then its number said word by word.
_KEY_SAID = re.compile(rf"\b(?-i:[A-Z]{{2,6}})\s+((?:{NUMBER_WORD})(?:[\s-]+(?:{NUMBER_WORD}))+)\b", re.IGNORECASE)


def spoken_numbers(text: str) -> list[str]:
    """Ticket numbers said aloud: "two-oh-nine" → 209, "two-twelve" → 212, "forty-two" → 42, "PH two fourteen" →
    214, "사십삼 번" → 43, "이공사" → 204."""
    text = hyphenate_numbers(text)
    text = _KEY_SAID.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + "-".join(m.group(1).split()), text)
    found = [str(n) for m in _KO_NUMBER.findall(text) if (n := korean_number(m)) is not None and n >= 10
             and (len(m) > 2 or any(c in m for c in "십백천"))]
    found += ["".join(_KO_DIGIT_WORD[c] for c in run) for run, said_number in _KO_DIGIT_RUN.findall(text)
              if said_number or "공" in run or "영" in run]
    for match in SPOKEN_NUMBER.finditer(text):
        digits, parts = "", match.group().lower().split("-")
        i = 0
        while i < len(parts):
            part = parts[i]
            if part in TENS:
                value = TENS[part]
                if i + 1 < len(parts) and parts[i + 1] in UNITS and parts[i + 1] not in ("oh", "zero"):
                    value += UNITS[parts[i + 1]]
                    i += 1
                digits += str(value)
            else:
                digits += str(TEENS.get(part, UNITS.get(part, 0)))
            i += 1
        found.append(digits)
    return found


# A number said as a ticket's: "number eight", "ticket 12", "18번", "십팔 번"
_CUED_NUMBER = re.compile(rf"\b(?:number|ticket|card|item)\s+(?P<en>\d{{1,4}}\b|(?:{NUMBER_WORD})(?:[\s-](?:{NUMBER_WORD})){{0,2}}\b)|"
                          r"(?<![\w.])(?P<digits>\d{1,4})\s?번(?![째지])|(?<![가-힣])(?P<ko>[일이삼사오육칠팔구십백천]{2,8})\s?번(?![째지])|"
                          r"(?<![가-힣])(?P<one>[일삼사육칠팔구십])\s번(?![째지])", re.IGNORECASE)


def cued_numbers(text: str) -> list[tuple[str, str]]:
    """Numbers said as a ticket's number, each with the word after it in Korean: "number eight" → 8, "십팔 번 쿠폰"
    → 18 and "쿠폰", "18번은" → 18."""
    found: list[tuple[str, str]] = []
    for match in _CUED_NUMBER.finditer(text):
        said = match.group("en")
        after = "" if said is not None else re.sub(r"^(?:은|는|이|가|도|요|을|를|에|이요|이에요|입니다)(?![가-힣])", "",
                                                   text[match.end():].split(maxsplit=1)[0] if text[match.end():].split()
                                                   else "")
        numbers: list[str] = []
        if said is not None:
            words = hyphenate_numbers(said).lower().replace(" ", "-")
            if words.isdigit():
                numbers.append(words.lstrip("0") or "0")
            elif words in UNITS:
                numbers.append(str(UNITS[words]))
            else:
                numbers += spoken_numbers(words)
        elif match.group("digits"):
            numbers.append(match.group("digits").lstrip("0") or "0")
        else:
            value = korean_number(match.group("ko") or match.group("one"))
            if value is not None:
                numbers.append(str(value))
        found += [(number, after) for number in numbers]
    return found


@dataclass
class _Board:
    """The open tickets, indexed by the character pairs of their words: a description is compared only
    with the tickets it shares a pair with (a few out of hundreds)."""

    tickets: list[BoardTicket]
    words: list[tuple[str, ...]] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    by_key: dict[str, BoardTicket] = field(default_factory=dict)
    by_number: dict[str, BoardTicket] = field(default_factory=dict)
    by_short: dict[str, BoardTicket] = field(default_factory=dict)  # "T18" by 18, when said as a number
    heads: list[str] = field(default_factory=list)
    seen: dict[str, list[tuple[BoardTicket, float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.words = [content_words(t.title) for t in self.tickets]
        self.heads = [head_word(t.title) for t in self.tickets]
        self.by_key = {t.id.upper(): t for t in self.tickets if _TICKET_KEY.fullmatch(t.id)}
        numbers: dict[str, list[BoardTicket]] = {}
        for key, ticket in self.by_key.items():
            numbers.setdefault(key.rsplit("-", 1)[-1].lstrip("#"), []).append(ticket)
        self.by_number = {n: found[0] for n, found in numbers.items() if len(found) == 1}
        short: dict[str, list[BoardTicket]] = {}
        for ticket in self.tickets:
            plain = re.fullmatch(r"[A-Za-z]{1,3}(\d{1,4})", ticket.id)
            if plain:
                short.setdefault(plain.group(1).lstrip("0") or "0", []).append(ticket)
        self.by_short = {n: found[0] for n, found in short.items() if len(found) == 1}
        for position, ticket_words in enumerate(self.words):
            for key in word_keys(ticket_words):
                self.index.setdefault(key, []).append(position)

    def ranked_any(self, phrases: Iterable[str]) -> list[tuple[BoardTicket, float]]:
        """The ranking of whichever phrase names a ticket best (the whole sentence, its subject, the part before a
        comma…); the first phrase wins ties."""
        best: list[tuple[BoardTicket, float]] = []
        for phrase in phrases:
            found = self.ranked(phrase) if phrase else []
            if found and (not best or found[0][1] > best[0][1]):
                best = found
        return best

    def scores(self, phrases: Iterable[str]) -> dict[str, float]:
        """Each ticket's best score over the phrases."""
        found: dict[str, float] = {}
        for phrase in phrases:
            for ticket, score in self.ranked(phrase) if phrase else []:
                found[ticket.id] = max(found.get(ticket.id, 0.0), score)
        return found

    def best_any(self, phrases: Iterable[str]) -> tuple[BoardTicket | None, float]:
        ranked = self.ranked_any(phrases)
        return ranked[0] if ranked else (None, 0.0)

    def best(self, text: str) -> tuple[BoardTicket | None, float]:
        ranked = self.ranked(text)
        return ranked[0] if ranked else (None, 0.0)

    def ranked(self, text: str) -> list[tuple[BoardTicket, float]]:
        """The tickets `text` may name, best first (remembered: a meeting asks about the same words often)."""
        found = self.seen.get(text)
        if found is None:
            if len(self.seen) >= 8192:
                self.seen.clear()
            found = self.seen[text] = self._ranked(text)
        return found

    def keyed(self, text: str) -> list[tuple[BoardTicket, float]]:
        """The ticket `text` names by its key ("PAY-142 is done") or by the number of its key ("102 is still in
        review", "I started on ninety-one"), when one ticket on the board has it."""
        for key in _TICKET_KEY.findall(text):
            named = self.by_key.get(key.upper().lstrip("#"))
            if named is not None:
                return [(named, 1.0)]
        for number in [*re.findall(r"(?<![\w.#-])(\d{2,6})(?![A-Za-z0-9.%])", text), *spoken_numbers(text)]:
            named = self.by_number.get(number)
            if named is not None:
                return [(named, 0.9)]
        for number, after in cued_numbers(text) if self.by_short else []:
            named = self.by_short.get(number)
            if named is not None and (not re.match(r"[가-힣]", after) or after[:2] in named.title):
                # "number eight", "십팔 번 쿠폰": a short id ("T8", "T18") said as its number ("3번 게이트웨이" is not T3)
                return [(named, 0.9)]
        return []

    def _ranked(self, text: str) -> list[tuple[BoardTicket, float]]:
        keyed = self.keyed(text)
        if keyed:
            return keyed
        words = content_words(text)
        if not words:
            return []
        candidates: set[int] = set()
        for key in word_keys(words):
            candidates.update(self.index.get(key, ()))
        head = head_word(text)
        scored = [(self.tickets[p], similarity_of_words(words, self.words[p], head, self.heads[p]))
                  for p in sorted(candidates)]
        return sorted((pair for pair in scored if pair[1] > 0), key=lambda pair: -pair[1])


@dataclass
class _Topic:
    """What the conversation is about right now: a board ticket or a ticket of this meeting."""

    line: int
    board: BoardTicket | None = None
    new: ExtractedTicket | None = None
    score: float = 1.0
    clock: int = 0
    speaker: str | None = None  # who brought it up


@dataclass
class _Mention:
    """Work described but not yet taken on ("the retry button is missing"); "I'll add it" makes it a ticket."""

    line: int
    title: str
    evidence: Evidence
    clock: int


def _is_korean_line(text: str, language: str) -> bool:
    return language == "ko" or (language not in ("en", "ko") and is_korean(text))


def analyze_line(text: str, speaker: str | None, language: str, names: set[str]) -> list[Clause]:
    if _is_korean_line(text, language):
        return korean.analyze(text, speaker, names)
    return english.analyze(text, speaker)


def mention_of(text: str, language: str, names: set[str]) -> str:
    return korean.mention(text, names) if _is_korean_line(text, language) else english.mention(text)


_NO_PROBLEM = re.compile(r"(?:이상|문제|에러|오류|이슈|특이 ?사항) ?(?:은|는|이|가)? ?없|\bno (?:issues|problems|errors)\b",
                         re.IGNORECASE)
_PROBLEM = re.compile(
    r"\b(?:no|missing|lacks?|without|doesn't|don't|isn't|can't|won't|broken|bug|bugs|error|errors|fails?|failing|"
    r"crash(?:es|ing|ed)?|broke|slow|flaky|wrong|outdated|stale|leak(?:s|ing)?|timing out|times out|need|needs|"
    r"mangl\w*|garbl\w*|corrupt\w*|freez\w*|stuck|duplicat\w*|overflow\w*|blew up|blows up|comes back (?:null|empty|"
    r"blank|wrong)|returns? (?:null|nothing|empty|blank)|(?:is|are|'s) (?:just )?(?:empty|blank|null))\b"
    r"|없|안 ?되|안 ?돼|깨지|깨져|틀리|틀렸|누락|빠져|빠지|느려|느리|에러|버그|오류|문제|이슈|필요|예전|오래된|안 ?맞|"
    r"안 ?(?:찍|보이|보여|뜨|떠|나오|나와|먹|들어가|넘어가|열리|열려|눌리|눌려|저장)|"
    r"나오더라|뜨던|중복", re.IGNORECASE)


_GREETING = re.compile(r"\b(?:morning|hello|hi|hey|welcome|everyone|everybody|folks|team)\b|안녕하세요|좋은 ?아침|"
                       r"반갑습니다|시작하겠습니다|시작할게요|시작하죠|시작합시다", re.IGNORECASE)


_ASIDE = re.compile(r"\b(?:also|and|oh|one more|what i did|what i've done|what we did|no ticket|not on the board|"
                    r"nobody (?:had|has|owned|owns|was on|is on) it|"
                    r"(?:don't|doesn't|didn't) (?:think (?:it |that |they )?)?ha(?:ve|s|d) a ticket|its own (?:bug|ticket)|"
                    r"separate (?:ticket|bug|issue)|another thing|while i was|in the meantime|meanwhile|by the way|btw|"
                    r"side note|unrelated|separately|on top of that|plus|last thing)\b|그리고|아 ?맞다|하나 ?더|참|그 ?김에|"
                    r"겸사겸사|별개로|추가로|그 ?사이에|그동안", re.IGNORECASE)


def is_problem(text: str) -> bool:
    """Something wrong or missing: the kind of description a team turns into work."""
    return bool(_PROBLEM.search(text)) and not _NO_PROBLEM.search(text)


def is_proposal(text: str, language: str) -> bool:
    """ "Maybe we could try a review rotation?", "…하는 게 어떨까요?": work put forward as a question."""
    if _is_korean_line(text, language):
        return bool(re.search(r"(?:어떨까요|어때요|하면 어떨|할까요|해 ?볼까요|하는 게|야 ?(?:되|하)지 ?않(?:아요|나요|을까요|습니까|을까)|"
                              r"야 ?(?:되|하)는 ?거 ?아니(?:에요|야|예요)|게 ?좋지 ?않(?:아요|을까요))\s*\??$", text))
    return bool(re.match(r"^(?:maybe|perhaps|should we|could we|can we|what if|how about|why don't we|"
                         r"shall we|would it make sense|shouldn't we|don't we need to|do we need to|"
                         r"(?:could|can|may) i suggest|i'd suggest|"
                         r"wouldn't it be (?:good|better) to)\b", text.strip(), re.IGNORECASE))


_SUBJECT_END = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|can|should|keeps?|kept|got|went|needs?|"
                          r"still|just|now|ran|runs|came|broke|took|made|hit|fell|began|did|does|works?|looks?|"
                          r"seems?|[a-z]{3,}ed)\b|'s\b|'re\b", re.IGNORECASE)
_KO_TOPIC = re.compile(r"^(.{2,40}?(?:은|는|이|가|도|건))\s")


def leading_phrases(text: str) -> list[str]:
    """What a sentence is about, said first: "Sleep current: …", "The queue-depth monitoring ticket has been
    sitting there…", "로그인 건은 …". Matched alone, so the rest of the sentence does not dilute it."""
    phrases = []
    if ":" in text:
        phrases.append(text.split(":", 1)[0])
    subject = _SUBJECT_END.search(text)
    if subject and subject.start() > 0:
        phrases.append(text[:subject.start()])
    korean_topic = _KO_TOPIC.match(text)
    if korean_topic:
        phrases.append(korean_topic.group(1))
        phrases.append(text[korean_topic.end():])  # "제일 중요한 건 환급액 계산기야": what the topic is
    return phrases


# How a speaker points at an item before naming it, and what they say after it, which name nothing.
_LEAD_IN = re.compile(r"^\W*(?:(?:so|and|okay|ok|right|also|oh|um|uh|then|next|last|first|and then)\W+)*"
                      r"(?:that's|that is|this is|it's|it is|which is what|which is|is that|what about|how about)\s+",
                      re.IGNORECASE)
_BOARD_WORDS = re.compile(r"\s+(?:(?:that's |that is |which is |is |are |'s )?(?:already )?(?:on|from|in) (?:the|our) "
                          r"(?:board|backlog|list)(?: already)?|(?:was|is) supposed to\b.*)$", re.IGNORECASE)
# "처방약 적립 빼는 거, 그거 어떻게 됐어요?": the asking that follows the name of the item names nothing.
_KO_ASKING = re.compile(r"\s+(?:(?:그거|그건|그게|이거|이건)(?:\s.*)?|(?:어떻게|언제|얼마나|어디까지|혹시)\s.*)$")
_KO_ADDRESS = re.compile(r"^(?:[가-힣]{2,4}|[A-Za-z]+) ?(?:씨|님)(?:은|는|이|가|도)?\s")
_KO_ASK_END = re.compile(r"\s*(?:있잖아요|있잖아|있죠|있지|말이에요|말인데요)?\s*[?.!]*$")
_KO_POINTING = re.compile(r"^(?:그거|그건|그게|이거|이건|이게|저거|그|저)\s+")


def naming_phrases(text: str) -> list[str]:
    """The pieces of a sentence that may name an item, each matched alone so the rest does not dilute it: what
    is said first (`leading_phrases`), each part between commas ("Last screen, the librarian override";
    "생일 쿠폰, 사십삼 번이요"), without the words that only point at it ("that's the …", "… on the board",
    "다현 씨 …는요?")."""
    phrases = leading_phrases(text)
    parts = [p for p in re.split(r"(?<=[^\d])[,.;!?]+\s+|[,.;!?]+$|\s+[—–-]+\s+", text) if p]
    for part in ([text] if len(parts) < 2 else [text, *parts]):
        part = part.strip().rstrip(".!?;, ")
        pointed = _BOARD_WORDS.sub("", _LEAD_IN.sub("", part))
        trimmed = _KO_ASK_END.sub("", _KO_ASKING.sub("", _KO_ADDRESS.sub("", _KO_POINTING.sub("", pointed))))
        if is_korean(trimmed) and trimmed != part and not _KO_POINTING.match(pointed):
            phrases.append(korean.mention(trimmed))  # "다현 씨 주차장 배치는 어떻게 됐어요?": without the asking verb
        if part != text and (len(content_words(part)) >= 2 or spoken_numbers(part) or _TICKET_KEY.search(part)
                             or re.match(r"(?i)the\s+\S+$", part)):  # "On a happier note, the receipts"
            phrases.append(part)
        # One word is enough when the speaker points at it as an item ("that's the TTL ticket").
        if trimmed != part and len(content_words(trimmed)) >= (1 if pointed != part else 2):
            phrases.append(trimmed)
    return phrases


def refers_back(text: str, language: str) -> bool:
    return korean.refers_back(text) if _is_korean_line(text, language) else english.refers_back(text)


# The meeting talking about itself: never a ticket.
_META = re.compile(
    r"^(?:keep|regroup|sync|circle back|share|start with|go over|go through|go around|walk through|recap|move on|hop|jump|"
    r"wrap (?:up|this)|talk|chat|meet|catch up|hand (?:it|over)|pass|get started|kick (?:this|it) off|begin|"
    r"skip|touch base|follow along|take (?:a|the) (?:minute|second|break)|look at the (?:agenda|board|screen)|"
    r"see you|thank|thanks|walk the board|plan the sprint|give (?:people|everyone|folks|them|it) a (?:minute|second)|"
    r"dial in|dial-in|join|rejoin|reconnect)\b"
    # Keeping the call going: "can you hear me", "see my screen", "ten minutes late", "Sol has the Figma up".
    r"|\b(?:hear (?:me|you|us)|see my screen|see the screen|share (?:my|the) screen|minutes late|running late|"
    r"(?:has|have|got) the (?:figma|deck|doc|slides|board|screen) up|on mute|you're muted|froze|frozen|"
    r"들려요|들리세요|들리나요|화면 공유|화면 보이|늦게 들어|접속했|음소거)", re.IGNORECASE)
# Words about the meeting itself: a phrase made only of these (and numbers) is not work.
_MEETING_WORDS = words(
    "meeting standup stand-up retro retrospective agenda call screen everyone everybody round quick sprint "
    "planning sync demo 회의 스탠드업 회고 안건 순서 차례 화면 공유 플래닝 미팅 데일리 스크럼 얘기 말씀 의견 질문 "
    "스프린트 시작 오늘 다들 여러분")
_MEETING_WORD = re.compile(r"\b(?:meeting|stand-?up|retro(?:spective)?|review|sync|planning|agenda|call|demo|"
                           r"post-?mortem|kickoff)\b|회의|스탠드업|회고|리뷰|미팅|플래닝|데일리|싱크|안건", re.IGNORECASE)
_OPEN_CLOSE = re.compile(r"\b(?:start|started|starting|begin|kick off|kick it off|get going|wrap up|wrap it up|end|"
                         r"close out|finish up|call it)\b|시작|마치|마무리하|끝내|끝낼|종료", re.IGNORECASE)
_WALK_THROUGH = re.compile(r"\bwalk (?:us|me|everyone) through\b|\bgo around\b|\btake us through\b|"
                           r"타임라인 ?(?:정리|공유|설명)|순서대로", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\d\s:.,%]+$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|a few|some|several|"
                        r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|\d+)[,.]?(?:\s+\w+)?[.!]?$|^\d+\s?(?:초|분|시간|일|주|개|건|%|퍼센트|배|ms|밀리초)", re.IGNORECASE)


# Pieces of talk that a name of work never contains.
_BROKEN_TITLE = re.compile(
    r"^(?:ugh|oh|okay|ok|fine|yeah|yes|no|well|sorry|side|hmm|wow|great|cool|sure|right|like to|say|said|think|"
    r"hope|guess)\b"
    r"|^(?-i:[A-Z][a-z]+),\s|^(?-i:[A-Z][a-z]+)\s+at\s|^(?:perhaps|maybe|probably)\b"
    r"|^(?:while|when|if|since|because|as)\s+(?:we|i|you|they)\b"
    r"|\b(?:for me|myself|some thought|what i'm doing|what we're doing)\b|^(?:correct myself|simply)\b"
    r"|\s(?:was|were)\s+the\s+(?:highlight|problem|issue|best|worst|culprit)\b"
    r"|(?:^|\s)(?:매번|다음부턴|다음부터는)(?:\s|$)"
    r"|^(?:since|until|till|after|before|by|as of)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|last|this|the|then)\b"
    r"|\s(?:is|are|was|were|has|have|had|will|would|can|could)$"
    r"|(?:^|\s)(?:죄송합니다|죄송해요|다만|그래요|그러니까|근데|정정|아쉬운|시간 ?됐으니)(?:\s|$)"
    r"|^(?:아니|아뇨|아니요|네|예|응|어|음|아|넵)(?:\s|$)"
    r"|(?:으니|되는지|하는지|는지|었으니|됐으니)$"
    r"|(?:쌓이|꽉|남아|자제|빠졌어|빠졌|했어|됐어|했음|됐음|쓰기|거요|건데|잖아|어려울|힘들|못 ?할)$|[가-힣]요\s",
    re.IGNORECASE)


def is_work(obj: str) -> bool:
    """Whether a phrase names a piece of work someone could do (the gate for a new ticket): not the meeting
    itself, not a number, not a clause with verbs still in it."""
    words = content_words(obj)
    if not words or _META.search(obj) or _NUMBERISH.match(obj.strip()):
        return False
    if all(w in _MEETING_WORDS or w.isdigit() for w in words):
        return False
    if any(korean.looks_verbal(w) for w in obj.split()) or obj.split()[-1].endswith("같"):
        return False  # "…하고", "개인정보 같(은 거)": a clause or a comparison, not a name
    if _BROKEN_TITLE.search(obj.strip()):
        return False  # "Ugh fine", "Theo, tell me", "Invoice reader is", "죄송합니다 정정": talk, not a name
    return len(obj.split()) <= 14


# Passing word along is not a ticket: "send the doc round", "tell schools to email", "이따 링크 보내 드릴게요".
_CHORE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:send|sending|sent|forward|share|post|drop|circulate)\s+(?:(?:you|them|him|her|everyone|"
    r"the team)\s+)?(?:(?:the|a|an|my|our|that|this)\s+)?(?:(?:updated|new|latest|final|revised)\s+)?(?:\w+\s+)?"
    r"(?:link|links|doc|docs|document|file|files|notes|slides|deck|recording|invite|screenshot|screenshots|it|them|"
    r"that|this)(?:\s+(?:round|around|over|out))?$"
    r"|^(?:tell|ping|remind|text|message|loop in|cc)\s+\w+(?:\s+\w+)?(?:\s+to\b|$)"
    r"|^(?:revisit|circle back|get back to|look at it|talk to|talk with|chat with|sync with|draft (?:that|the|an|a) "
    r"(?:email|message|reply|note))\b"
    r"|(?:^|\s)(?:링크|자료|파일|문서|메일|메시지|초대|일정|캘린더)?\s?(?:보내|전달|공유|알려|물어|연락|말씀)\S*$"
    r"|\b(?:myself|yourself|ourselves|himself|herself|themselves)$"
    # "put the link in the channel", "copy me on the mail", "I'll write it up", "can you find out?"
    r"|^(?:put|post|drop|paste|stick)\s+(?:(?:the|a|an|my|our)\s+)?(?:\w+\s+)?(?:link|links|notes|actions|action "
    r"items|recording|summary|minutes|numbers)\s+(?:in|into|on)\s+(?:the\s+)?(?:channel|doc|thread|chat|slack|wiki|"
    r"notes|ticket)$|^(?:copy|cc|bcc)\s+(?:me|us|him|her|them)\s+(?:on|in)\b|^(?:write|type)\s+(?:it|this|that|them)\s+"
    r"up$|^(?:find out|figure (?:it|that) out|pick (?:it|that) up|look into (?:it|that))$", re.IGNORECASE)


# Not a piece of work: a timeline entry ("restarted the pods at 2:52"), a time, a vague pronoun ("anything risky").
_NOT_WORK = re.compile(
    r"\b\d{1,2}:\d{2}\b|^(?:anything|something|everything|nothing|anyone|someone|everyone)\b|"
    # "don't lose the mice", "one further consideration", "액션 아이템", "winter timetable goes live on the"
    r"^(?:don't|do not|never|no)\b|\b(?:item|items|consideration|point|topic|question|thing|things)$|"
    r"(?:아이템|안건|항목)$|"
    r"^(?:(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|next week|this week)\s*)+"
    r"(?:noon|morning|afternoon|evening|night|eod|midday)?$|^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"\s+(?:to|through|and)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b", re.IGNORECASE)


def names_work(title: str) -> bool:
    """A title worth a ticket: it names work, and not a chore or a piece of talk."""
    return is_work(title) and not is_chore(title)


def is_chore(obj: str) -> bool:
    words = obj.split()
    if _NOT_WORK.search(obj.strip()):
        return True
    return bool(_CHORE.search(obj.strip())) and (len(words) <= 4 or not re.search(r"[가-힣]", obj))


_TODAY = re.compile(r"^(?:오늘은|오늘|이번 ?시간에는|today(?:'s)?|this is (?:the|our)|in this (?:meeting|session))",
                    re.IGNORECASE)


def about_the_meeting(obj: str, clause: str) -> bool:
    """ "Let's start the incident review", "회의 여기서 마치겠습니다", "오늘은 스레드 뷰 디자인 리뷰 하겠습니다": the
    meeting opening, closing or naming itself."""
    return (bool(_MEETING_WORD.search(obj) and (_OPEN_CLOSE.search(clause) or _TODAY.match(clause)))
            or bool(_WALK_THROUGH.search(clause)))


# "start working on the payment service" names the payment service work, not the starting.
_START_WORDS = re.compile(r"^(?:start|begin|continue|keep|get going|get started)\s+(?:working\s+)?(?:on|with)\s+"
                          r"|^(?:start|begin|continue|keep)\s+working\s+on\s+|^work(?:ing)?\s+on\s+", re.IGNORECASE)


_ACTION_START = re.compile(
    r"^(?:add|fix|write|update|remove|create|build|set|make|send|check|investigate|look|move|rotate|migrate|implement|"
    r"show|support|allow|enable|disable|improve|change|replace|refactor|clean|document|test|review|prepare|draft|get|"
    r"give|chase|follow|audit|label|purge|upload|export|import|compress|automate|schedule|monitor|alert|handle|stop|"
    r"prevent|mask|hide|strip|switch|rename|split|merge|drop|delete|ask|request|email|call|put|run|load|reduce|"
    r"speed|cache|retry|limit|block|flag|warn|notify)\b", re.IGNORECASE)
_KO_ACTION_END = re.compile(r"(?:수정|개선|추가|대응|처리|작성|정리|변경|교체|적용|구현|개발|확인|조사|설정|제거|삭제|반영|요청|"
                            r"마스킹|표시|지원|연동|테스트)$")


def _fix_title(title: str) -> str:
    """A ticket raised by a description of something wrong is named by the fix: "Guest list import is mangling
    accented names" → "Fix: guest list import is mangling accented names"; "…콤마 안 찍힘" → "… 수정"."""
    if re.search(r"[가-힣]", title):
        return title if _KO_ACTION_END.search(title) else f"{title} 수정"
    if _ACTION_START.match(title):
        return title
    return f"Fix: {title[:1].lower()}{title[1:]}" if not re.match(r"^[A-Z]{2,}", title) else f"Fix: {title}"


def _without_verbs(title: str) -> str:
    """ "시스템 접속 로그 석 달 치 뽑아" → "시스템 접속 로그 석 달 치": the name, without the verb at its end."""
    words = title.split()
    while len(words) > 1 and (korean.looks_verbal(words[-1]) or re.search(
            r"(?:^|[가-힣])(?:해|떠|죽|뽑아|깔|켜|꺼|남아|졌어|았어|었어|했어|됐어|짧|넣)$", words[-1])):
        words.pop()
    return " ".join(words)


def _title(obj: str) -> str:
    obj = _START_WORDS.sub("", obj.strip()) or obj
    title = re.sub(r"^(?:the|a|an|our|my|your|this|that)\s+", "", obj.strip(), flags=re.IGNORECASE)
    title = title.strip(" ,.!?")
    title = re.sub(r"(?:\s+(?:the|a|an|of|on|in|to|and|or|with|for|at|by|from))+$", "", title, flags=re.IGNORECASE)
    return title[:1].upper() + title[1:] if title else title


def same_person(named: str, speaker: str) -> bool:
    """Whether a name said in the meeting is the speaker: "채원" for 윤채원, "Nkechi" for "Nkechi Okafor"."""
    named, speaker = named.strip().lower(), speaker.strip().lower()
    if named == speaker:
        return True
    if _HANGUL_NAME.fullmatch(named) and _HANGUL_NAME.fullmatch(speaker):
        return len(named) >= 2 and speaker.endswith(named)
    return named.split()[:1] == speaker.split()[:1] and bool(named)


def _speech(quote: str) -> str:
    """A transcript line without its speaker."""
    return split_speaker(quote)[1] or quote


# A plan or request said right after a problem, in the problem's words (at least this similar to the line that
# raised it: "…auto-renew broke when we moved DNS" / "Can you fix the auto-renew before then?"), is its fix.
RAISED = 0.4


class MeetingReader:
    """Reads utterances in order and keeps what a note-taker keeps: the board, new tickets, moves, blockers."""

    def __init__(self, request: ExtractionRequest) -> None:
        self.request = request
        self.board = _Board(list(request.board))
        self.status = {t.id: t.status for t in request.board}
        self.was_done = {t.id: t.status == TicketStatus.DONE for t in request.board}  # done before the meeting
        self.names: set[str] = set()
        self.tickets: list[ExtractedTicket] = []
        self.updates: dict[str, StatusUpdate] = {}
        self.blockers: list[Blocker] = []
        self.decisions: list[Evidence] = []
        self.topic: _Topic | None = None
        self.request_open: tuple[int, ExtractedTicket, str | None] | None = None
        self.line_topics = 0  # items already talked about in the utterance being read
        self.line_statements = 0  # statements about work in the utterance being read
        # where the utterance being read last said something is not yet so: (clause, items talked about by then)
        self.not_yet: tuple[int, int] | None = None
        self.line_text = ""
        self.mentions: list[_Mention] = []  # the last few items described
        self._mention: _Mention | None = None
        self.acked: ExtractedTicket | None = None  # the request this utterance just accepted
        self.declined = False  # this utterance turned a request down
        self.folded = False  # this utterance said its work is part of other work
        self.dropped: set[str] = set()  # board tickets the meeting dropped, closed as won't-do or postponed
        self.done_asked: tuple[int, BoardTicket, str | None, float] | None = None  # "Is X done?" just asked
        self.corrected: tuple[int, str] | None = None  # (line, ticket) whose earlier move that line took back
        self.taken_back: set[str] = set()  # board tickets whose move the meeting took back
        # What the move model reads of each line, kept once read (`moves.candidates`, called twice per meeting):
        # how well each line names each board ticket, and the report words' chances
        self.line_names: list[dict[str, float]] | None = None
        self.report_words: np.ndarray | None = None
        self.speaker: str | None = None  # who is speaking now
        self.in_detail = False  # reading a detail of the item under discussion (see _detail)
        self.line_said = ""  # the clause just before, in this utterance, when it stated nothing itself
        self.mover: str | None = None  # who said the last move
        self.clause_at = 0  # the place of the clause being read in its utterance
        self.last_speaker: str | None = None  # who said the utterance before
        self.question_line = -1  # the last utterance that asked something
        self.recent: list[tuple[int, str]] = []  # the two utterances before this one: (line, text)
        self.recap = False  # "So to recap: …" restates what was said: it adds evidence, never new work
        self.clock = 0  # counts clauses, to tell which of a topic and a mention came last
        # The last move made: (line, ticket, the update it replaced, the status before), for "actually no…".
        self.last_move: tuple[int, str, StatusUpdate | None, TicketStatus, int] | None = None
        self.read_lines: list[tuple[Utterance, str, list[Clause]]] = []  # every utterance read, as the rules saw it
        for utterance in request.utterances:
            speaker = utterance.speaker or split_speaker(utterance.text)[0]
            if speaker:
                self.names.add(speaker)

    @property
    def mention(self) -> _Mention | None:
        """The work described last and not taken on yet."""
        return self._mention

    @mention.setter
    def mention(self, value: _Mention | None) -> None:
        self._mention = value
        if value is not None:
            self.mentions = [*self.mentions[-3:], value]

    def set_board(self, tickets: list[BoardTicket]) -> None:
        """The board as it is now (live: people move tickets while the meeting goes on)."""
        if tickets is not self.board.tickets:
            self.board = _Board(tickets)
        self.status = {t.id: t.status for t in tickets}
        self.was_done = {t.id: t.status == TicketStatus.DONE for t in tickets}
        self.updates.clear()
        if self.topic is not None and self.topic.board is not None and self.topic.board.id not in self.status:
            self.topic = None

    def read(self) -> Extraction:
        for utterance in self.request.utterances:
            self.read_utterance(utterance)
        return self.result()

    def korean(self) -> bool:
        if self.request.language in ("en", "ko"):
            return self.request.language == "ko"
        return sum(is_korean(text) for _, text, _ in self.read_lines) * 2 > len(self.read_lines)

    def line_facts(self) -> list[line_model.LineFacts]:
        """Each utterance read, with what the rules made of it (for the line model)."""
        moved = {u.evidence.index for u in self.updates.values()}
        cited: set[int | None] = set()
        first: set[int | None] = set()
        for ticket in self.tickets:
            found = ticket.lines()
            cited.update(found)
            if found:
                first.add(min(found))
        return [line_model.LineFacts(text, clauses, moved=u.index in moved, in_ticket=u.index in cited,
                                     starts_ticket=u.index in first) for u, text, clauses in self.read_lines]

    def second_opinion(self) -> None:
        """The line model's say on the new tickets (see `lines.py`): a ticket none of whose lines looks like it
        carries one is dropped; a line that looks like it does, which the rules left alone, gets a ticket."""
        model = line_model.shipped() if line_model.enabled() else None
        if model is None or not self.read_lines:
            return
        first, chances = model.stages(line_model.features(self.line_facts(), self.korean()))
        # A ticket of the rules stays unless both stages find its lines unlikely: the trees alone are sure of
        # themselves on meetings unlike the ones they learned from ("Maria will review the design document on
        # Friday." as the last of three lines).
        keep = np.maximum(first, chances)
        position = {u.index: i for i, (u, _, _) in enumerate(self.read_lines)}
        cited: set[int] = set()
        kept = []
        for ticket in self.tickets:
            at = [position[e.index] for e in ticket.evidence if e.index in position]
            cited.update(at)
            if not at or max(keep[i] for i in at) >= line_model.DROP or len(self.read_lines) < line_model.SHORT:
                kept.append(ticket)
        self.tickets = kept
        run: list[int] = []
        for i in range(len(self.read_lines) + 1):
            likely = (i < len(self.read_lines) and chances[i] >= line_model.ADD
                      and not cited & {i - 1, i, i + 1} and self._may_be_new_work(i))
            if likely and (not run or run[-1] == i - 1):
                run.append(i)
                continue
            if run:
                self._likely_ticket(run)
            run = [i] if likely else []

    def learned_moves(self) -> None:
        """The rules' moves the move model finds very unlikely are dropped, then moves it finds likely are added on
        report lines the rules moved nothing on (see `moves.py`)."""
        model = moves.shipped() if line_model.enabled() else None
        if model is not None and self.read_lines:
            moves.veto_moves(self, model)
            moves.add_moves(self, model)

    def fold_repeats(self) -> None:
        """A ticket drawn from a line that an earlier ticket already cites is that work said again (a recap:
        "정리하면, … 하트비트 알림은 하늘 님", "To summarize: Anand on document scanning…"), not new work: its
        lines join the earlier ticket."""
        kept: list[ExtractedTicket] = []
        for ticket in self.tickets:
            earlier = next((i for i, t in enumerate(kept) if ticket.lines() & t.lines()), None)
            if earlier is None:
                kept.append(ticket)
            else:
                kept[earlier] = kept[earlier].model_copy(
                    update={"evidence": union_evidence(kept[earlier].evidence, ticket.evidence)})
        self.tickets = kept

    def _may_be_new_work(self, position: int) -> bool:
        """Not a line the rules set aside as not work, about the call itself, a recap, or naming a board ticket."""
        _, text, clauses = self.read_lines[position]
        return not (any(c.ignored in _VETOED for c in clauses) or about_the_meeting(text, text)
                    or _META.search(text) or _RECAP.match(text) or self.board.best(text)[1] >= MATCH)

    def unlisted_work(self) -> None:
        """ "One more from me that isn't on the board. The PIN reset emails were landing in spam… I got IT to add
        the SPF record", "보드엔 없는데, … 알림 오게 하는 거 지금 붙이고 있어": work said to have no ticket is a new
        ticket, when nothing else was made of that line or the next, as done, under way or planned as the line
        tells."""
        cited = {i for t in self.tickets for i in t.lines()}
        moved = {u.evidence.index for u in self.updates.values()}
        for position, (utterance, text, clauses) in enumerate(self.read_lines):
            cue = _UNLISTED.search(text)
            if (cue is None or {utterance.index, utterance.index + 1} & cited or utterance.index in moved
                    or "?" in text[cue.start():]):
                continue  # "Anything that isn't on the board?" asks; it tells of no work
            intents = {c.statement.intent for c in clauses if c.statement is not None}
            status = (TicketStatus.DONE if Intent.DONE in intents or moves.told_by_evidence(text, clauses)
                      else TicketStatus.IN_PROGRESS if Intent.IN_PROGRESS in intents else TicketStatus.TODO)
            self._likely_ticket([position], status=status, skip=_UNLISTED)

    def _likely_ticket(self, run: list[int], status: TicketStatus | None = None,
                       skip: re.Pattern[str] | None = None) -> None:
        """A ticket for lines the line model finds likely: named by the first piece of work the rules saw in
        them, or else by the first words of the clause that says most (not a question: "Can I bring something
        up?" / "The export drops the VAT column on credit notes"; not a clause matching `skip`)."""
        read = [self.read_lines[i] for i in run]
        statement = next((c.statement for _, _, clauses in read for c in clauses if c.statement is not None
                          and c.statement.intent in _STATUS_OF and len(content_words(c.statement.obj)) >= 2), None)
        if statement is not None:
            title, found, assignee = _title(statement.obj), _STATUS_OF[statement.intent], statement.assignee
        else:
            said = [c.text for _, _, clauses in read for c in clauses if c.ignored != "question"
                    and not c.text.rstrip().endswith("?") and not (skip is not None and skip.search(c.text))
                    ] or [text for _, text, _ in read]
            best = max(said, key=lambda clause: len(content_words(clause)))
            title = _title(" ".join(re.split(r"(?<=[.!?])\s", best.strip())[0].split()[:12]))
            found, assignee = TicketStatus.TODO, None
        status = status or found
        title = _without_verbs(title)  # "락커 끝나면": a condition, not the name of work
        if (len(content_words(title)) < 2 or any(similarity(t.title, title) >= MATCH for t in self.tickets)
                or self.board.best(title)[1] >= MATCH):
            return  # no work named, or a ticket already made or on the board
        evidence = [Evidence(index=u.index, segment_id=u.segment_id, quote=u.text) for u, _, _ in read]
        self.tickets.append(ExtractedTicket(title=title, content=evidence[0].quote, status=status,
                                            meeting_id=self.request.meeting_id, assignee=assignee,
                                            evidence=evidence, confidence=0.5))

    def result(self) -> Extraction:
        return Extraction(tickets=self.tickets, status_updates=list(self.updates.values()),
                          blockers=self.blockers, decisions=self.decisions)

    def read_utterance(self, utterance: Utterance) -> list[StatusUpdate]:
        """Reads one utterance; returns the board moves it made."""
        speaker, text = (utterance.speaker, utterance.text) if utterance.speaker else split_speaker(utterance.text)
        if speaker:
            self.names.add(speaker)
        quote = utterance.text  # the transcript's line as it is ("Bob: …" when the speaker is written in it)
        evidence = Evidence(index=utterance.index, segment_id=utterance.segment_id, quote=quote)
        self.line_topics = 0
        self.line_statements = 0
        self.not_yet = None
        self.line_text = text
        self.acked = None
        self.recap = bool(_RECAP.match(text))
        self.speaker = speaker
        self.declined = False
        self._confirm(utterance.index, speaker, text)
        moves: list[StatusUpdate] = []
        asked = False
        self.line_said = ""
        clauses = analyze_line(text, speaker, self.request.language, self.names)
        # "I'll switch the palette, it's part of the report mock anyway": what else the line plans belongs to
        # that work, not a ticket of its own
        self.folded = any(clause.ignored == "folded" for clause in clauses)
        self.read_lines.append((utterance, text, clauses))
        pending, self.done_asked = self.done_asked, None
        if _LATE_CORRECTION.search(text):
            self._retract(text, utterance.index, clauses)
        for self.clause_at, clause in enumerate(clauses):
            self.clock += 1
            asked = asked or clause.ignored == "question" or bool(clause.statement and clause.statement.request)
            move = self._read_clause(clause, speaker, utterance.index, evidence)
            if move is not None:
                moves.append(move)
            self.line_said = clause.text if clause.statement is None else ""
            if clause.ignored == "question" or (
                    clause.statement is not None and clause.statement.intent == Intent.TODO and "?" not in text
                    and _CLOSE_ASKED.match(clause.text)):
                # "so can we close the batching one": asked, though the recognizer wrote no question mark
                self._asked_if_done(clause.text, utterance.index)
        if (pending is not None and not moves and utterance.index == pending[0] + 1 and speaker
                and speaker != pending[2] and _YES.match(text) and not _NOT_QUITE.search(text)
                and not any(c.ignored in ("negated", "question", "hedged", "rolled back") for c in clauses)):
            # "Can we close the daypart editor?" "Yep. Sales have been using it since Wednesday."
            said = Statement(Intent.DONE, text, "", None, True)
            move = self._move(pending[1], said, 0.8 * pending[3], evidence)
            if move is not None:
                moves.append(move)
        if (not moves and self.last_move is not None and self.last_move[0] == utterance.index - 1
                and speaker and speaker == self.mover and _PART_LEFT.search(text) and "?" not in text
                and not _ASIDE.search(text[:12])):  # "그리고 OTA 진행률은 아직이에요": the next item, not a part
            self._part_left(text)
        if (not moves and self.last_move is not None and self.last_move[1] in self.updates
                and 0 < utterance.index - self.last_move[0] <= (2 if _DISPUTED.match(text) else 3)
                and ((_DISPUTED.match(text) and (self.question_line != utterance.index - 1
                                                 or (pending is not None and pending[1].id == self.last_move[1])))
                     or _KEPT_OPEN.search(text))):
            # "eighty eight, I'd call that done." "mm, not quite. on site it's tripping…" / "so that stays in
            # progress": said done, then disputed or kept open: the ticket is under way, not done. So too a "not
            # yet" to "so can we close it?" asked of the item just said done
            self._part_left(text)
        if (self.recent and speaker and speaker != self.last_speaker and _FOLD_IN.search(text)
                and self.recent[-1][0] == utterance.index - 1):
            # "I'll need a callout history table. Is that its own ticket or do I just fold it in?" "Fold it in, it's
            # the same piece of work.": no ticket of its own
            self.tickets = [t for t in self.tickets if not t.lines() <= {utterance.index - 1}]
        if not moves and self.recent and speaker and speaker != self.last_speaker:
            answered = self._answered_by_results(utterance.index, text, clauses, evidence)
            if answered is not None:
                moves.append(answered)
        if asked:
            self.question_line = utterance.index
        self.recent = [*self.recent[-1:], (utterance.index, text)]
        self.last_speaker = speaker
        return moves

    def _part_untouched(self, text: str, line: int) -> None:
        """ "Dock 3, all four Zebras are on the new driver. Dock 4 I haven't touched": a part of what was just said
        done is not started, so the item is under way (nothing changes when it names another item of the board, "Recurring I
        haven't touched")."""
        if self.last_move is not None and self.last_move[0] == line:
            self._part_left(text, other=LOOSE / 2)

    def _part_left(self, text: str, other: float = NEW) -> None:
        """ "충돌 처리 붙였고요, … 확인했어요." "초대 쪽은 아직 남았습니다.": said done, then the same speaker names a
        part still to do: the ticket is under way, not done."""
        assert self.last_move is not None
        _, ticket_id, before, previous, _ = self.last_move
        moved = self.updates.get(ticket_id)
        named, score = self.board.best(text)
        if moved is None or moved.to_status != TicketStatus.DONE or (
                named is not None and named.id != ticket_id and score >= other):
            return  # not a report of done, or the part left is another item of the board
        if previous == TicketStatus.IN_PROGRESS:
            self._undo_move(ticket_id, before, previous)  # under way already: no move at all
        else:
            self.updates[ticket_id] = moved.model_copy(update={"to_status": TicketStatus.IN_PROGRESS})
            self.status[ticket_id] = TicketStatus.IN_PROGRESS
        self.taken_back.add(ticket_id)
        self.last_move = None

    def _undo_move(self, ticket_id: str, before: StatusUpdate | None, previous: TicketStatus) -> None:
        """The ticket's move of this meeting back to what it was before the last one."""
        if before is None:
            self.updates.pop(ticket_id, None)
        else:
            self.updates[ticket_id] = before
        self.status[ticket_id] = previous

    def _answered_by_results(self, line: int, text: str, clauses: list[Clause],
                             evidence: Evidence) -> StatusUpdate | None:
        """ "Ben, the CSV export, is that out?" "Creators have pulled about three hundred files from it since
        Tuesday": the item named on the line before, by someone else, answered by what now happens. Never sure (a
        suggestion a person confirms)."""
        before, said_before = self.recent[-1]
        if (before != line - 1 or not moves.told_by_evidence(text, clauses) or _STILL_GOING.search(text)
                or any(c.ignored in ("negated", "hedged", "question", "rolled back") for c in clauses)):
            return None
        ticket, score = self.board.best(said_before)
        if ticket is None or score < MATCH or ticket.id in self.updates or ticket.id in self.dropped \
                or ticket.id in self.taken_back:
            return None
        named, value = self.board.best(text)
        if named is not None and value >= MATCH and named.id != ticket.id:
            return None  # the answer is about something else
        return self._move(ticket, Statement(Intent.DONE, text, "", None, True), ANSWERED, evidence)

    def _confirm(self, line: int, speaker: str | None, text: str) -> None:
        """"Sure" / "I'll take it" right after a request names who does it."""
        if self.request_open is None:
            return
        asked_line, ticket, addressee = self.request_open
        if line - asked_line > (1 if addressee else 2):
            self.request_open = None
            return
        if speaker and _DECLINE.match(text.strip()) and (addressee is None or same_person(addressee, speaker)):
            self.declined = True  # what the one declining says next is their reason, not new work
            if addressee is None:
                return  # "Can someone…?" "Not me." — someone else may still take it
            # "Sorry, not this sprint": the request is not taken, so it is not work anyone committed to.
            self._withdraw(ticket, asked_line)
            if ticket.assignee == speaker:
                ticket.assignee = None  # raised before it was asked for: still work, with no owner yet
            self.request_open = None
            return
        if speaker and _ACK.match(text.strip()) and (addressee is None or same_person(addressee, speaker)):
            # "채원 씨가 …해 줄 수 있어요?" "네, …": the one who answered, as the transcript names them (윤채원)
            ticket.assignee = speaker if not ticket.assignee or same_person(ticket.assignee, speaker) else ticket.assignee
            self.request_open = None
            self.acked = ticket

    def _read_clause(self, clause: Clause, speaker: str | None, line: int,
                     evidence: Evidence) -> StatusUpdate | None:
        statement = clause.statement
        if statement is None:
            if _TICKET_IT.search(clause.text) and self._ticket_it(line, evidence):
                return None
            if _CORRECTION.match(clause.text) and self.last_move is not None and self.last_move[0] == line:
                self._take_back(clause.text, line, said_so=True)  # "…it went out, actually no, sorry…"
            elif clause.ignored == "rolled back":
                self._take_back(clause.text, line, said_so=True)  # "…went out yesterday, but we rolled it back"
            elif clause.ignored in ("question", None, "hedged"):
                self._remember(clause.text, line, evidence, clause.ignored)
            elif clause.ignored == "folded":
                self.mention = None  # part of an item already on the board, not new work
            elif clause.ignored == "external":
                # "고객한테 나가는 견적 문서, …": someone else in the sentence, but it may still name the item
                ticket, score = self.board.best(clause.text)
                if ticket is not None and score >= MATCH:
                    self._focus(line, board=ticket, score=score)
            elif clause.ignored == "dropped":
                self._dropped(clause.text, line)
            elif clause.ignored == "untouched":
                self._part_untouched(clause.text, line)
            elif clause.ignored == "negated":
                if _STILL_GOING.search(clause.text):
                    self.not_yet = (self.clause_at, self.line_topics)
                self._take_back(clause.text, line)
                if _LATE_CORRECTION.search(self.line_text):
                    self._correct_earlier(clause.text, line)
            return None
        if statement.intent == Intent.BLOCKED:
            self._blocker(statement, line, evidence)
            return None
        if statement.intent == Intent.DECISION:
            self.decisions.append(evidence.model_copy(update={"quote": statement.clause}))
            return None
        if self.declined and statement.intent in (Intent.IN_PROGRESS, Intent.DONE):
            return None  # "Not this week. … we're tuning the rear quarters": the reason for declining, not a report
        self.line_statements += 1
        if (statement.pronoun and statement.intent in (Intent.DONE, Intent.IN_PROGRESS) and self.line_said
                and not statement.aside):
            said = Statement(statement.intent, f"{self.line_said} {statement.clause}", statement.obj,
                             statement.assignee, statement.pronoun, statement.request, statement.confidence)
            several = self._several(said, evidence, line)
            if several is not None:
                return several[-1] if several else None
        keyed = self.board.keyed(statement.clause) if statement.intent in (Intent.DONE, Intent.IN_PROGRESS) else []
        if keyed and (statement.pronoun or not content_words(statement.obj)
                      or self.board.best(statement.obj)[1] < MATCH) and not statement.aside:
            # "I already started on ninety-one yesterday": named by the number of its key, not "it"
            self._focus(line, board=keyed[0][0], score=keyed[0][1])
            self.line_topics += 1
            return self._move(keyed[0][0], statement, keyed[0][1] * statement.confidence, evidence)
        if statement.pronoun or not content_words(statement.obj):
            # "it", "that one", "the fix": what the conversation is about.
            # "QA signed off on it": a sign-off says which ticket, here the one under discussion (never new work)
            if statement.aside and statement.aside != "signed off":
                return None
            if (self.not_yet is not None and statement.intent == Intent.DONE
                    and self.clause_at - self.not_yet[0] <= 2 and self.line_topics == self.not_yet[1]):
                return None  # "심사가 아직 안 끝났어. 한 번 반려돼서 다시 넣었대": a step of what is not done yet
            return self._about_topic(statement, speaker, line, evidence)
        if statement.intent in (Intent.DONE, Intent.IN_PROGRESS):
            several = self._several(statement, evidence, line)
            if several is not None:
                return several[-1] if several else None
        ticket, score = self._match(_title(statement.obj) or statement.obj, line,
                                    statement.clause if statement.intent == Intent.TODO else "")
        topic_np = korean.topic_of(statement.clause) if _is_korean_line(statement.clause, self.request.language) else ""
        if topic_np and statement.intent in (Intent.DONE, Intent.IN_PROGRESS):
            # "글자 크기 작업은 어르신 사용자 테스트까지 하고 … 배포 나갔어요": the item is the one marked as the topic
            named, value = self._match(topic_np, line)
            if named is not None and value > score:
                ticket, score = named, value
        if (ticket is not None and LOOSE <= score < MATCH and statement.intent in (Intent.DONE, Intent.IN_PROGRESS)
                and not statement.aside and self._pointed_at(line)[0] is ticket):
            score = MATCH  # named loosely, but this line and the two before it point at the same item
        if ticket is not None and score >= MATCH:
            self._focus(line, board=ticket, score=score)
            self.line_topics += 1
            return self._move(ticket, statement, score * statement.confidence, evidence)
        topic = self.topic
        if (ticket is not None and not statement.aside and statement.intent != Intent.TODO and topic is not None
                and topic.board is ticket and topic.line >= line - 1 and not _ASIDE.search(self.line_text[:12])
                and len(content_words(statement.obj)) <= 2):
            # "아니 사실 어제 메일 템플릿은 벌써 짜 놨어요" right after the item came up: a piece of that item
            return self._detail(statement, speaker, line, evidence)
        if statement.aside or score >= NEW:
            return None
        if self._worth_a_ticket(statement, line) and not self.folded:
            self._new_ticket(statement, speaker, line, evidence)
            return None
        return self._detail(statement, speaker, line, evidence)

    def _focus(self, line: int, board: BoardTicket | None = None, new: ExtractedTicket | None = None,
               score: float = 1.0) -> None:
        """What the conversation is about from now on, and who brought it up."""
        self.topic = _Topic(line, board=board, new=new, score=score, clock=self.clock, speaker=self.speaker)

    def _several(self, statement: Statement, evidence: Evidence, line: int) -> list[StatusUpdate] | None:
        """ "Rate cards, pallet labels and the dock booking page all went out": each item its own ticket."""
        said = statement.clause if (_is_korean_line(statement.clause, self.request.language)
                                    or statement.pronoun) else _title(statement.obj)
        parts = [p for p in _LIST.split(said) if content_words(p)]
        if len(parts) < 2:
            return None
        if _is_korean_line(said, self.request.language):
            parts[-1] = korean.without_predicate(parts[-1])  # "확인서 PDF 둘 다 어제 끝내셨대요": the name only
        found: list[tuple[BoardTicket, float]] = []
        for part in parts:
            ticket, score = self._match(part, line)
            if ticket is None or score < NEW:
                continue  # "태호 님 거 전달드리면, …": words around the list, naming nothing on the board
            if score < MATCH or any(ticket is t for t, _ in found):
                return None
            found.append((ticket, score))
        if len(found) < 2:
            return None
        moves = []
        for ticket, score in found:
            self._focus(line, board=ticket, score=score)
            self.line_topics += 1
            move = self._move(ticket, statement, score * statement.confidence, evidence)
            if move is not None:
                moves.append(move)
        return moves

    def _match(self, text: str, line: int, clause: str = "") -> tuple[BoardTicket | None, float]:
        """The ticket `text` names: the one under discussion when it fits about as well as any; none when two
        others fit equally well ("the scripts" with two script tickets on the board)."""
        # "The Login.gov integration passed the sandbox review and was deployed": the subject names it; "the
        # rest-hour checks, the ones that flag pilots…": the name, then what it is.
        # "…정리해 보면, 재판부별 주간 기일표 PDF, 이건 꼭 해야 됩니다": a part of a plan between commas may name it.
        parts = naming_phrases(clause) if "," in clause else []
        ranked = self.board.ranked_any((text, *leading_phrases(text), text.split(",", 1)[0] if "," in text else "",
                                        *parts))
        if not ranked:
            return None, 0.0
        best, score = ranked[0]
        topic = self.topic.board if self.topic is not None and line - self.topic.line <= CONTEXT_LINES else None
        if topic is not None and best.id != topic.id:
            for ticket, value in ranked[1:]:
                if ticket.id == topic.id and value >= MATCH and value >= score - 0.1:
                    return ticket, value
        if len(ranked) > 1 and MATCH <= score < 0.9 and score - ranked[1][1] < 0.05:
            return None, (NEW + MATCH) / 2
        return best, score

    def _worth_a_ticket(self, statement: Statement, line: int) -> bool:
        """A new ticket needs work that is named (two words at least, not the meeting itself, not a number),
        and a report of progress right after another item of the same utterance is a detail of that item."""
        named = [w for w in content_words(statement.obj) if not w.isdigit()]
        if not is_work(statement.obj) or len(named) < 2:
            return False
        if about_the_meeting(statement.obj, statement.clause) or is_chore(statement.obj):
            return False
        if statement.intent == Intent.TODO:
            # A plan said right after reporting a board item, without "also"/"그리고", is the next step of
            # that item ("1라인은 다 붙었고 2라인은 다음 주에 붙일 예정입니다").
            # The same for how a ticket just taken on will be done ("I'll do it. I'll purge the old snapshots…").
            # Work planned on a finished item is not its next step but new work ("the permission flow we
            # shipped… so I'd like to add an onboarding screen").
            topic = self.topic
            return not (self.line_topics > 0 and topic is not None and topic.line == line
                        and not statement.request and not _ASIDE.search(statement.clause)
                        and not (topic.board is not None
                                 and self.was_done.get(topic.board.id, False)))
        # Work reported started or done that nobody planned is brought up as an aside ("Oh, and I also
        # fixed…", "아 그리고 …") or as a fix of something wrong; otherwise it is a detail of the update.
        # Work only under way is new work when brought up as such, not because the line mentions a problem.
        return self.line_topics == 0 and (
            bool(_ASIDE.search(self.line_text))
            or (statement.intent == Intent.DONE and is_problem(self.line_text)))

    def _detail(self, statement: Statement, speaker: str | None, line: int,
                evidence: Evidence) -> StatusUpdate | None:
        """Something too small to be a ticket said about the item under discussion: "I branched off and
        started" / "finished the colour part" mean that item is under way; "can you build that API?" asks
        for it."""
        if _BECAUSE.search(statement.clause) and content_words(statement.obj):
            return None  # "… 바꿔야 될 것 같은데요. 사진 업로드 고친 게 2.13.1에 들어갔으니까": why, about something else
        topic = self.topic
        if topic is None or line - topic.line > CONTEXT_LINES:
            return None
        if self.line_topics == 0 and topic.line < line and _ASIDE.search(self.line_text[:12]):
            return None  # "아 그리고 어젯밤에 핫픽스 하나 나갔어요": something else, not the item before
        if topic.line < line and topic.speaker not in (speaker, None) and self.question_line != line - 1:
            return None  # what another person said before, unasked: this is their own report, not a detail of it
        if statement.intent == Intent.TODO:
            if topic.new is not None and statement.assignee and topic.new.assignee is None:
                topic.new.assignee = statement.assignee
            return None
        # A finished detail says the item is under way, unless what was finished is the item reaching its
        # users (merged, deployed, shipped, 반영, 배포): then the item is done.
        intent = Intent.DONE if statement.intent == Intent.DONE and _SHIPPED.search(statement.clause) \
            else Intent.IN_PROGRESS
        about = Statement(intent, statement.clause, "", statement.assignee, True,
                          confidence=0.8 * statement.confidence)
        self.in_detail = True
        try:
            return self._about_topic(about, speaker, line, evidence)
        finally:
            self.in_detail = False

    def _take_back(self, text: str, line: int, said_so: bool = False) -> None:
        """ "Actually no, it's not merged yet" right after a move: the move was wrong, undo it. "…짜 놨고, 아직 덜
        끝났어" in the same breath: not done, but worked on."""
        if self.last_move is None:
            return
        moved_line, ticket_id, before, previous, moved_at = self.last_move
        if line - moved_line > (2 if _CORRECTION.match(self.line_text) and self.speaker == self.mover else 1):
            return  # "That one's done." "For the pooled rooms too?" "Ah. No, … not done then": corrected after a question
        topic = self.topic
        if (not said_so and topic is not None and topic.board is not None and topic.board.id != ticket_id
                and topic.clock > moved_at):
            return  # "Archive search: I looked at it, … not starting it yet": about the item named since
        ticket, score = self.board.best(text)
        moved_title = next((t.title for t in self.board.tickets if t.id == ticket_id), "")
        other = (ticket is not None and score >= NEW and ticket.id != ticket_id
                 and similarity(moved_title, text) < NEW)
        if other:
            return  # "I can take the fare rules migration if nobody's on it" is not about the ticket just moved
        same_breath = moved_line == line
        if not (said_so or same_breath or _POINTS_BACK.search(text) or _CORRECTION.match(self.line_text)
                or (ticket is not None and ticket.id == ticket_id and score >= MATCH)):
            return
        moved = self.updates.get(ticket_id)
        if (not said_so and moved is not None and moved.to_status == TicketStatus.IN_PROGRESS
                and _NOT_DONE_YET.search(text) and not _NOT_STARTED.search(text)):
            return  # "I would not call it finished": a ticket said to be under way is not said to be done either
        if (same_breath and not said_so and moved is not None and moved.to_status == TicketStatus.DONE
                and ORDER[previous] < ORDER[TicketStatus.IN_PROGRESS]):
            self.updates[ticket_id] = moved.model_copy(update={"to_status": TicketStatus.IN_PROGRESS})
            self.status[ticket_id] = TicketStatus.IN_PROGRESS
            self.last_move = None
            return
        self._undo_move(ticket_id, before, previous)
        self.taken_back.add(ticket_id)
        self.last_move = None
        if said_so and _CORRECTION.match(text) and topic is not None and topic.board is not None \
                and topic.board.id == ticket_id:
            self.topic = None  # "…the export, well, no, sorry, not the export": it was not about that item

    def _ticket_it(self, line: int, evidence: Evidence) -> bool:
        """ "Okay, that wants its own ticket. Leena, yours?", "그건 별도 티켓으로 만들죠": the item just described
        becomes a ticket; whoever answers takes it."""
        recent = [m for m in self.mentions if line - m.line <= CONTEXT_LINES]
        if not recent:
            return False
        # the item said in most words: "the gate comes back null for codeshares", not "Four out of four"
        mention = max(recent, key=lambda m: (len(content_words(m.title)), -m.line))
        self.mention, self.mentions = None, []
        said = Statement(Intent.TODO, mention.evidence.quote or "", mention.title)
        self._take_on(mention, said, None, line, evidence, asked=True)
        return True

    def _take_on(self, mention: _Mention, taken: Statement, speaker: str | None, line: int, evidence: Evidence,
                 asked: bool) -> None:
        """Work described earlier becomes a ticket, with this line among its evidence; when this line asks for it
        (`asked`), the answer on the next line takes it on."""
        self._new_ticket(taken, speaker, mention.line, mention.evidence,
                         problem=is_problem(mention.evidence.quote or "") and not _WANTS.search(mention.title))
        new = self.topic.new if self.topic is not None else None
        if new is not None:
            if evidence not in new.evidence:
                new.evidence.append(evidence)
            if asked:
                self.request_open = (line, new, taken.assignee)

    def _asked_if_done(self, text: str, line: int) -> None:
        """ "Is the export done?", "Can we close the daypart editor?", "정산 배치 끝났나요?": a yes on the next line
        by someone else is the report."""
        plain = _DONE_QUESTION.search(text)
        if plain is None:
            return
        what = re.sub(r"\s*(?:그거|그건|이거|이건)$", "", next((g for g in plain.groups() if g), ""))
        ticket, score = self.board.best(what or text)
        if (ticket is None or score < MATCH) and (refers_back(what, self.request.language) if what else True):
            topic = self.topic
            if topic is not None and topic.board is not None and line - topic.line <= 1:
                ticket, score = topic.board, topic.score
            elif plain.start() > 0:
                # "Shay, the TLS one from the PCI scan, can we close it?": the item named before the question, when
                # it stands out even named loosely
                ranked = self.board.ranked_any((text[:plain.start()], *naming_phrases(text[:plain.start()])))
                if ranked and ranked[0][1] >= LOOSE and (len(ranked) < 2 or ranked[0][1] - ranked[1][1] >= GATHER_MARGIN):
                    ticket, score = ranked[0][0], MATCH
        if ticket is not None and score >= MATCH:
            self.done_asked = (line, ticket, self.speaker, score)

    def _retract(self, text: str, line: int, clauses: list[Clause]) -> None:
        """ "Sorry, back to the cover. I said done, it isn't, actually.", "제가 아까 OCR 끝났다고 했는데 정정할게요.
        … 그건 아직 작업 중이에요": a correction that names, even loosely, one of the tickets earlier lines said done
        takes that done back. The ticket is under way when it was to do and the line says work started ("PR은
        올렸는데 …"); otherwise it keeps the status it had ("I have not even started it. Please don't move it.")."""
        said_done = [u for u in self.updates.values() if u.to_status == TicketStatus.DONE
                     and u.evidence.index is not None and u.evidence.index < line]
        if not said_done:
            return
        item = _CORRECTED_ITEM.search(text)
        named = self.board.scores((text, *naming_phrases(text), *(c.text for c in clauses),
                                   *((item.group("en") or item.group("ko"),) if item else ())))
        ranked = sorted(said_done, key=lambda u: -named.get(u.ticket_id, 0.0))
        best = named.get(ranked[0].ticket_id, 0.0)
        if best < LOOSE / 2 or (len(ranked) > 1 and best - named.get(ranked[1].ticket_id, 0.0) < GATHER_MARGIN):
            return
        moved = ranked[0]
        started = (any(c.statement is not None and c.statement.intent == Intent.IN_PROGRESS
                       and not _LATE_CORRECTION.search(c.text) for c in clauses)
                   and not any(c.ignored == "negated" and _NOT_STARTED.search(c.text) for c in clauses))
        if moved.from_status == TicketStatus.TODO and started:
            self.updates[moved.ticket_id] = moved.model_copy(update={"to_status": TicketStatus.IN_PROGRESS})
            self.status[moved.ticket_id] = TicketStatus.IN_PROGRESS
        else:
            del self.updates[moved.ticket_id]
            self.status[moved.ticket_id] = moved.from_status
        self.corrected = (line, moved.ticket_id)
        self.taken_back.add(moved.ticket_id)
        ticket = next(t for t in self.board.tickets if t.id == moved.ticket_id)
        self._focus(line, board=ticket, score=MATCH)  # "… 정정할게요. PR은 올렸는데 …": the rest is about it

    def _correct_earlier(self, text: str, line: int) -> None:
        """ "Sorry, scratch what I said earlier. 310's not merged.": a move of an earlier line, named again and
        denied with a correction, is undone."""
        if self.corrected is not None and self.corrected[0] == line:
            return  # taken back already (`_retract`)
        ticket, score = self.board.best(text)
        moved = self.updates.get(ticket.id) if ticket is not None and score >= MATCH else None
        if ticket is None or moved is None or moved.evidence.index is None or moved.evidence.index >= line:
            return
        del self.updates[ticket.id]
        self.status[ticket.id] = moved.from_status
        self.corrected = (line, ticket.id)  # "…not merged. The PR's approved but…": not moved again in this line
        self.taken_back.add(ticket.id)

    def _dropped(self, text: str, line: int) -> None:
        """ "Let's push that to next quarter" right after a piece of work came up: it is not work now."""
        self.mention = None
        topic = self.topic
        named, score = self.board.best_any((text, *naming_phrases(text)))
        if named is not None and score >= MATCH:
            self.dropped.add(named.id)  # "let's not do dark mode this quarter": speech does not move it now
        if topic is not None and topic.board is not None and line - topic.line <= CONTEXT_LINES and (
                _POINTS_BACK.search(text) or named is topic.board or (topic.line == line and _NOT_NEEDED.search(text))):
            if self.last_move is not None and self.last_move[:2] == (line, topic.board.id) and _NOT_NEEDED.search(text):
                # "미션 보너스는 이번 달 프로모션 끝났으니까 안 해도 될 것 같아요": what ended is the reason to drop it
                self._undo_move(topic.board.id, self.last_move[2], self.last_move[3])
                self.last_move = None
            self.dropped.add(topic.board.id)
            self.topic = None  # "let's push discounts to next sprint": nothing more is said of it now
            return
        if topic is None or topic.new is None or line - topic.line > 1:
            return
        first = re.split(r"\b(?:let's|let us|we'll|we will|we should|we can)\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
        if len(content_words(first)) >= 2 and similarity(topic.new.title, first) < 0.5:
            return  # "The Welsh SMS request from Cardiff, let's postpone that": another item, named first
        if _POINTS_BACK.search(text) or similarity(topic.new.title, text) >= 0.5:
            self._withdraw(topic.new, topic.line - 1)

    def _withdraw(self, ticket: ExtractedTicket, since: int) -> None:
        """Forget a ticket of this meeting that was only just raised (all its evidence from `since` on)."""
        if ticket in self.tickets and all(e.index is None or e.index >= since for e in ticket.evidence):
            self.tickets.remove(ticket)
            if self.topic is not None and self.topic.new is ticket:
                self.topic = None

    def _remember(self, text: str, line: int, evidence: Evidence, ignored: str | None) -> None:
        """A question or a bare mention ("the rate limiting for signup, …") sets what "it" refers to next;
        work described but not yet taken on may become a ticket when someone takes it."""
        title = mention_of(text, self.request.language, self.names)
        asked = english.asked_about(text) if ignored == "question" and not _is_korean_line(
            text, self.request.language) else ""
        ranked = self.board.ranked_any((text, title, asked, *naming_phrases(text)))
        ticket, score = ranked[0] if ranked else (None, 0.0)
        if len(ranked) > 1 and ranked[1][1] >= score - 0.02 and score < 0.9:
            ticket, score = None, 0.0  # "the receipts" with two receipt tickets on the board: not either one
        # Something wanted of, or wrong with, a finished ticket is new work on it (a fix, a follow-up).
        follow_up = (ticket is not None and self.status.get(ticket.id) == TicketStatus.DONE and ignored != "question"
                     and (bool(_WANTS.search(text)) or is_problem(text)))
        # "Oh, and the rider app crashed when they rotated the phone. I hot-fixed it": a fault brought up as an aside
        # is a fix of its own, not the ticket whose words it shares
        follow_up = follow_up or (ticket is not None and ignored is None and score < 0.9 and is_problem(text)
                                  and self.clause_at == 0 and bool(_ASIDE_OPENER.match(self.line_text)))
        if ticket is not None and score >= MATCH and not follow_up:
            current = self.topic
            if (current is not None and current.board is not None and current.line == line
                    and current.score >= 0.75 and score < current.score
                    and len(set(content_words(text)) & set(content_words(ticket.title))) <= 1):
                return  # a passing word later in the same breath does not change what it is about
            self._focus(line, board=ticket, score=score)
            self.line_topics += 1
            return
        if follow_up:
            score = 0.0  # "유통기한 알림, 약사님들이 알림 시간을 직접 정하고 싶어 하세요": more work on a done ticket
        if (ignored == "question" and score < NEW and not refers_back(text, self.request.language)
                and not _POINTS_BACK.search(text)
                and len(content_words(asked or title or text)) >= 2
                and self.topic is not None and self.topic.board is not None):
            # "그 보고 자료는 다 된 거죠?": a question about something not on the board moves the conversation
            # away from the board item before it, so a following "done" is not about that item.
            self.topic = None
        if refers_back(text, self.request.language):
            mention_newer = self.mention is not None and (self.topic is None or self.mention.clock > self.topic.clock)
            if not mention_newer and self.topic is not None and line - self.topic.line <= CONTEXT_LINES:
                self.topic.clock, self.topic.line, self.topic.speaker = self.clock, line, self.speaker
                self.line_topics += 1  # "그건 …": this utterance is about that item
            return
        for new in self.tickets:
            if similarity(new.title, title or text) >= 0.75:
                self._focus(line, new=new)
                self.line_topics += 1
                return
        topic = self.topic
        if (topic is not None and topic.board is not None and line - topic.line <= 1 and title
                and len(content_words(title)) <= 2
                and set(content_words(title)) & set(content_words(topic.board.title))):
            topic.line = line  # "Bates는 보드에 있죠": still the item under discussion, said in fewer words
            return
        # Work described in an utterance already about something is a detail or a reason, not new work.
        proposal = ignored != "question" or is_proposal(text, self.request.language)
        if (proposal and not self.declined and (self.line_topics == 0 or is_problem(text)) and title and not _GREETING.search(text)
                and not any(w in _MEETING_WORDS for w in content_words(text)) and names_work(title)
                and len(content_words(title)) >= 2
                and score < NEW and not (self.mention is not None and self.mention.line == line)):
            # The first description in an utterance names the work; what follows it explains it.
            self.mention = _Mention(line, title, evidence, self.clock)

    def _about_topic(self, statement: Statement, speaker: str | None, line: int,
                     evidence: Evidence) -> StatusUpdate | None:
        topic = self.topic
        mention = self.mention
        # Work just described is what "I'll do it" takes on; a report of progress ("it's done") is about the
        # ticket under discussion, unless the work was described in the same breath.
        takes_on = statement.intent == Intent.TODO or (
            mention is not None and mention.line == line and self.line_topics == 0)
        # Work taken on after a finished ticket came up is new work on it ("Ninety-three is done though?" "It's
        # done, but this is an encoding bug. I'll fix it"): the problem described is what is taken on.
        done_topic = (statement.intent == Intent.TODO and topic is not None and topic.board is not None
                      and self.status.get(topic.board.id) == TicketStatus.DONE)
        if (takes_on and statement.intent != Intent.TODO and self.question_line == line - 1
                and (topic is None or line - topic.line > CONTEXT_LINES) and self._pointed_at(line)[0] is not None):
            # "And the silent consumer?" "So that one, … there's a lag metric we already export, it just wasn't
            # wired to anything, so I put an alert on it … it's been in prod since yesterday": the answer tells
            # of the board item asked about, whatever it describes on the way
            takes_on = False
        if (mention is not None and takes_on and line - mention.line <= CONTEXT_LINES and not statement.aside
                and not self.folded
                and (topic is None or topic.clock < mention.clock or line - topic.line > CONTEXT_LINES
                     or done_topic)):
            self.mention = None
            taken = Statement(statement.intent, statement.clause, mention.title, statement.assignee, False,
                              statement.request, statement.confidence)
            self._take_on(mention, taken, speaker, line, evidence, asked=statement.request)
            return None
        if topic is None or line - topic.line > CONTEXT_LINES:
            topic = self._gather(line)
        if topic is None:
            return None
        if (_BARE_STATUS.match(statement.clause) and self.line_topics == 0 and self.question_line != line - 1
                and topic.line < line):
            return None  # a bare "Done." nobody asked for ("Right. Done. Cheers.") closes the talk, not the item
        if _BARE_STATUS.match(statement.clause) and self.clause_at >= 3 and self.line_statements == 1:
            return None  # "Assignments. Wei: PGN export. Sam: sync. Paolo: landscape. Done.": the list is done
        if (topic.board is not None and mention is not None and mention.clock > topic.clock
                and line - mention.line <= 1 and statement.intent != Intent.TODO):
            return None  # "it" is the thing named last, which is not that board item: not sure enough to move it
        topic.line, topic.speaker = line, speaker
        self.line_topics += 1
        if topic.board is not None:
            return self._move(topic.board, statement, 0.85 * topic.score * statement.confidence, evidence)
        if topic.new is not None:
            if statement.intent == Intent.TODO and statement.assignee and topic.new.assignee is None:
                topic.new.assignee = statement.assignee
            if statement.request:
                # "Nkechi, can you make those labels shrink to fit?" about the item just raised: the answer
                # ("Yes, I'll do auto-fit on the button labels") takes that item on, in the speaker's words
                self.request_open = (line, topic.new, statement.assignee)
            target = _STATUS_OF[statement.intent]
            if ORDER[target] > ORDER[topic.new.status]:
                topic.new.status = target
            topic.new.evidence.append(evidence)
        return None

    def _pointed_at(self, line: int) -> tuple[BoardTicket | None, float]:
        """The board item this line and the two before it point at together, each perhaps only loosely ("the
        scan-before-tote piece?" / "That's done. Every vial gets scanned before it goes in the tote"), when one
        item clearly stands out (evidence summed over the lines, weighted by recency), and how strongly."""
        total: dict[str, float] = {}
        for weight, text in ((1.0, self.line_text), *zip((0.8, 0.6), (t for _, t in reversed(self.recent)))):
            for ticket_id, score in self.board.scores((text, *naming_phrases(text))).items():
                total[ticket_id] = total.get(ticket_id, 0.0) + weight * score
        ranked = sorted(total.items(), key=lambda pair: -pair[1])
        if not ranked or ranked[0][1] < GATHER or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < GATHER_MARGIN):
            return None, 0.0
        ticket = next(t for t in self.board.tickets if t.id == ranked[0][0])
        return (None, 0.0) if ticket.id in self.dropped else (ticket, min(1.0, ranked[0][1]))

    def _gather(self, line: int) -> _Topic | None:
        """ "It's done" with nothing under discussion: the item the last lines point at together."""
        ticket, strength = self._pointed_at(line)
        if ticket is None:
            return None
        self._focus(line, board=ticket, score=strength * 0.8)
        return self.topic

    def _move(self, ticket: BoardTicket, statement: Statement, confidence: float,
              evidence: Evidence) -> StatusUpdate | None:
        target = _STATUS_OF.get(statement.intent)
        current = self.status[ticket.id]
        at = evidence.index if evidence.index is not None else -1
        if (target == TicketStatus.IN_PROGRESS and current == TicketStatus.DONE and self.last_move is not None
                and not self.in_detail and ORDER[self.last_move[3]] < ORDER[TicketStatus.DONE]
                and (self.last_move[:2] == (at, ticket.id)
                     or (self.last_move[1] == ticket.id and 0 < at - self.last_move[0] <= 3
                         and (_STILL_GOING.search(statement.clause) or _LATE_CORRECTION.search(self.line_text))
                         and not _NOT_DONE_YET.search(self._rest_of_line(statement))))):  # "… oh wait, so it's done"
            # "I've fixed the contrast … now doing the labels": said done, then still working on it: under way.
            # So too a line or three later: "그거 어제 라이브 나갔어요." … "그럼 그건 계속 진행 중이고", "아 맞다.
            # 욕설 쪽만 머지됐고 개인정보 마스킹은 리뷰 중이에요. 제가 헷갈렸네요."
            if self.last_move[3] == TicketStatus.IN_PROGRESS:
                self.updates.pop(ticket.id, None)  # it was under way already: no move at all
            else:
                moved = self.updates[ticket.id]
                self.updates[ticket.id] = moved.model_copy(update={"to_status": TicketStatus.IN_PROGRESS})
            self.status[ticket.id] = TicketStatus.IN_PROGRESS
            return None
        if (target is None or self.recap or ticket.id in self.dropped or self.corrected == (at, ticket.id)
                or not allowed_transition(current, target, Cause.SPEECH)):
            return None
        if by_hand_not_automated(statement.clause, ticket.title):
            return None  # "제가 수기로 환급 처리 다 끝냈어요" is the work done by hand, not "중복 공제 건 자동 환급"
        if (target == TicketStatus.DONE and current == TicketStatus.IN_PROGRESS and self.last_move is not None
                and self.last_move[:2] == (at, ticket.id) and self.last_move[3] == TicketStatus.TODO
                and (not _SHIPPED.search(statement.clause) or _STILL_GOING.search(self._rest_of_line(statement))
                     or _MORE_TO_COME.search(self._rest_of_line(statement)))
                and self.board.scores([statement.clause]).get(ticket.id, 0.0) < MATCH):
            # "I got going on it yesterday. I went through the Vault paths and found nine certs": started, then
            # a step of it told; the item is under way, not finished ("꽤 써 놨어요. 배포 전 확인까지 위키에
            # 올려놨고, 비상 연락망은 아직 비어 있어요": a step, though it names a release, while more is to come)
            return None
        original = self.updates[ticket.id].from_status if ticket.id in self.updates else current
        update = StatusUpdate(ticket_id=ticket.id, from_status=original, to_status=target,
                              evidence=evidence, confidence=round(min(1.0, confidence), 3))
        if self.last_move is None or self.last_move[:2] != (at, ticket.id):  # the first move of it in this line
            self.last_move = (at, ticket.id, self.updates.get(ticket.id), current, self.clock)
            self.mover = self.speaker
        self.updates[ticket.id] = update
        self.status[ticket.id] = target
        return update

    def _rest_of_line(self, statement: Statement) -> str:
        """What the utterance says after the clause of `statement`."""
        at = self.line_text.find(statement.clause)
        return self.line_text[at + len(statement.clause):] if at >= 0 else ""

    def _new_ticket(self, statement: Statement, speaker: str | None, line: int, evidence: Evidence,
                    problem: bool = False) -> None:
        # "Write up the data dictionary for the agronomists, they've asked three times": the work, not the remark
        title = _title(re.split(r",\s+(?:(?:they|we|i|you|he|she|it|that|this)(?:'ve|'re|'s|'d|'ll|\s)|(?:no problem|"
                                r"nothing fancy|no worries|if possible|if that's ok(?:ay)?|as usual|for now|please)\b)"
                                r"|\s+[—–]\s+",  # "the pre-close state — the copy and the rules —": the name, not the aside
                                statement.obj, maxsplit=1, flags=re.IGNORECASE)[0])
        title = _without_verbs(title)
        status = _STATUS_OF[statement.intent]
        if self.acked is not None and statement.intent == Intent.TODO:
            # "Sure, I'll make a list of good first issues": the request just accepted, in the speaker's words.
            self.acked.evidence.append(evidence)
            self.acked.assignee = self.acked.assignee or statement.assignee
            self._focus(line, new=self.acked)
            return
        for ticket in self.tickets:
            recent = any(e.index is not None and line - e.index <= CONTEXT_LINES for e in ticket.evidence)
            raised = (ticket.evidence[0].index is not None and 0 < line - ticket.evidence[0].index <= 2
                      and similarity(title, _speech(ticket.evidence[0].quote or "")) >= RAISED)
            alike = similarity(ticket.title, title)
            if raised or alike >= (0.5 if recent else 0.75):
                if raised and alike < 0.5 and names_work(title):
                    ticket.title = title  # the fix as asked for ("Fix the auto-renew"), not the symptom ("Moved DNS")
                ticket.evidence.append(evidence)
                ticket.assignee = ticket.assignee or statement.assignee
                if ORDER[status] > ORDER[ticket.status]:
                    ticket.status = status
                self._focus(line, new=ticket)
                return
        if self.recap or not names_work(title) or (
                re.search(r"[가-힣]", title) and len(content_words(title)) < 2):
            return  # a recap restates; a title that reads as talk ("Invoice reader is") is not a ticket
        if problem:
            title = _fix_title(title)
        ticket = ExtractedTicket(title=title, content=evidence.quote, status=status,
                                 meeting_id=self.request.meeting_id, assignee=statement.assignee,
                                 evidence=[evidence], confidence=statement.confidence)
        self.tickets.append(ticket)
        self._focus(line, new=ticket)
        self.line_topics += 1
        if statement.request:
            self.request_open = (line, ticket, statement.assignee)

    def _blocker(self, statement: Statement, line: int, evidence: Evidence) -> None:
        if self.recap:
            return
        ticket, score = self.board.best(statement.clause)
        ticket_id = ticket.id if ticket is not None and score >= MATCH else None
        if ticket_id is None and self.topic is not None and self.topic.board and line - self.topic.line <= 1:
            ticket_id = self.topic.board.id
        for blocker in self.blockers:
            if blocker.evidence is not None and blocker.evidence.index == line:
                blocker.text = f"{blocker.text} {statement.clause.strip()}"  # one blocker per utterance
                blocker.ticket_id = blocker.ticket_id or ticket_id
                return
            if similarity(blocker.text, statement.clause) >= 0.8:
                return
        self.blockers.append(Blocker(text=statement.clause.strip(), ticket_id=ticket_id, evidence=evidence))
        # What is missing is work someone may take on: "I need the discharge curves from the supplier" "I'll chase them"
        needed = re.search(r"\b(?:need|needs|waiting (?:on|for))\s+(?P<what>.+)$", statement.clause, re.IGNORECASE)
        if needed and len(content_words(needed.group("what"))) >= 2:
            self.mention = _Mention(line, _title(needed.group("what")), evidence, self.clock)
        elif ticket_id is None and _is_korean_line(statement.clause, self.request.language):
            # "메모에 사진 첨부가 안 돼서 불편하다고": what does not work is work someone may take
            broken = re.split(r"(?:이|가)?\s?안\s?(?:돼서|되서|돼|되고)", statement.clause, maxsplit=1)[0]
            title = mention_of(broken, self.request.language, self.names)
            if title and is_work(title) and len(content_words(title)) >= 2:
                self.mention = _Mention(line, title, evidence, self.clock)


class LocalProvider:
    name = "local"

    def extract(self, request: ExtractionRequest) -> Extraction:
        reader = MeetingReader(request)
        reader.read()
        reader.second_opinion()
        reader.unlisted_work()
        reader.learned_moves()
        reader.fold_repeats()
        return reader.result()
