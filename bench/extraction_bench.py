"""Ticket extraction speed with the `local` provider.

- A one-hour meeting (~9,000 words, built from the dev set's transcripts in turn, with the union of their
  boards) through the end-of-meeting path: chunking, extraction per chunk, merging. Median of N runs.
- Live status detection: every dev-set line read against a board of 500 open tickets, as the
  `transcription.completed` consumer does it: (a) the detector alone, (b) the whole consumer step on
  SQLite — loading the group's open tickets, detecting, writing the moves and their events — in one
  transaction per segment. p50 / p95 / max per segment.

`python bench/extraction_bench.py --help`
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vori.core.db import Database
from vori.core.settings import ExtractionSettings
from vori.extraction.detector import StatusDetector
from vori.extraction.flows import extract_transcript
from vori.extraction.local import LocalProvider
from vori.extraction.schema import BoardTicket, ExtractionRequest, Utterance
from vori.groups.models import LOCAL_GROUP_ID
from vori.groups.service import ensure_local_group
from vori.meetings.models import Meeting
from vori.migrations.runner import upgrade_to_head
from vori.tickets.models import Ticket
from vori.tickets.service import fingerprint
from vori.tickets.status import TicketStatus

DEVSET = Path(__file__).resolve().parent.parent / "evals" / "devset"

# Words to make a realistic board of 500 distinct tickets from (areas × components × kinds of work).
AREAS_EN = ["Checkout", "Billing", "Search", "Onboarding", "Admin", "Mobile", "Notifications", "Reports",
            "Profile", "Auth", "Payments", "Analytics", "Inventory", "Shipping", "Support", "Settings"]
PARTS_EN = ["API", "page", "dashboard", "export", "emails", "cache", "migration", "tests", "logging", "alerts",
            "permissions", "webhooks", "search index", "docs", "UI", "job"]
KINDS_EN = ["Build", "Fix", "Refactor", "Speed up", "Document", "Add metrics to", "Redesign", "Test"]
AREAS_KO = ["결제", "정산", "검색", "온보딩", "관리자", "모바일", "알림", "리포트", "프로필", "인증", "주문", "배송"]
PARTS_KO = ["API", "페이지", "대시보드", "내보내기", "메일", "캐시", "마이그레이션", "테스트", "로그", "권한", "웹훅", "문서"]
KINDS_KO = ["구현", "버그 수정", "리팩토링", "성능 개선", "문서화", "모니터링 추가", "개편", "테스트 작성"]


def load_devset() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEVSET.glob("*.json"))]


def long_meeting(meetings: list[dict[str, Any]], words: int) -> ExtractionRequest:
    """Dev-set meetings one after another until the transcript has `words` words."""
    lines: list[str] = []
    board: list[BoardTicket] = []
    for n, meeting in enumerate(itertools.cycle(meetings)):
        if sum(len(line.split()) for line in lines) >= words:
            break
        lines += meeting["transcript"]
        if n < len(meetings):
            board += [BoardTicket(id=f"{meeting['id']}-{t['id']}", title=t["title"], status=t["status"])
                      for t in meeting["board"]]
    return ExtractionRequest(meeting_id="bench", language="auto", board=board,
                             utterances=[Utterance(index=i, text=line) for i, line in enumerate(lines)])


def big_board(n: int) -> list[BoardTicket]:
    titles = [f"{k} {a} {p}" for a, p, k in itertools.product(AREAS_EN, PARTS_EN, KINDS_EN)]
    titles_ko = [f"{a} {p} {k}" for a, p, k in itertools.product(AREAS_KO, PARTS_KO, KINDS_KO)]
    mixed = [t for pair in zip(titles[::5], titles_ko[::3], strict=False) for t in pair]
    statuses = [TicketStatus.TODO, TicketStatus.IN_PROGRESS]
    tickets = [BoardTicket(id=str(uuid.uuid4()), title=title, status=statuses[i % 2])
               for i, title in enumerate(mixed[:n])]
    assert len(tickets) == n, f"only {len(tickets)} distinct titles"
    return tickets


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_extraction(meetings: list[dict[str, Any]], words: int, runs: int, chunk_words: int) -> dict[str, Any]:
    request = long_meeting(meetings, words)
    provider = LocalProvider()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = extract_in_chunks(provider, request, chunk_words)
        times.append(time.perf_counter() - started)
    return {"words": sum(len(u.text.split()) for u in request.utterances), "utterances": len(request.utterances),
            "boardTickets": len(request.board), "chunkWords": chunk_words, "runs": [round(t, 3) for t in times],
            "medianS": round(statistics.median(times), 3), "tickets": len(result.tickets),
            "statusUpdates": len(result.status_updates)}


def extract_in_chunks(provider: LocalProvider, request: ExtractionRequest, chunk_words: int) -> Any:
    """What the end-of-meeting flow does with the transcript: chunks, one extraction each, merged."""
    result, _, _ = extract_transcript(provider, request, ExtractionSettings(chunk_words=chunk_words))
    return result


def bench_detection(meetings: list[dict[str, Any]], board_size: int) -> dict[str, Any]:
    lines = [(m["language"], line) for m in meetings for line in m["transcript"]]
    board = big_board(board_size)
    detector = StatusDetector(ExtractionSettings())
    pure = []
    for i, (language, line) in enumerate(lines):
        utterance = Utterance(index=i, text=line)
        started = time.perf_counter()
        detector.detect("bench-meeting", language, board, utterance)
        pure.append((time.perf_counter() - started) * 1000)
    consumer = bench_consumer(lines, board)
    return {"segments": len(lines), "openTickets": len(board),
            "detectorMs": {"p50": round(statistics.median(pure), 2), "p95": round(percentile(pure, 0.95), 2),
                           "max": round(max(pure), 2)},
            "consumerMs": consumer}


def bench_consumer(lines: list[tuple[str, str]], board: list[BoardTicket]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade_to_head(url)
        db = Database(url)
        with db.session() as session:
            ensure_local_group(session)
            meeting = Meeting(group_id=LOCAL_GROUP_ID, title="bench", language="en")
            session.add(meeting)
            session.flush()
            meeting_id = meeting.id
            session.add_all([Ticket(id=t.id, group_id=LOCAL_GROUP_ID, title=t.title, content="", status=t.status,
                                    fingerprint=fingerprint(t.title)) for t in board])
        detector = StatusDetector(ExtractionSettings())
        times = []
        for seq, (_language, line) in enumerate(lines, start=1):
            payload = {"meetingId": meeting_id, "groupId": LOCAL_GROUP_ID, "segmentId": str(uuid.uuid4()),
                       "seq": seq, "text": line, "startMs": seq * 1000, "endMs": seq * 1000 + 900, "speaker": None,
                       "language": "en", "createdAt": datetime.now(UTC)}
            started = time.perf_counter()
            with db.session() as session:
                detector.apply(session, [payload])
            times.append((time.perf_counter() - started) * 1000)
        db.dispose()
    return {"p50": round(statistics.median(times), 2), "p95": round(percentile(times, 0.95), 2),
            "max": round(max(times), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=9000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chunk-words", type=int, default=ExtractionSettings().chunk_words)
    parser.add_argument("--board", type=int, default=500)
    args = parser.parse_args()
    meetings = load_devset()
    report = {"machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
              "extraction": bench_extraction(meetings, args.words, args.runs, args.chunk_words),
              "detection": bench_detection(meetings, args.board)}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    out = Path(__file__).resolve().parent / "results" / "extraction.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
