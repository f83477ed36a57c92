"""How alike two ways of naming the same work are, in English and Korean.

People rarely say a ticket's title: "the login screen is finished" is about "Frontend login page", "로그인
화면 작업 끝났습니다" about "로그인 페이지 구현". Both sides become sets of content words (Korean particles
stripped, English inflections folded, words naming *kinds of work* such as "implement" or "작업" dropped,
near-synonyms of software vocabulary mapped to one concept); the score is how much of the shorter side the
longer covers, with partial credit for words that share most of their characters ("결제페이지" ~ "결제").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from vori.extraction.rules.common import words

# Versions are one word and the same with or without their "v" ("v1.3" = "1.3").
_WORD = re.compile(r"(?<![A-Za-z])[vV]?(\d+(?:\.\d+)+)|[A-Za-z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|[A-Za-z]|[0-9]+|[가-힣]+")
_HANGUL = re.compile(r"[가-힣]")

# Korean particles and copula endings that attach to a noun ("로그인 페이지는", "결제 API를", "배포에서").
_KO_PARTICLES = sorted((
    "이에요", "예요", "입니다", "은요", "는요", "이야", "야", "이었어요", "였어요", "이죠", "이라서", "이라", "인데",
    "이라고", "에서는", "에서도", "으로는", "으로도", "까지는", "부터는", "에게서", "한테서", "이랑", "에서", "에게",
    "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "라도", "이랑", "하고", "이요", "이고", "이며", "이는",
    "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "나", "랑", "요",
), key=len, reverse=True)

# Words that say what kind of work it is, not which work: they must not make two tickets look alike.
_GENERIC = words("""
a an the this that these those it its our my your their his her we i you they he she one some any all
to of for in on at by with from into onto about as and or but so then also just still already now again
is are was were be been being am do does did done doing have has had will would should could can may might must
where what when who why how which whose s t ll re ve d m get got go going gone
work working task tasks ticket tickets item items thing things stuff part piece bit issue issues job
implement implementation implementing implemented build building built create creating created make making
add adding added set setup up finish finished finishing complete completed completing start started starting
fix fixing fixed update updating updated new initial first basic support handling handle
pr mr 피알 vs versus 라이브 거요 건요 거는 건데 거죠 게요 시
다 좀 그 이 저 것 거 건 게 및 등 관련 쪽 부분 작업 구현 개발 진행 처리 추가 수정 기능 건들 일 업무 티켓 이슈
완료 시작 마무리 준비 적용 관련된 대한 위한 새 새로운 기본 초기
""")

# One concept per line: words people use interchangeably for the same piece of software.
_SYNONYMS = [
    "login signin sign-in log-in logon 로그인",
    "logout signout sign-out log-out 로그아웃",
    "signup sign-up registration register 회원가입 가입",
    "page screen view 페이지 화면 뷰",
    "frontend front-end ui client 프론트 프론트엔드",
    "backend back-end server 백엔드 서버",
    "api endpoint endpoints 엔드포인트",
    "database db postgres postgresql mysql 데이터베이스 디비 포스트그레스",
    "payment payments checkout billing 결제",
    "notification notifications alert alerts alerting alarm alarms push 알림 푸시 알람 경보",
    "search 검색",
    "checksum checksums hash hashes digest 체크섬 해시",
    "nightly overnight 야간 나이틀리",
    "bug defect 버그",
    "test tests testing 테스트",
    "document documentation docs doc 문서",
    "deploy deployment release 배포 릴리스 릴리즈",
    "dashboard 대시보드",
    "setting settings preferences config configuration 설정",
    "profile 프로필",
    "password 비밀번호 패스워드",
    "email mail 이메일 메일",
    "sms text texts 문자",
    "design mockup mockups 디자인 시안",
    "migration migrate 마이그레이션",
    "monitoring metrics 모니터링",
    "permission permissions access 권한",
    "onboarding 온보딩",
    "image images photo photos 이미지 사진",
    "upload uploads 업로드 올리",
    "export exports download downloads 익스포트 내보내기 다운로드",
    "allergy allergies allergen allergens 알레르기",
    "label labels tag tags tagging 라벨 태그",
    "caption captions subtitle subtitles 자막",
    "history timeline 히스토리 이력 타임라인",
    "upgrade bump 업그레이드",
    "cache caching 캐시",
    "log logs logging 로그",
    "error errors exception 에러 오류",
    "performance 성능",
    "security 보안",
    "mobile app 앱 모바일",
    "report reports reporting 리포트 보고서",
    "user users 사용자 유저",
    "order orders 주문",
    "cart 장바구니",
    "review 리뷰 검토",
    "change 변경 바꾸 교체",
    "remove delete 삭제 제거 빼",
    "display show 표시 보여주 노출",
    "voice audio sound 음성 소리 오디오",
    "chart graph 차트 그래프",
    "schedule rota rotas roster rosters timetable timetables 스케줄 일정 근무표 시간표",
    "integration sync 연동 동기화 붙이",
    "move 이전 옮기 이관",
    "filename 파일명",
    "broken 깨지 깨짐",
    "fee fees charge 요금 수수료",
    "import ingest 임포트 가져오기",
    "validation validate verify verification check checks 검증 검사 체크",
    "limit limits cap quota threshold 한도 제한 임계값",
    "reminder reminders nudge nudges 리마인드 리마인더",
    "doctor doctors physician physicians 의사 의사별",
    "calendar 캘린더 달력",
    "popup pop-up modal dialog 팝업 모달",
    "map maps 지도 맵",
    "pin pins marker markers 핀 마커",
    "cluster clustering group grouping 클러스터링 묶",
    "compress compression shrink 압축 줄이",
    "picture pictures",
    "button buttons 버튼",
    "banner banners 배너",
    "template templates 템플릿",
    "script scripts 스크립트",
    "webhook webhooks 웹훅",
    "token tokens 토큰",
    "coupon coupons voucher vouchers 쿠폰",
    "query queries 쿼리",
    "index indexes 인덱스",
    "filter filters 필터",
    "session sessions 세션",
    "cookie cookies 쿠키",
    "batch 배치",
    "cron crontab 크론",
    "excel spreadsheet xlsx csv 엑셀 스프레드시트 씨에스브이",
    "pdf 피디에프",
    "queue 큐 대기열",
    "chat 채팅",
    "comment comments 댓글 코멘트",
    "crash crashes 크래시 튕김",
    "timeout timeouts 타임아웃",
    "retry retries 재시도",
    "encoding 인코딩",
    "timezone 타임존 시간대",
    "barcode barcodes 바코드",
    "receipt receipts 영수증",
    "invoice invoices 인보이스 청구서",
    "refund refunds 환불",
    "subscription subscriptions 구독",
    "kubernetes k8s 쿠버네티스",
    "kafka 카프카",
    "docker 도커",
    "redis 레디스",
    "node nodejs 노드",
    "react 리액트",
    "python 파이썬",
    "windows 윈도우",
    "android 안드로이드 안드",
    "ios 아이폰 iphone",
    "slack 슬랙",
    "github 깃허브",
    "jenkins 젠킨스",
    "safari 사파리",
    "chrome 크롬",
    "google 구글",
    "staging 스테이징",
    "hotfix 핫픽스",
    "sdk 에스디케이",
    "ocr 오씨알",
    "dimension dimensions size sizes measurement measurements length height width 크기 치수 사이즈 길이 높이",
    "latency lag delay delays 지연 레이턴시",
    "outage downtime 장애 다운타임",
    "backup backups 백업",
    "restore restoring recovery 복구 복원",
    "certificate certificates cert certs tls ssl 인증서",
    "authentication auth 인증",
    "mfa 2fa otp two-factor 이중인증 2단계인증",
    "customer customers client clients 고객 고객사",
    "admin administrator backoffice back-office 관리자 어드민 운영툴",
    "guide manual runbook runbooks playbook wiki how-to 가이드 매뉴얼 런북 위키",
    "form forms 폼 양식 신청서",
    "field fields column columns 필드 컬럼",
    "list lists listing 목록 리스트",
    "message messages 메시지",
    "price prices pricing 가격",
    "inventory stock 재고",
    "delivery shipping 배송 배달",
    "address addresses 주소",
    "location gps position 위치",
    "font fonts typeface 폰트 글꼴",
    "accessibility a11y wcag 접근성",
    "translation translations localization localisation l10n i18n 번역 다국어 현지화",
    "throttle throttling rate-limit rate-limiting 레이트리밋",
    "sensor sensors probe probes 센서",
    "firmware 펌웨어",
    "device devices terminal terminals 단말 단말기 기기",
    "printer printers printing 프린터 인쇄",
    "scanner scanners scanning 스캐너 스캔",
    "booking bookings reservation reservations 예약 예매",
    "signature signatures 서명",
    "duplicate duplicates duplicated double doubled dedup dedupe deduplication deduplicate 중복",
]
_CONCEPT = {word: line.split()[0] for line in _SYNONYMS for word in line.split()}


def _strip_particle(word: str) -> str:
    for particle in _KO_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _fold_english(word: str) -> str:
    for suffix, keep in (("ations", "at"), ("ation", "at"), ("ates", "at"), ("ated", "at"), ("ate", "at"),
                         ("ency", "ent"), ("ies", "y"),
                         ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            stem = word[: -len(suffix)] + keep
            if suffix in ("ing", "ed") and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
                stem = stem[:-1]  # "mapping" ~ "map", "shipped" ~ "ship", "logging" ~ "log"
            return stem
    return word


# Verb endings on a Korean stem in a description ("깨지던", "보여주는", "드래그해서", "깨짐"): the stem is the word.
_KO_VERB_ENDING = re.compile(r"(?:했던|하던|하는|해서|하고|되던|되는|됐던|하기|던|는|해|기)$")


def _korean_stem(word: str) -> str:
    if len(word) >= 3:
        stripped = _KO_VERB_ENDING.sub("", word)
        if len(stripped) >= 2 and stripped != word:
            return stripped
    if len(word) >= 2 and word[-1] in "짐함됨김":  # a final ㅁ makes a noun of a verb: 깨짐 = 깨지-, 끊김 = 끊기-
        return word[:-1] + chr(ord(word[-1]) - 16)
    return word


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """The concept a word stands for ('' when it says nothing about *which* work)."""
    word = word.lower()
    if word in _GENERIC:
        return ""
    if _HANGUL.match(word):
        word = _strip_particle(word)
        if word not in _CONCEPT:
            word = _korean_stem(word)
    elif word not in _CONCEPT:
        word = _fold_english(word)
    if word in _GENERIC:
        return ""
    return _CONCEPT.get(word, word)


def _split_compound(word: str) -> list[str]:
    """Korean writes compounds with or without spaces ("결제페이지" = "결제 페이지"): split off known words."""
    if _HANGUL.match(word):
        word = _strip_particle(word)
    if _HANGUL.match(word) and len(word) >= 4 and word not in _CONCEPT:
        for cut in range(len(word) - 2, 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in _CONCEPT or _strip_particle(tail) in _CONCEPT:
                return [head, *_split_compound(tail)]
    return [word]


@lru_cache(maxsize=16384)
def content_words(text: str) -> tuple[str, ...]:
    """The words of `text` that name the work, normalized, in order, without repeats."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text):
        token = match.group(1) or match.group()
        if len(token) >= 2 and token.isupper() and token.isalpha() and token.lower() in _ACRONYMS:
            seen.setdefault(token.lower() + "_", None)  # "CAN bus", "IT": an acronym, not the word "can"
            continue
        for part in _split_compound(token.lower()):
            word = normalize_word(part)
            if word:
                seen.setdefault(word, None)
    return tuple(seen)


@lru_cache(maxsize=65536)
def _bigrams(word: str) -> frozenset[str]:
    return frozenset({word[i:i + 2] for i in range(len(word) - 1)} or {word})


def word_keys(words: Sequence[str]) -> frozenset[str]:
    """Keys two descriptions share whenever they can match at all: each word, and its first four letters
    (two syllables in Korean), since related forms of a word ("reviewer", "review") start alike."""
    keys: set[str] = set()
    for word in words:
        keys.add(word)
        keys.add("^" + word[: 2 if _HANGUL.match(word) else 4])
    return frozenset(keys)


@lru_cache(maxsize=262144)
def _word_match(a: str, b: str) -> float:
    if a == b:
        return 1.0
    # Compounds and inflections the rules above missed: "결제페이지" ~ "결제", "dashboards" ~ "dashboard".
    short, long_ = sorted((a, b), key=len)
    if len(short) >= (2 if _HANGUL.match(short) else 4) and long_.startswith(short):
        return 0.8
    if len(short) >= 3:
        x, y = _bigrams(a), _bigrams(b)
        dice = 2 * len(x & y) / (len(x) + len(y))
        if dice >= 0.6:
            return 0.7 * dice
    return 0.0


def _coverage(words: Sequence[str], other: Sequence[str]) -> float:
    """How much of `words` is found in `other` (each word's best match)."""
    if not words or not other:
        return 0.0
    return sum(max(_word_match(w, o) for o in other) for w in words) / len(words)


_PREPOSITION = re.compile(r"\s(?:for|of|on|in|to|with|from|at|by|about|into|per|when|where|that|which|than|via|"
                          r"across|after|before|under|over|between|against|during|without|within|instead)\s",
                          re.IGNORECASE)


@lru_cache(maxsize=16384)
def head_word(text: str) -> str:
    """What a description names, which comes last in its noun phrase: "…실패율 알림" → 알림; in English before
    any prepositional phrase: "failure-rate alert for invoice printing" → alert."""
    phrase = _PREPOSITION.split(f" {text} ", maxsplit=1)[0]
    words = content_words(phrase) or content_words(text)
    while len(words) > 1 and _HANGUL.match(words[-1]) and words[-1].endswith("용"):
        words = words[:-1]  # "기부금 영수증 연말정산용": "…용" says what it is for, not what it is
    return words[-1] if words else ""


@lru_cache(maxsize=262144)
def similarity_of_words(a: tuple[str, ...], b: tuple[str, ...], head_a: str = "", head_b: str = "") -> float:
    """0..1: mostly how much of the shorter description the longer covers, a little of the reverse, so
    'login page' ~ 'Frontend login page' scores high and 'page' alone does not match every page. Remembered:
    a meeting compares the same words with the same tickets many times (clauses, lines, their parts)."""
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    covered = _coverage(short, long_)
    back = _coverage(long_, short)
    score = 0.75 * covered + 0.25 * back
    if len(short) == 1 and len(long_) > 1:
        score *= 0.8  # one word ("billing") may name any of several tickets: a weaker match
    else:
        head_a, head_b = head_a or a[-1], head_b or b[-1]
        if (_word_match(head_a, head_b) < 0.5 and max(_word_match(head_a, w) for w in b) < 0.8
                and max(_word_match(head_b, w) for w in a) < 0.8):
            # What each names is what it is ("…실패율 알림" is an alert, "…재출력 버튼" a button).
            score *= 0.8
    return min(1.0, score)


# Words that are function words in lower case and names in capitals ("CAN bus", "IT", "OR scheduling").
_ACRONYMS = words("can it or as us id am do")


@lru_cache(maxsize=65536)
def _described(text: str) -> tuple[tuple[str, ...], str, frozenset[str]]:
    words = content_words(text)
    return words, head_word(text), word_keys(words)


def similarity(a: str, b: str) -> float:
    words_a, head_a, keys_a = _described(a)
    words_b, head_b, keys_b = _described(b)
    if not keys_a & keys_b:
        return 0.0  # nothing in common, not even the start of a word: the long comparison cannot score
    return similarity_of_words(words_a, words_b, head_a, head_b)


@dataclass(frozen=True)
class Match:
    key: str
    score: float


def best_match(text: str, candidates: Iterable[tuple[str, str]], threshold: float = 0.0) -> Match | None:
    """The (key, title) candidate most like `text`, if it reaches `threshold`."""
    words = content_words(text)
    best: Match | None = None
    for key, title in candidates:
        score = similarity_of_words(words, content_words(title))
        if score >= threshold and (best is None or score > best.score):
            best = Match(key, score)
    return best
