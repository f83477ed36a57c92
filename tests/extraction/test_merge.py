"""Merging the answers of a meeting's chunks: tables of cases, English and Korean."""

from __future__ import annotations

import pytest

from vori.extraction.merge import merge_blockers, merge_extractions, merge_status_updates, merge_tickets
from vori.extraction.schema import Blocker, Evidence, ExtractedTicket, Extraction, Rejected, StatusUpdate
from vori.tickets.status import TicketStatus

TODO, PROGRESS, DONE = TicketStatus.TODO, TicketStatus.IN_PROGRESS, TicketStatus.DONE


def ticket(title: str, status: TicketStatus = TODO, index: int = 0, **extra: object) -> ExtractedTicket:
    return ExtractedTicket(title=title, status=status, evidence=[Evidence(index=index, quote=title)], **extra)


TICKETS = [
    pytest.param([ticket("Payment service"), ticket("Payment service", DONE, 9)],
                 [("Payment service", DONE, [0, 9])], id="same title in two chunks: one ticket, furthest status"),
    pytest.param([ticket("Payment service integration", PROGRESS), ticket("the payment service", TODO, 7)],
                 [("Payment service integration", PROGRESS, [0, 7])],
                 id="similar titles: the furthest status wins even when said first"),
    pytest.param([ticket("Frontend login page"), ticket("Login screen", DONE, 4)],
                 [("Frontend login page", DONE, [0, 4])], id="synonyms (screen ~ page) are the same work"),
    pytest.param([ticket("Login page"), ticket("Payment service", index=3)],
                 [("Login page", TODO, [0]), ("Payment service", TODO, [3])], id="different work stays apart"),
    pytest.param([ticket("결제 서비스 연동"), ticket("결제 서비스 연동", DONE, 5)],
                 [("결제 서비스 연동", DONE, [0, 5])], id="Korean same title"),
    pytest.param([ticket("로그인 페이지 구현"), ticket("로그인 화면", PROGRESS, 2)],
                 [("로그인 페이지 구현", PROGRESS, [0, 2])], id="Korean synonyms (화면 ~ 페이지)"),
    pytest.param([ticket("로그인 페이지"), ticket("결제 페이지", index=1)],
                 [("로그인 페이지", TODO, [0]), ("결제 페이지", TODO, [1])], id="Korean different pages"),
    pytest.param([ticket("Login page"), ticket("Login page")], [("Login page", TODO, [0])],
                 id="the same evidence twice is kept once"),
]


@pytest.mark.parametrize(("tickets", "expected"), TICKETS)
def test_merge_tickets(tickets: list[ExtractedTicket], expected: list[tuple[str, TicketStatus, list[int]]]) -> None:
    merged = merge_tickets(tickets)
    assert [(t.title, t.status, [e.index for e in t.evidence]) for t in merged] == expected


def test_merged_ticket_keeps_an_assignee_content_and_the_best_confidence() -> None:
    merged = merge_tickets([ticket("Login page", confidence=0.6, content="the form"),
                            ticket("login page", DONE, 3, assignee="Maria", confidence=0.9, content="and the API")])
    assert len(merged) == 1
    assert merged[0].assignee == "Maria" and merged[0].confidence == 0.9
    assert merged[0].content == "the form\nand the API"


def update(ticket_id: str, start: TicketStatus, to: TicketStatus, index: int) -> StatusUpdate:
    return StatusUpdate(ticket_id=ticket_id, from_status=start, to_status=to, evidence=Evidence(index=index))


STATUS_UPDATES = [
    pytest.param([update("a", TODO, PROGRESS, 1), update("a", TODO, DONE, 8)], {"a": (TODO, DONE, 8)},
                 id="furthest forward move wins"),
    pytest.param([update("a", TODO, DONE, 1), update("a", TODO, PROGRESS, 8)], {"a": (TODO, DONE, 1)},
                 id="a later smaller move does not pull it back"),
    pytest.param([update("a", TODO, PROGRESS, 1), update("a", TODO, PROGRESS, 8)], {"a": (TODO, PROGRESS, 1)},
                 id="the same move twice: the first said"),
    pytest.param([update("a", TODO, DONE, 1), update("b", PROGRESS, DONE, 2)],
                 {"a": (TODO, DONE, 1), "b": (PROGRESS, DONE, 2)}, id="tickets are independent"),
]


@pytest.mark.parametrize(("updates", "expected"), STATUS_UPDATES)
def test_merge_status_updates(updates: list[StatusUpdate], expected: dict[str, tuple]) -> None:
    merged = {u.ticket_id: (u.from_status, u.to_status, u.evidence.index) for u in merge_status_updates(updates)}
    assert merged == expected


BLOCKERS = [
    pytest.param([Blocker(text="waiting for the API keys"), Blocker(text="Waiting for the API keys.")], 1,
                 id="same words"),
    pytest.param([Blocker(text="waiting for the API keys"), Blocker(text="the design review is late")], 2,
                 id="different blockers"),
    pytest.param([Blocker(text="API 키를 기다리는 중", ticket_id="t"), Blocker(text="API 키를 기다리는 중")], 2,
                 id="same words about different tickets"),
    pytest.param([Blocker(text="디자인 시안 대기"), Blocker(text="디자인 시안 대기")], 1, id="Korean same words"),
]


@pytest.mark.parametrize(("blockers", "count"), BLOCKERS)
def test_merge_blockers(blockers: list[Blocker], count: int) -> None:
    assert len(merge_blockers(blockers)) == count


def test_merge_extractions_keeps_everything_else_in_order() -> None:
    first = Extraction(tickets=[ticket("Login page")], decisions=[Evidence(index=1, quote="ship Friday")],
                       rejected=[Rejected(item={"title": ""}, error="title: empty")])
    second = Extraction(tickets=[ticket("Login page", DONE, 6), ticket("Release notes", index=7)],
                        decisions=[Evidence(index=1, quote="ship Friday"), Evidence(index=7, quote="notes by Monday")],
                        rejected=[Rejected(item="junk", error="not an object")])
    merged = merge_extractions([first, second])
    assert [(t.title, t.status) for t in merged.tickets] == [("Login page", DONE), ("Release notes", TODO)]
    assert [d.quote for d in merged.decisions] == ["ship Friday", "notes by Monday"]
    assert [r.error for r in merged.rejected] == ["title: empty", "not an object"]
    assert merge_extractions([]) == Extraction()
