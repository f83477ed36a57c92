"""The offline provider on whole meetings: context across lines, requests and their answers, one ticket for
the same work said twice, and moves only forward."""

from __future__ import annotations

import pytest

from vori.extraction.local import LocalProvider
from vori.extraction.schema import BoardTicket, Extraction, ExtractionRequest, Utterance
from vori.tickets.status import TicketStatus


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the rules: the line model's second opinion (test_lines.py) is off."""
    monkeypatch.setenv("VORI_EXTRACTION_LINE_MODEL", "0")


def _extract(lines: list[str], board: list[tuple[str, str, str]], language: str = "auto") -> Extraction:
    request = ExtractionRequest(
        meeting_id="m-1", language=language,
        utterances=[Utterance(index=i, text=line) for i, line in enumerate(lines)],
        board=[BoardTicket(id=i, title=t, status=TicketStatus(s)) for i, t, s in board])
    return LocalProvider().extract(request)


def _moves(result: Extraction) -> set[tuple[str, str]]:
    return {(u.ticket_id, u.to_status.value) for u in result.status_updates}


BOARD = [("T1", "Frontend login page", "IN_PROGRESS"), ("T2", "Password reset email", "TODO"),
         ("T3", "Billing dashboard", "TODO"), ("T4", "Search indexing job", "DONE")]


def test_english_standup() -> None:
    result = _extract([
        "Alice: Morning everyone.",
        "Bob: The login screen is finished, I merged it last night.",
        "Alice: Nice. Is the password reset email done?",
        "Carol: Yes, it's done, QA signed off this morning.",
        "Alice: Dan, can you take the flaky CI test?",
        "Dan: Sure.",
        "Bob: I'll add rate limiting to the signup API by Friday.",
        "Carol: I'm blocked on the staging credentials, waiting for IT.",
        "Alice: Let's not do dark mode this quarter.",
        "Bob: I finally finished that book over the weekend.",
        "Carol: I started on the billing dashboard.",
        "Bob: And the rate limiting for signup, I'll pair with Carol on it.",
        "Alice: The search indexing job is done too, by the way.",
    ], BOARD)
    assert _moves(result) == {("T1", "DONE"), ("T2", "DONE"), ("T3", "IN_PROGRESS")}
    titles = {t.title: t for t in result.tickets}
    assert set(titles) == {"Flaky CI test", "Add rate limiting to the signup API"}
    assert titles["Flaky CI test"].assignee == "Dan"
    assert [e.index for e in titles["Add rate limiting to the signup API"].evidence] == [6, 11]
    assert [b.evidence.index for b in result.blockers if b.evidence] == [7]
    assert all(t.meeting_id == "m-1" and t.status == TicketStatus.TODO for t in result.tickets)


def test_korean_standup() -> None:
    result = _extract([
        "민수: 좋은 아침입니다.",
        "지수: 로그인 화면 작업 끝났습니다. 어제 머지했어요.",
        "민수: 비밀번호 재설정 메일은 어떻게 됐나요?",
        "현우: 그거 지금 작업 중이에요.",
        "민수: 지수 님이 결제 API 문서 정리해 주세요.",
        "지수: 네, 제가 할게요.",
        "현우: 스테이징 권한이 없어서 배포를 못 하고 있어요.",
        "민수: 다크 모드는 다음 분기로 미루죠.",
        "현우: 주말에 등산 다녀왔어요.",
    ], [("T1", "로그인 페이지 구현", "IN_PROGRESS"), ("T2", "비밀번호 재설정 메일", "TODO"),
        ("T3", "정산 대시보드", "TODO")])
    assert _moves(result) == {("T1", "DONE"), ("T2", "IN_PROGRESS")}
    assert [(t.title, t.assignee) for t in result.tickets] == [("결제 API 문서 정리", "지수")]
    assert len(result.blockers) == 1


def test_speech_never_moves_back_and_repeats_change_nothing() -> None:
    result = _extract([
        "Alice: The search indexing job needs more work, it's in progress again.",
        "Bob: The login page is done.",
        "Bob: Yep, the login page is done.",
    ], BOARD)
    assert _moves(result) == {("T1", "DONE")}
    assert len(result.status_updates) == 1


def test_questions_negations_and_small_talk_make_nothing() -> None:
    result = _extract([
        "Alice: Did anyone look at the billing dashboard?",
        "Bob: The login page isn't done yet.",
        "Carol: We could maybe try a new font someday.",
        "Dan: My kids loved the zoo on the weekend.",
        "Erin: No blockers for me.",
    ], BOARD)
    assert result.tickets == [] and result.status_updates == [] and result.blockers == []


def test_declined_and_postponed_requests_are_not_tickets() -> None:
    result = _extract([
        "Alice: Dan, can you migrate the billing cron jobs?",
        "Dan: Sorry, not this sprint, I'm on the audit.",
        "Alice: We should also rewrite the invoice templates.",
        "Bob: Let's push that to next quarter.",
        "Alice: Erin, can you fix the broken unsubscribe link?",
        "Erin: Sure, I'll do it today.",
        "민수: 지수 님이 배포 스크립트 정리해 주실 수 있어요?",
        "지수: 죄송해요, 이번 주는 어려울 것 같아요.",
    ], BOARD)
    assert [(t.title, t.assignee) for t in result.tickets] == [("Fix the broken unsubscribe link", "Erin")]


def test_a_move_taken_back_at_once_is_undone_and_ticket_keys_name_tickets() -> None:
    result = _extract([
        "Bob: The login page is merged.",
        "Bob: Actually no, it's not merged yet, the PR is still in review.",
        "Carol: PAY-142 is done.",
        "지수: 비밀번호 재설정 메일 작업 끝났어요.",
        "지수: 아 아니다, 아직 안 끝났어요.",
    ], [*BOARD, ("PAY-142", "Refund webhook retries", "IN_PROGRESS")])
    assert _moves(result) == {("PAY-142", "DONE")}


def test_a_different_head_noun_is_new_work_and_key_numbers_name_tickets() -> None:
    result = _extract([
        "Ana: We need a failure-rate alert for invoice printing.",
        "Ana: 102 is still in review.",
        "Bo: CMP-88 shipped last night.",
    ], [("T1", "Invoice printing failure retry button", "TODO"), ("CMP-88", "Nightly OFAC list refresh", "TODO"),
        ("CMP-102", "SAR export to XML schema", "TODO")])
    assert [t.title for t in result.tickets] == ["Failure-rate alert for invoice printing"]
    assert _moves(result) == {("CMP-102", "IN_PROGRESS"), ("CMP-88", "DONE")}


def test_any_text_is_read_without_error() -> None:
    """Speech recognition and people produce anything: the reader must never fail on a line."""
    import random

    alphabet = "abc XYZ 가나다 로그인 끝났어요 했고, 는데 done it's ? ! . : - # 42 PAY-1 ㅋ \u200b é 😀 '\""
    rng = random.Random(7)
    lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(400)]
    lines += ["", " ", ":", "Bob:", ": done", "그거", "it", "?" * 50, "a" * 5000, "로그인 " * 300]
    result = _extract(lines, BOARD)
    assert all(u.ticket_id in {"T1", "T2", "T3", "T4"} for u in result.status_updates)


def test_ticket_numbers_said_aloud_name_their_tickets() -> None:
    board = [("FERRY-204", "Vehicle deck capacity check at checkout", "TODO"),
             ("FERRY-209", "QR boarding pass rendering in Android wallet", "IN_PROGRESS"),
             ("FERRY-212", "Port gate scanner offline mode", "TODO"),
             ("RX-301", "유통기한 임박 의약품 알림", "IN_PROGRESS")]
    result = _extract([
        "Ravi: I also started chipping away at two-oh-four, just the backend so far.",
        "Jonas: Two-twelve: not started.",
        "Ravi: The wallet pass, two-oh-nine, it's shipped.",
        "상우: 301번 유통기한 알림, 배포까지 끝.",
    ], board)
    assert _moves(result) == {("FERRY-204", "IN_PROGRESS"), ("FERRY-209", "DONE"), ("RX-301", "DONE")}


def test_korean_numbers_read_out_name_their_tickets() -> None:
    from vori.extraction.local import spoken_numbers

    assert spoken_numbers("생일 쿠폰, 사십삼 번이요") == ["43"]
    assert spoken_numbers("이백십이번 티켓") == ["212"]
    assert spoken_numbers("이번 주에 삼 번째로") == []  # "이번" is "this time", "번째" an ordinal
    assert spoken_numbers("그리고 이공사, GPS 주기") == ["204"]  # digit by digit
    assert spoken_numbers("삼일일 번") == ["311"]
    assert spoken_numbers("이사 가요, 오일 교체") == []  # words, not numbers
    assert spoken_numbers("칠공은 내가 주말에 시작했어") == ["70"]


def test_english_numbers_written_with_spaces_name_their_tickets() -> None:
    from vori.extraction.local import spoken_numbers

    assert spoken_numbers("three oh seven's done") == ["307"]
    assert spoken_numbers("I picked up four fifteen") == ["415"]
    assert spoken_numbers("sixty two is on all the units") == ["62"]
    assert spoken_numbers("I have two things") == []
    assert spoken_numbers("이백십은 오늘 아침에 잡았어요") == ["210"]
    assert spoken_numbers("일이 많아서, 이사는 다음 주") == []
    assert spoken_numbers("이십 분만 주세요") == [] and spoken_numbers("이백십") == ["210"]
    board = [("WINE-43", "생일 쿠폰 자동 발급", "TODO"), ("WINE-48", "매장별 포인트 사용 정산 리포트", "TODO")]
    result = _extract(["은지: 그리고 사십삼 번이요, 그거 언제쯤 시작할 수 있어요?",
                       "현우: 아 그거 사실 그저께 시작했어요."], board)
    assert _moves(result) == {("WINE-43", "IN_PROGRESS")}


def test_an_item_pointed_at_in_passing_is_what_it_refers_to() -> None:
    """ "That's the X on the board", "다현 씨 X는요?", "Last screen, the X": the named part alone names the item."""
    board = [("RSK-95", "Alerting on merchant decline-rate anomalies", "TODO"),
             ("RSK-88", "Chargeback evidence upload", "IN_PROGRESS"),
             ("T8", "Librarian override / block-out calendar", "TODO"),
             ("OPEN-147", "공영주차장 현황 일 배치 갱신", "IN_PROGRESS"),
             ("SKI-13", "단체 강습 최소 인원 미달 시 자동 취소·환불", "TODO")]
    result = _extract([
        "Nadia: What would have caught it? We should've been paged.",
        "Priyanka: That's the decline-spike alert on the board. I got going on it this morning, actually.",
        "Amara: Okay. Last screen, the librarian override.",
        "Noor: I actually started it Monday, the calendar side.",
        "은비: 다현 씨 주차장 배치는요?",
        "다현: 아 그거 끝났어요.",
        "하은: 그 다음에 단체 강습 인원 안 차면 자동 취소하는 거.",
        "소희: 아 그거 제가 지난주에 벌써 시작했어요.",
    ], board)
    assert _moves(result) == {("RSK-95", "IN_PROGRESS"), ("T8", "IN_PROGRESS"), ("OPEN-147", "DONE"),
                              ("SKI-13", "IN_PROGRESS")}


def test_one_report_naming_several_tickets_moves_each() -> None:
    board = [("T1", "Carrier rate card import", "IN_PROGRESS"), ("T2", "Pallet label ZPL template", "TODO"),
             ("T3", "Dock booking page", "IN_PROGRESS"), ("T4", "Driver app login", "TODO")]
    result = _extract(["Ana: Rate cards, pallet labels and the dock booking page all went out in Tuesday's release."],
                      board)
    assert _moves(result) == {("T1", "DONE"), ("T2", "DONE"), ("T3", "DONE")}


def test_recaps_restate_and_dropped_tickets_stay_put() -> None:
    board = [("T4", "Downsample vibration data older than 30 days", "TODO"),
             ("T7", "Engine hours reconciliation", "TODO")]
    result = _extract([
        "Augusto: Vibration downsampling: we're not doing it. Let's close it as won't-do.",
        "Augusto: What I've started instead is a cold tier: vibration data moves to object storage.",
        "Mele: Can someone add an alert on queue age?",
        "Ben: Not me.",
        "Katya: I'll do it.",
        "Mele: So to recap: Katya adds the queue age alert, and engine hours reconciliation is done.",
    ], board)
    assert _moves(result) == set()  # no move of the dropped T4, none from the recap
    titles = {t.title: t for t in result.tickets}
    assert titles["Add an alert on queue age"].assignee == "Katya"
    assert not any("recap" in t.title.lower() for t in result.tickets)


def test_filing_a_ticket_and_passing_word_along_are_not_work() -> None:
    board = [("T1", "Public status page", "TODO")]
    result = _extract([
        "Mateus: I'll open a new ticket for the dead device tokens.",
        "Imogen: I'll send the doc round after this.",
        "예린: 이따 링크 보내 드릴게요.",
        "태민: 네 티켓 넣었어요.",
    ], board)
    assert result.tickets == [] and result.status_updates == []


def test_more_work_on_a_done_ticket_is_a_new_ticket() -> None:
    board = [("WED-93", "Guest list CSV import", "DONE")]
    result = _extract([
        "Noor: The guest list import is mangling accented names, José comes through as Jos question mark.",
        "Harriet: Ninety-three is done though?",
        "Noor: It's done, but this is an encoding bug. I'll fix it after escrow is unblocked.",
    ], board)
    assert result.status_updates == []
    assert [(t.title, t.assignee) for t in result.tickets] == [
        ("Fix: guest list import is mangling accented names", "Noor")]


def test_a_release_rolled_back_is_not_done_and_timelines_are_not_work() -> None:
    result = _extract([
        "Lou: Autocomplete went out yesterday, but p95 latency doubled so we rolled it back at 3am.",
        "Bao: At 2:52 I restarted the pods and bumped the pool size.",
        "Wen: Tomorrow noon.",
    ], [("T1", "Search autocomplete", "IN_PROGRESS")])
    assert result.status_updates == [] and result.tickets == []


def test_an_open_call_declined_then_taken_and_a_report_in_two_breaths() -> None:
    board = [("LP-310", "Points transfer fraud rule", "IN_PROGRESS"), ("T8", "Accessibility audit", "IN_PROGRESS")]
    result = _extract([
        "Ravi: While I was in there I noticed the transfer endpoint has no rate limit at all.",
        "Dana: Someone want it?",
        "Ravi: Not me, I'm on call.",
        "Mei: I'll grab it.",
        "Ravi: The fraud rule is live. Well, it's live in shadow mode, it's not blocking anything yet.",
        "Felix: Accessibility, I've fixed the contrast and the focus order. The only bit left is the labels.",
    ], board)
    assert [(t.title, t.assignee) for t in result.tickets] == [
        ("Fix: transfer endpoint has no rate limit at all", "Mei")]
    assert result.status_updates == []  # not live for real, and the audit has a bit left


def test_a_ticket_raised_by_something_wrong_is_named_by_the_fix() -> None:
    from vori.extraction.local import _fix_title

    assert _fix_title("Guest list import is mangling accented names") == \
        "Fix: guest list import is mangling accented names"
    assert _fix_title("Add a lock on the slot") == "Add a lock on the slot"
    assert _fix_title("헌금 내역 화면 금액 천 단위 콤마") == "헌금 내역 화면 금액 천 단위 콤마 수정"
    assert _fix_title("프로모션 배너 이미지 교체") == "프로모션 배너 이미지 교체"


def test_a_question_that_proposes_work_is_taken_by_the_one_who_says_they_will() -> None:
    board = [("T1", "현장 사진 촬영 시 GPS 위치 저장", "TODO")]
    result = _extract(["동하: 그래도 관리자 계정 비밀번호는 바꿔야 되지 않아요?",
                       "민석: 아 맞다. 그건 제가 오늘 바로 바꿀게요."], board)
    assert [(t.assignee, t.status.value) for t in result.tickets] == [("민석", "TODO")]
    assert "비밀번호" in result.tickets[0].title


def test_an_item_named_before_a_question_or_in_an_aside_is_what_it_refers_to() -> None:
    board = [("PL-124", "전문의약품 구매 적립 제외 처리 (법무 검토 반영)", "IN_PROGRESS"),
             ("PL-130", "포인트 소멸 안내 알림톡", "TODO"),
             ("T4", "Upgrade BAPLIE EDI parser to SMDG 3.1", "IN_PROGRESS"),
             ("T1", "Escalate unanswered bed calls to charge nurse pager", "IN_PROGRESS"),
             ("T3", "Migrate donor receipts to new email provider", "IN_PROGRESS"),
             ("T6", "Year-end receipts PDF batch", "TODO")]
    result = _extract([
        "서진: 처방약 적립 빼는 거, 법무 검토 반영한 거 그거 어떻게 됐어요?",
        "유나: 로직 다 됐고요, 어제 prod 배포했어요.",
        ("Lars: Also — slightly unrelated — the BAPLIE parser upgrade, I had that open in parallel, "
         "but the upgrade itself is merged and went to prod Friday."),
        "Anand: On the pager escalation: the pilot went live yesterday. I'd be comfortable closing that.",
        "Clarke: On a happier note, the receipts.",  # two receipt tickets: not either one
        "Mei: I think that one can be considered complete.",
    ], board)
    assert _moves(result) == {("PL-124", "DONE"), ("T4", "DONE"), ("T1", "DONE")}


def test_keeping_the_call_going_is_not_work() -> None:
    board = [("T1", "Map new RFID collar IDs to ear tag numbers", "IN_PROGRESS")]
    result = _extract([
        "Priya: Can everyone hear me? Give people a minute, Owen is dialing in from his phone.",
        "Owen: Can you see my screen? Sorry, ten minutes late.",
        "지훈: 제 목소리 들리세요? 화면 공유 보이시나요?",
        "Owen: The collar mapping is finished, all two hundred and forty collars are matched.",
    ], board)
    assert result.tickets == []
    assert _moves(result) == {("T1", "DONE")}


def test_it_is_the_item_several_lines_point_at_together() -> None:
    """No line names the ticket closely enough alone; together they point at one ticket and at no other."""
    board = [("RX-140", "Pick verification: scan vial barcode before placing in tote", "IN_PROGRESS"),
             ("RX-141", "Unreadable barcode fallback to manual entry", "TODO"),
             ("RX-150", "Robot arm calibration schedule", "TODO")]
    result = _extract([
        "Victor: Eli, where's the scan-before-tote piece itself?",
        "Eli: That's done, actually. Since Tuesday every vial gets scanned before it goes in the tote.",
    ], board)
    assert _moves(result) == {("RX-140", "DONE")}
    # With two tickets pointed at about as much, "it" is neither.
    board = [("T1", "Vial scan before tote", "IN_PROGRESS"), ("T2", "Vial scan after tote", "IN_PROGRESS")]
    assert _moves(_extract(["Victor: Where's the vial scanning?", "Eli: That's done, actually."], board)) == set()


def test_a_loose_name_counts_when_the_lines_around_it_point_at_the_same_item() -> None:
    board = [("T2", "Truck appointment API: idempotent booking requests", "TODO"),
             ("T3", "Gate camera OCR retraining", "TODO")]
    lines = ["Mia: The duplicate truck bookings hit us again on Tuesday.",
             "Ravi: The appointment API keeps taking the same booking twice.",
             "Lars: I started on the truck slot requests yesterday."]
    assert _moves(_extract(lines, board)) == {("T2", "IN_PROGRESS")}
    # a name further off, said out of the blue, is not enough
    assert _moves(_extract(["Lars: I started on the booking dedupe yesterday."], board)) == set()


@pytest.mark.parametrize(("line", "plain"), [
    ("Noor: Good catch, I'll switch the palette, it's part of the report mock anyway.",
     "Noor: Good catch, I'll switch the colour palette of the PDF export."),
    ("Aaliyah: That's part of the PDF work, I'll just add a paper size option.",
     "Aaliyah: I'll add a paper size option to the PDF export."),
])
def test_work_said_to_be_part_of_other_work_in_the_same_line_is_no_new_ticket(line: str, plain: str) -> None:
    board = [("T1", "PDF report mock", "IN_PROGRESS")]
    assert _extract(["Ana: The PDF report looks cramped on A4.", line], board).tickets == []
    assert len(_extract(["Ana: The PDF report looks cramped on A4.", plain], board).tickets) == 1


@pytest.mark.parametrize("transcript", [
    [("Yuki: Also the FR and DE strings came back, and half the button labels overflow in German. Someone needs "
      "to deal with the text boxes."),
     "Rosa: That's UI. Nkechi, can you make those labels shrink to fit?",
     "Nkechi: Yes, I'll do auto-fit on the button labels before the slice."],
    ["인호: 근데 상담 시작 버튼이 너무 아래 있어서 모바일에서는 스크롤해야 보여요.",
     "가영: 그건 바로 올려도 될 것 같아요. 현정 님이 해 주실래요?",
     "현정: 네, 오늘 오후에 버튼 위로 올려놓을게요."],
])
def test_an_answer_to_a_request_about_the_item_just_raised_takes_that_item_on(transcript: list[str]) -> None:
    result = _extract(transcript, [])
    assert len(result.tickets) == 1, [t.title for t in result.tickets]
    ticket = result.tickets[0]
    assert {e.index for e in ticket.evidence} == {0, 1, 2}
    assert ticket.assignee == transcript[2].split(":")[0]


def test_someone_asked_by_a_given_name_is_the_speaker_with_the_full_name() -> None:
    from vori.extraction.local import same_person

    assert same_person("채원", "윤채원") and same_person("Nkechi", "Nkechi Okafor") and same_person("bo", "Bo")
    assert not same_person("원", "윤채원") and not same_person("Bo", "Bob") and not same_person("민수", "김민준")
    result = _extract(["한소라: 채원 씨가 겪은 거 기준으로 온보딩 문서 업데이트해 줄 수 있어요?",
                       "윤채원: 네, 그럼 제가 빌드 가이드부터 고칠게요."], [])
    assert [({e.index for e in t.evidence}, t.assignee) for t in result.tickets] == [({0, 1}, "윤채원")]


def test_a_request_in_the_words_of_the_problem_just_raised_is_its_fix() -> None:
    result = _extract([("Milo: One thing from me: our SSL certificate auto-renew broke when we moved DNS, and the "
                        "cert expires on the 9th."),
                       "Zara: Can you fix the auto-renew before then?",
                       "Milo: Yes, I'll fix it this week."], [])
    assert [sorted(e.index for e in t.evidence) for t in result.tickets] == [[0, 1, 2]]
    assert result.tickets[0].title == "Fix the auto-renew"


def test_a_move_taken_back_later_in_the_meeting_is_undone() -> None:
    result = _extract([
        "Tom: Billing dashboard: done, merged last night.",
        "Ana: Great.",
        "Ana: Anything else on search?",
        "Tom: No.",
        "Tom: Sorry, scratch what I said earlier. The billing dashboard's not merged. The PR's approved but CI failed.",
    ], BOARD)
    assert ("T3", "DONE") not in _moves(result)


def test_started_then_a_step_of_it_told_is_under_way() -> None:
    result = _extract([
        "Ana: Billing dashboard?",
        "Tom: I actually got going on it yesterday. I went through the invoice tables and found two broken joins.",
    ], BOARD)
    assert _moves(result) == {("T3", "IN_PROGRESS")}


@pytest.mark.parametrize("transcript", [
    ["Leena: And the search indexing job, the one we closed, comes back empty for archived posts.",
     "Nadia: Every archived post?", "Leena: The ones I tried.", "Nadia: Okay, that wants its own ticket. Leena?",
     "Leena: Mine."],
    ["지은: 그리고 검색 인덱싱 작업이요, 보관된 글은 검색 결과가 안 나와요.", "현우: 전부 다요?",
     "지은: 해 본 건 전부요.", "현우: 그건 별도 티켓으로 만들죠. 지은 님이 맡아 주세요.", "지은: 네."],
])
def test_a_ticket_asked_for_in_so_many_words_is_the_item_just_described(transcript: list[str]) -> None:
    result = _extract(transcript, BOARD if transcript[0].startswith("Leena") else [
        ("T4", "검색 인덱싱 작업", "DONE")])
    assert len(result.tickets) == 1 and not result.status_updates
    assert result.tickets[0].status == TicketStatus.TODO and 0 in result.tickets[0].lines()


@pytest.mark.parametrize(("transcript", "moved"), [
    (["Ana: Can we close the billing dashboard?", "Tom: Yep. Finance has been using it since Wednesday."], True),
    (["Ana: Is the password reset email done?", "Tom: Yes."], True),
    (["Ana: Is the password reset email done?", "Tom: Yes, almost, one thing left."], False),
    (["Ana: Is the password reset email done?", "Ana: Yes? Anyone?"], False),
])
def test_a_yes_to_whether_it_is_done_is_the_report(transcript: list[str], moved: bool) -> None:
    assert bool(_moves(_extract(transcript, BOARD)) & {("T2", "DONE"), ("T3", "DONE")}) == moved


def test_a_yes_in_korean_to_whether_it_is_done_is_the_report() -> None:
    result = _extract(["지수: 데이파트 편집기 끝났나요?", "민수: 네, 어제부터 영업팀이 쓰고 있어요."],
                      [("T1", "데이파트 편집기", "IN_PROGRESS")])
    assert _moves(result) == {("T1", "DONE")}


@pytest.mark.parametrize(("transcript", "kept"), [
    (["Marta: Billing dashboard?", "Grace: That one's done, I merged it this morning.",
      "Olu: For the annual plans too?", "Grace: Ah. No, annual plans aren't covered. Okay, not done then."], False),
    (["지수: 결제 대시보드는요?", "민수: 그건 제가 시작했어요.", "현우: 벌써요?",
      "민수: 아니다, 와이어프레임 얘기였네요. 저는 아직 코드는 안 건드렸어요."], False),
    # someone else's "no" two lines on is about something else: the move stays
    (["Marta: Billing dashboard?", "Grace: That one's done, I merged it this morning.",
      "Olu: Was it yours?", "Tom: No, not mine, I never picked it up."], True),
])
def test_a_move_corrected_by_its_speaker_after_a_question_is_undone(transcript: list[str], kept: bool) -> None:
    board = [("T3", "Billing dashboard", "TODO")] if transcript[0].startswith("Marta") else [
        ("T3", "결제 대시보드", "TODO")]
    assert bool(_moves(_extract(transcript, board))) == kept


def test_a_teammates_report_passed_on_moves_the_ticket() -> None:
    result = _extract(["Ana: Password reset email?", "Tom: Priya's out today. She asked me to tell you it's finished."],
                      BOARD)
    assert _moves(result) == {("T2", "DONE")}


def test_a_korean_report_names_its_item_as_the_topic() -> None:
    result = _extract(["은지: 아 그리고 글자 크기 작업은 어르신 사용자 테스트까지 하고 어제 오후에 배포 나갔어요."],
                      [("T1", "모바일 예약 화면 접근성 개선 (글자 크기)", "IN_PROGRESS"), ("T2", "무인 수납기 API 연동", "TODO")])
    assert _moves(result) == {("T1", "DONE")} and not result.tickets


def test_a_key_said_as_letters_then_number_words_names_its_ticket() -> None:
    result = _extract(["Tomasz: um so me I started on PH two fourteen the expiry alerts for the controlled drugs"],
                      [("PH-214", "Expiry date alerts for controlled substances", "TODO"),
                       ("PH-210", "Blister pack barcode scanning", "IN_PROGRESS")])
    assert _moves(result) == {("PH-214", "IN_PROGRESS")}


def test_done_closing_a_list_of_assignments_moves_nothing() -> None:
    result = _extract(["Ingrid: Right. Assignments. Wei: PGN export of the annotations. Sam: sync. Paolo: landscape. Done."],
                      [("CHS-57", "PGN export of annotations", "TODO"), ("CHS-58", "Cloud sync", "TODO")])
    assert not result.status_updates


@pytest.mark.parametrize(("line", "status"), [
    (("Chloe: One more from me that isn't on the board. The PIN reset emails were landing in spam for Outlook users. "
      "I got IT to add the SPF record on Friday, and every test send since then has gone to the inbox."), "DONE"),
    ("지현: 아, 그리고 보드엔 없는데, CUR 적재 실패하면 슬랙으로 알림 오게 하는 거 지금 붙이고 있어.", "IN_PROGRESS"),
    ("Ingrid: Right. Anything that isn't on the board?", None),  # asks; tells of no work
])
def test_work_said_to_have_no_ticket_is_a_new_ticket(line: str, status: str | None) -> None:
    result = _extract([line], BOARD)
    assert [t.status.value for t in result.tickets] == ([status] if status else [])
    assert not result.status_updates


@pytest.mark.parametrize(("transcript", "moved"), [
    (["Ana: Tom, the billing dashboard, is that out?",
      "Tom: Finance has pulled about three hundred reports from it since Tuesday, and not a single complaint."], True),
    (["지수: 결제 대시보드는요?", "민수: 어제부터 재무팀이 그걸로 마감 확인하고 있어요. 오류는 한 건도 없었고요."], True),
    (["Ana: Tom, the billing dashboard, is that out?", "Tom: Not yet, no errors so far in staging though."], False),
    (["Ana: Tom, the billing dashboard, is that out?", "Ana: Zero complaints since Tuesday, I guess."], False),
])
def test_an_item_asked_about_and_answered_by_results_is_a_suggested_move(transcript: list[str], moved: bool) -> None:
    board = [("T3", "Billing dashboard", "IN_PROGRESS")] if transcript[0].startswith("Ana") else [
        ("T3", "결제 대시보드", "IN_PROGRESS")]
    result = _extract(transcript, board)
    assert bool(result.status_updates) == moved
    assert all(u.confidence < 0.75 for u in result.status_updates)  # a suggestion a person confirms


def test_a_ticket_named_by_the_number_of_its_key_is_that_ticket_not_it() -> None:
    result = _extract(["Mira: Snapshot exports, where are we?",
                       "Tomasz: Oh, and I already started on ninety-one yesterday afternoon since I had a gap."],
                      [("PRX-91", "Make webcam snapshot interval configurable per exam", "TODO"),
                       ("PRX-104", "Snapshot export for proctors", "TODO")])
    assert ("PRX-91", "IN_PROGRESS") in _moves(result) and ("PRX-104", "IN_PROGRESS") not in _moves(result)


@pytest.mark.parametrize(("transcript", "status"), [
    # said done, then a part still to do: under way (it was already, so no move)
    (["가은: 제 거는, 협업 플레이리스트 동시 편집 충돌 처리 붙였고요, 확인했어요.", "가은: 초대 쪽은 아직 남았습니다."], None),
    # the next line is the next item, not a part of this one
    (["가은: 제 거는, 협업 플레이리스트 동시 편집 충돌 처리 붙였고요, 확인했어요.", "가은: 그리고 OTA 진행률은 아직이에요."],
     "DONE"),
])
def test_done_then_a_part_left_by_the_same_speaker_is_under_way(transcript: list[str], status: str | None) -> None:
    result = _extract(transcript, [("PL-77", "협업 플레이리스트 동시 편집", "IN_PROGRESS"), ("PL-80", "OTA 펌웨어 업데이트", "TODO")])
    assert _moves(result) == ({("PL-77", status)} if status else set())


def test_done_with_one_part_not_touched_is_under_way() -> None:
    result = _extract([("Tomasz: The label driver upgrade, Dock 3's done, all four Zebras are on the new driver. "
                       "Dock 4 I haven't touched.")], [("LBL-107", "Upgrade label printer driver", "TODO")])
    assert _moves(result) == {("LBL-107", "IN_PROGRESS")}


def test_a_step_of_what_is_not_done_yet_is_no_report() -> None:
    result = _extract(["은지: 알림톡은요?", "준호: 알림톡은 카카오 템플릿 심사가 아직 안 끝났어. 한 번 반려돼서 다시 넣었대."],
                      [("STU-15", "예약 변경 시 카카오 알림톡 발송", "TODO")])
    assert ("STU-15", "DONE") not in _moves(result)


def test_an_answer_to_a_question_about_an_item_is_about_that_item() -> None:
    result = _extract(["Marguerite: And the silent consumer alert?",
                       ("Kwame: So that one, there's a lag metric we already export, it just wasn't wired to anything, "
                       "so I put an alert on it, and it's been in prod since yesterday.")],
                      [("T3", "Alert on silent Kafka consumer", "IN_PROGRESS")])
    assert _moves(result) == {("T3", "DONE")} and not result.tickets


@pytest.mark.parametrize(("lines", "board", "moved"), [
    # told live, then corrected by a teammate's question: still under way, no move
    (["Yuna: How's the in-game mail notice?", "Jae: That went live yesterday.",
      "Dain: Only on the Korean servers, no? Global players say they got nothing.",
      "Yuna: Then the mail notice is still in progress, we close it when global is out."],
     [("R1", "In-game mail notice of report results", "IN_PROGRESS")], set()),
    (["하은: 마스킹 작업 끝났어요.", "지수: 오 벌써요?", "하은: 아 맞다. 욕설 쪽만 머지됐고 마스킹은 리뷰 중이에요. 제가 헷갈렸네요."],
     [("E7", "주관식 응답 마스킹", "TODO")], {("E7", "IN_PROGRESS")}),
    # said done, then "almost done … oh wait, so it's done" on the next line: still done
    (["Noor: The conversation list, Linnea built it from the Figma last week.",
      "Linnea: The conversation list is almost done, oh wait, I did that on Friday. Okay, so it's done."],
     [("T1", "Agent inbox: conversation list", "IN_PROGRESS")], {("T1", "DONE")}),
])
def test_done_taken_back_a_few_lines_later_is_under_way(lines: list[str], board: list[tuple[str, str, str]],
                                                         moved: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moved


@pytest.mark.parametrize(("lines", "board", "moved"), [
    # said done, disputed by a teammate on the next line
    (["Lena: Thirty one, I'd call that done, it works on the test rig.",
      "Omar: Hm, not quite. In the field it trips on wet leaves.",
      "Lena: Fair, I'll tune it."],
     [("ROB-31", "Leaf jam detection", "IN_PROGRESS")], set()),
    (["수아: 알림 묶음 발송은요?", "지호: 그거 다 됐어요.", "다은: 어 아직 아니던데요? 야간엔 따로 가요."],
     [("N-5", "알림 묶음 발송", "IN_PROGRESS")], set()),
    # said done, and the chair keeps it open two lines later
    (["Lena: Thirty one is done.", "Omar: The field logs say otherwise.", "Ines: So that stays in progress."],
     [("ROB-31", "Leaf jam detection", "TODO")], {("ROB-31", "IN_PROGRESS")}),
    (["하늘: 차단 룰 완료했어요.", "승기: 그거 적용은 아직 안 했잖아요.", "하늘: 아 네 정정할게요. 적용 전이에요."],
     [("Q-2", "의심 IP 차단 룰", "IN_PROGRESS")], set()),
    # "not yet" answering a question about something else keeps the report
    (["Declan: The FCM migration is finished.", "Ingrid: Can we revoke the old key then?", "Declan: Not yet."],
     [("F7", "Migrate push to FCM", "IN_PROGRESS")], {("F7", "DONE")}),
])
def test_done_disputed_or_kept_open_is_not_done(lines: list[str], board: list[tuple[str, str, str]],
                                                 moved: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moved


def test_an_item_ended_as_the_reason_to_drop_it_is_not_done() -> None:
    result = _extract(["은비: 시즌 보너스는 이벤트 끝났으니까 안 해도 될 것 같아요."],
                      [("S-9", "시즌 이벤트 보너스 지급", "TODO")])
    assert _moves(result) == set()


def test_a_short_id_said_as_a_number_names_its_ticket() -> None:
    from vori.extraction.local import cued_numbers

    assert cued_numbers("that's the dedupe one, number eight") == [("8", "")]
    assert cued_numbers("십이 번 쿠폰 그거 고쳤어") == [("12", "쿠폰")]
    assert cued_numbers("오 번만 가는 거") == []  # "오" is "oh" as often as "five"
    board = [("T3", "택배 재알림 문자", "TODO"), ("T12", "쿠폰 중복 적용 버그", "IN_PROGRESS")]
    assert _moves(_extract(["하늘: 십이 번 쿠폰 그거 고쳤어. 어제 저녁에 배포했어."], board)) == {("T12", "DONE")}
    # "3번 게이트웨이": a gateway's number, not ticket 3
    assert _moves(_extract(["태호: 3번 게이트웨이 펌웨어를 어제 이전 버전으로 돌려놨어요."], board)) == set()


def test_work_started_with_a_part_not_wired_up_yet_is_under_way() -> None:
    result = _extract(["Ines: The escalation timer?",
                       "Owen: Got going on it Monday. The timer works in the test instance, the call part isn't hooked up yet."],
                      [("CR-43", "Escalation timer", "TODO")])
    assert _moves(result) == {("CR-43", "IN_PROGRESS")}
    result = _extract(["Sunny: I made the request form last night, it's not hooked up to the real system yet."],
                      [("T7", "Crew request form", "TODO")])
    assert ("T7", "DONE") not in _moves(result)


def test_a_fault_brought_up_as_an_aside_and_fixed_is_not_the_ticket_it_shares_words_with() -> None:
    board = [("DSP-42", "Rider app: show drop-off photo instructions", "TODO"),
             ("DSP-49", "Courier payout export", "TODO")]
    result = _extract(["Joss: Then I'll grab forty-nine, starting tomorrow.",
                       ("Joss: Oh, and the rider app crashed for two people when they rotated the phone on the job "
                        "screen. I hot-fixed it, it's out in the last build.")], board)
    assert ("DSP-42", "DONE") not in _moves(result)


@pytest.mark.parametrize(("lines", "board"), [
    (["도윤: 71번 전자서명 연동 건은요, 그거 닫아도 돼요?", "세린: 네 닫아도 돼요."],
     [("APT-71", "CMS 출금 동의 전자서명 연동", "IN_PROGRESS")]),
    (["도윤: 태블릿 로그인 연장 그거 닫아도 돼?", "재민: 응."],
     [("T8", "검수대 태블릿 로그인 세션 유지 시간 연장", "IN_PROGRESS")]),
    (["Dara: Shay, the TLS one from the PCI scan, can we close it?", "Shay: Yep."],
     [("WB-112", "PCI scan remediation: disable TLS 1.0", "IN_PROGRESS"), ("WB-115", "Refund kiosk receipts", "TODO")]),
])
def test_a_yes_to_closing_an_item_named_before_the_question_is_the_report(lines: list[str],
                                                                          board: list[tuple[str, str, str]]) -> None:
    assert _moves(_extract(lines, board)) == {(board[0][0], "DONE")}


@pytest.mark.parametrize(("lines", "board", "moves"), [
    (["Owen: Cover's done. The squash came out lovely.", "Fiona: Great. Leila, germination copy?",
      "Leila: Still going through it.",
      "Owen: Sorry, back to the cover. I said done, it isn't, actually. The retouching isn't finished."],
     [("CAT-108", "Cover shoot: heirloom squash", "IN_PROGRESS"),
      ("CAT-102", "Germination rate copy check vs. lab results", "IN_PROGRESS")], set()),
    (["Chinedu: Then the census report for the per-diem billing, that one too I have finished it.",
      "Margaret: Already?", ("Chinedu: Wait, sorry. I am mixing it up with the temperature log import. The census "
      "report, I have not even started it. Please don't move it.")],
     [("VIV-36", "Census report for per-diem billing", "TODO"),
      ("VIV-38", "Room temperature/humidity log import", "DONE")], set()),
    (["소라: 재시도 큐 중복 제거는 토요일에 바로 핫픽스로 나갔어요.", "현우: 좋아요.", "지원: 강남역 건은 다음 달에 할게요.",
      "소라: 아 잠깐, 제가 아까 중복 제거 핫픽스 나갔다고 했는데 정정할게요. PR은 올렸는데 QA가 아직 안 끝나서 배포는 안 됐어요."],
     [("DSP-146", "배차 실패 재시도 큐 중복 제거", "TODO"), ("DSP-145", "강남역 심야 수요 집중 구역 예외 처리", "TODO")],
     {("DSP-146", "IN_PROGRESS")}),
    (["미래: 네, 영수증 OCR 추출은 끝났습니다. 월요일에 배포했고요.", "상우: 오, 좋네요.",
      "미래: 아 잠깐만요, 제가 아까 OCR 끝났다고 했는데 정정할게요. 병원명은 인식률이 안 나와서 꺼 놨어요. 그건 아직 작업 중이에요."],
     [("PET-140", "진료비 영수증 OCR 항목 추출", "IN_PROGRESS")], set()),
])
def test_a_done_taken_back_lines_later_by_a_correction_that_names_it_loosely(
        lines: list[str], board: list[tuple[str, str, str]], moves: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moves


def test_a_correction_word_in_passing_takes_nothing_back() -> None:
    result = _extract(["Sanjay: AIS is merged, the ETAs come off the live feed since Monday.",
                       "Hiro: The feed sends some vessels with a wrong MMSI. I started a little correction table."],
                      [("CT-88", "Ingest AIS position feed for vessel ETA", "IN_PROGRESS")])
    assert ("CT-88", "DONE") in _moves(result)


def test_work_done_by_hand_is_not_the_ticket_that_automates_it() -> None:
    board = [("RIS-117", "중복 공제 건 자동 환급", "TODO"), ("OPS-9", "Automatic refund of double charges", "TODO")]
    result = _extract(["재경: 지난주 중복 공제됐던 라이더 서른두 명은 제가 수기로 환급 처리 다 끝냈어요.",
                       "Ana: And I refunded the double charges by hand, all forty of them."], board)
    assert _moves(result) == set()
    assert _moves(_extract(["재경: 중복 공제 자동 환급 배치 다 끝냈어요."], board[:1])) == {("RIS-117", "DONE")}


@pytest.mark.parametrize(("lines", "board", "moves"), [
    (["Carlos: Reconcile's still going, renderer's done, the W-2 copies print right on the new version."],
     [("TAX-313", "Reconcile quarterly withholding totals against ledger", "IN_PROGRESS"),
      ("TAX-321", "Upgrade PDF renderer for W-2 employee copies", "IN_PROGRESS")], {("TAX-321", "DONE")}),
    (["Naledi: Accessibility fixes, still chipping away, focus order's done, about half the list to go."],
     [("PRK-50", "Accessibility fixes: WCAG audit remediation", "IN_PROGRESS")], set()),
    (["Siobhán: Consent forms for the away buses. Declan, you'll take them?"],
     [("T6", "Parent consent form for away-game transport", "TODO")], set()),
    (["Bernadette: The scan gate at the chute. Finance said no to the capex, so that's off the list for this year."],
     [("LIN-27", "Install RFID scan gate at laundry chute", "TODO")], set()),
    (["정우: 인증서 자동 갱신은요?", "민재: 자동 갱신 걸었습니다. 오늘 아침에 전 병동 게이트웨이 열네 대에 다 적용했습니다."],
     [("IVM-57", "게이트웨이 TLS 인증서 자동 갱신", "TODO")], {("IVM-57", "DONE")}),
])
def test_two_items_in_one_breath_a_part_with_more_to_go_a_won_t_do_and_a_rollout_everywhere(
        lines: list[str], board: list[tuple[str, str, str]], moves: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moves


@pytest.mark.parametrize(("lines", "board", "moves"), [
    (["Kwame: And for the record I haven't touched the swap board either. I just claimed it."],
     [("CRW-440", "Swap board: reject trades that break 30-in-7", "TODO")], set()),
    (["동혁: 이건 앱에 이미 반쯤 들어가 있어요 카메라 화면에 가이드 오버레이는 붙였고 촬영 후 확인 화면만 남았어요"],
     [("KICK-301", "반납 화면 - 주차 사진 촬영 가이드", "IN_PROGRESS")], set()),
    ([("재석: 아 그리고 강제 업데이트 최소 버전요. 2.14로 하기로 했던 거 2.13.1로 바꿔야 될 것 같은데요. 사진 업로드 고친 게 "
      "2.13.1에 들어갔으니까.")], [("RDR-69", "강제 업데이트 최소 버전 2.14 설정", "TODO")], set()),
    (["민재: 오백이십칠 번 인증 배지는 서윤 님이 디자인하셨죠?", "서윤: 네, 배지 시안은 지난주에 끝내서 제플린에 올려놨어요. 개발은 아직이고요."],
     [("APT-527", "중개사무소 인증 배지 노출", "TODO")], set()),
    (["소영: 그래서 그 매크로는 어제 제가 만들었어요 2.3.2 업데이트 안내 문구로요 지금 상담사들 다 그걸로 답하고 있어요"],
     [("WR-100", "CS 응대 매크로 - 배터리 문의", "TODO")], {("WR-100", "DONE")}),
])
def test_a_claim_what_is_left_a_reason_a_design_without_code_and_unpunctuated_korean(
        lines: list[str], board: list[tuple[str, str, str]], moves: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moves


def test_a_not_yet_to_closing_the_item_just_said_done_keeps_it_under_way() -> None:
    board = [("PIPE-88", "Nextflow: migrate alignment step to BWA-MEM2", "TODO")]
    result = _extract(["Ines: Kwame, BWA-MEM2, where are we?",
                       "Kwame: The BWA-MEM2 alignment step is done, the thirty exomes match the old ones.",
                       "Ines: So can we close it?", "Kwame: Not yet, the whole genomes still blow up."], board)
    assert _moves(result) == {("PIPE-88", "IN_PROGRESS")}


@pytest.mark.parametrize(("lines", "board", "moves"), [
    (["Ravi: me, IDEXX v2, started mapping the payloads this morning"],
     [("VET-423", "Migrate lab results ingest to IDEXX v2 API", "TODO")], {("VET-423", "IN_PROGRESS")}),
    (["Jesse: RTK pairing, started poking at it Friday actually, base station shows up in the scan"],
     [("AGD-63", "RTK base station auto-pairing", "TODO")], {("AGD-63", "IN_PROGRESS")}),
    (["Gwen: the ARI pushes go out in batches of two hundred now", "Farah: so can we close the batching one",
      "Gwen: yep close it"],
     [("CM-412", "ARI push: batch rate/availability updates to Booking", "IN_PROGRESS")], {("CM-412", "DONE")}),
    (["상훈: 칠백이 번 배치 튜닝, 기범 씨, 이거 닫아도 됩니까?", "기범: 네, 닫으셔도 됩니다."],
     [("BIL-702", "월말 과금 배치 성능 튜닝", "IN_PROGRESS")], {("BIL-702", "DONE")}),
    (["Dana: live blog pinned posts, where are we", "Priyanka: yeah that went out Friday I just never moved the card sorry"],
     [("NEWS-320", "Live blog: pinned posts", "IN_PROGRESS")], {("NEWS-320", "DONE")}),
])
def test_an_item_said_first_a_close_asked_without_a_question_mark_and_a_card_not_moved(
        lines: list[str], board: list[tuple[str, str, str]], moves: set[tuple[str, str]]) -> None:
    assert _moves(_extract(lines, board)) == moves


def test_work_asked_of_anyone_by_a_bare_verb_and_a_fault_patched_are_tickets() -> None:
    result = _extract(["Grace: someone write the incident summary for the commissioners", "Priya: I can. Monday",
                       "Ravi: oh and the boarding page was throwing five hundreds over the weekend, patched, it loads now"],
                      [("VET-409", "Multi-location clinic switcher", "DONE")])
    titles = {(t.title.lower(), t.status.value) for t in result.tickets}
    assert ("write the incident summary for the commissioners", "TODO") in titles
    assert any("boarding page" in title and status == "DONE" for title, status in titles)  # found, fixed, told


def test_what_the_next_speaker_folds_into_the_work_it_came_from_is_no_ticket() -> None:
    lines = ["Rafe: So I started on the reserve callout ordering yesterday.",
             "Rafe: I'll need a callout history table. Is that its own ticket or do I just fold it in?",
             "Dolores: Fold it in, it's the same piece of work."]
    board = [("CRW-418", "Reserve callout queue: order by seniority, then rest", "TODO")]
    assert not any("history table" in t.title.lower() for t in _extract(lines, board).tickets)
    assert any("history table" in t.title.lower() for t in _extract(lines[:2], board).tickets)
