"""Minutes of processed meetings, as JSON and Markdown, in English and Korean."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from extraction.scripted import (
    ScriptedProvider,
    db_of,
    end_and_wait,
    make_settings,
    new_meeting,
    running,
    say,
)
from fastapi.testclient import TestClient

from vori.extraction.schema import Blocker, Evidence, ExtractedTicket, Extraction, ExtractionRequest
from vori.tickets import service as tickets
from vori.tickets.status import Cause, TicketStatus


def english_answer(request: ExtractionRequest) -> Extraction:
    return Extraction(
        tickets=[ExtractedTicket(title="Payment service integration", assignee="Bo", evidence=[Evidence(index=1)]),
                 ExtractedTicket(title="Review the design document", assignee="Maria", evidence=[Evidence(index=2)]),
                 ExtractedTicket(title="login screen", status=TicketStatus.DONE, evidence=[Evidence(index=0)])],
        blockers=[Blocker(text="Waiting for the payment provider's API keys", evidence=Evidence(index=3))],
        decisions=[Evidence(index=4)])


def create_ticket(client: TestClient, title: str) -> str:
    response = client.post("/api/tickets", json={"title": title})
    assert response.status_code == 201
    return str(response.json()["id"])


def test_minutes_as_json_and_markdown(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider(english_answer)) as client:
        login = create_ticket(client, "Frontend login page")
        search = create_ticket(client, "Search results page")
        meeting = new_meeting(client, "Sprint stand-up")
        segments = say(client, meeting, ("Ann", "The login page is finished."),
                       ("Bo", "I will start working on the payment service tomorrow."),
                       ("Maria", "Maria will review the design document on Friday."),
                       ("Bo", "We are still waiting for the API keys."),
                       ("Ann", "We ship the release on Friday."))
        # The live status detector moved a ticket while people spoke.
        with db_of(client).session() as session:
            tickets.change_status(session, search, TicketStatus.IN_PROGRESS, cause=Cause.SPEECH, meeting_id=meeting,
                                  segment_id=segments[3], quote="search is under way", confidence=0.8)
        assert end_and_wait(client, meeting) == "done"

        response = client.get(f"/api/meetings/{meeting}/minutes")
        assert response.status_code == 200
        minutes = response.json()
        assert minutes["title"] == "Sprint stand-up" and minutes["language"] == "en"
        assert minutes["participants"] == ["Ann", "Bo", "Maria"]
        # say() lays out lines of 5, 9, 8, 8 and 6 words (300 ms a word) with 500 ms pauses between them.
        assert minutes["duration"]["audioMs"] == (5 + 9 + 8 + 8 + 6) * 300 + 4 * 500
        assert minutes["duration"]["minutes"] == 1 and minutes["duration"]["wallMs"] >= 0
        assert minutes["summary"] == (
            "Sprint stand-up, 1 minute, with Ann, Bo and Maria: 2 new tickets, 1 moved to done, "
            "1 moved to in progress, 1 blocker, 1 decision. "
            "Main items: Payment service integration; Review the design document.")
        assert minutes["decisions"] == [{"quote": "We ship the release on Friday.", "segmentId": segments[4],
                                         "index": 4}]
        items = {a["title"]: a for a in minutes["actionItems"]}
        assert items["Payment service integration"]["assignee"] == "Bo" and items["Payment service integration"]["new"]
        assert items["Frontend login page"] == {
            "ticketId": login, "title": "Frontend login page", "assignee": None, "status": "DONE", "new": False,
            "quote": "The login page is finished.", "segmentId": segments[0]}
        assert [(m["title"], m["from"], m["to"], m["cause"]) for m in minutes["statusMoves"]] == [
            ("Search results page", "TODO", "IN_PROGRESS", "speech"), ("Frontend login page", "TODO", "DONE",
                                                                        "extraction")]
        assert minutes["blockers"] == [{"text": "Waiting for the payment provider's API keys", "ticketId": None,
                                        "quote": "We are still waiting for the API keys."}]

        markdown = client.get(f"/api/meetings/{meeting}/minutes", params={"format": "markdown"})
        assert markdown.status_code == 200
        assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
        disposition = markdown.headers["content-disposition"]
        assert f'filename="{minutes["date"]}-sprint-stand-up-minutes.md"' in disposition
        text = markdown.text
        assert text.startswith("# Sprint stand-up — Minutes\n")
        assert "**Participants:** Ann, Bo, Maria" in text and minutes["summary"] in text
        assert "## Decisions\n\n- “We ship the release on Friday.”" in text
        assert f"| Payment service integration | Bo | To do | new `{items['Payment service integration']['ticketId']}` |" \
            in text
        assert "- Frontend login page: To do → Done (extraction) — “The login page is finished.”" in text
        assert "## Blockers\n\n- Waiting for the payment provider's API keys — “We are still waiting" in text


def test_live_asr_segments_have_no_participants_and_an_empty_meeting_says_so(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider()) as client:
        meeting = new_meeting(client, "Planning")
        say(client, meeting, "Our budget for the marketing campaign is ten thousand dollars.")
        quiet = new_meeting(client, "Nobody came")
        assert end_and_wait(client, meeting) == "done" and end_and_wait(client, quiet) == "done"
        minutes = client.get(f"/api/meetings/{meeting}/minutes").json()
        assert minutes["participants"] == [] and minutes["actionItems"] == []
        assert minutes["summary"] == "Planning, 1 minute: no new tickets or status changes."
        empty = client.get(f"/api/meetings/{quiet}/minutes").json()
        assert empty["summary"].endswith("no speech was transcribed.") and empty["duration"]["audioMs"] is None
        text = client.get(f"/api/meetings/{quiet}/minutes?format=markdown").text
        assert "**Participants:** not identified" in text and "## Action items\n\n- None" in text


def korean_answer(request: ExtractionRequest) -> Extraction:
    return Extraction(
        tickets=[ExtractedTicket(title="결제 서비스 연동", assignee="민수", evidence=[Evidence(index=1)])],
        blockers=[Blocker(text="API 키 발급 대기", evidence=Evidence(index=2))])


def test_a_korean_meeting_has_korean_minutes(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider(korean_answer)) as client:
        meeting = new_meeting(client, "주간 회의", language="ko")
        say(client, meeting, ("지영", "로그인 페이지 구현이 완료되었습니다."), ("민수", "내일부터 결제 서비스 연동 작업을 시작할게요."),
            ("민수", "API 키 발급을 기다리고 있습니다."))
        assert end_and_wait(client, meeting) == "done"
        minutes = client.get(f"/api/meetings/{meeting}/minutes").json()
        assert minutes["language"] == "ko" and minutes["participants"] == ["지영", "민수"]
        assert minutes["summary"] == "주간 회의, 1분, 참석자 지영, 민수: 새 티켓 1개, 블로커 1건. 주요 항목: 결제 서비스 연동."
        markdown = client.get(f"/api/meetings/{meeting}/minutes?format=markdown")
        text = markdown.text
        assert text.startswith("# 주간 회의 — 회의록\n") and "## 요약" in text and "## 실행 항목" in text
        assert "| 결제 서비스 연동 | 민수 | 할 일 | 신규" in text and "## 블로커\n\n- API 키 발급 대기" in text
        disposition = markdown.headers["content-disposition"]
        assert "filename*=UTF-8''" in disposition
        assert unquote(disposition.split("''")[1]) == f"{minutes['date']}-주간-회의-minutes.md"


def test_the_meeting_language_auto_follows_the_transcript(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider()) as client:
        meeting = new_meeting(client, "Sync", language="auto")
        say(client, meeting, "로그인 페이지 구현이 완료되었습니다.")
        assert end_and_wait(client, meeting) == "done"
        minutes = client.get(f"/api/meetings/{meeting}/minutes").json()
        assert minutes["language"] == "ko" and minutes["summary"].startswith("Sync, 1분:")
