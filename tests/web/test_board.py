"""The kanban board in a real browser: two people on one board see each other's moves live (drag and drop, and
keyboard), and a move made on a stale card is refused with the fresh state shown, never written over it."""

from __future__ import annotations

import time

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from vori.groups.models import LOCAL_GROUP_ID

pytestmark = pytest.mark.browser


def open_board(context: BrowserContext, base: str) -> Page:
    page = context.new_page()
    page.goto(f"{base}/groups/{LOCAL_GROUP_ID}/board")
    expect(page.get_by_test_id("board-live")).to_have_attribute("data-connected", "true")
    return page


def card(page: Page, column: str, title: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id(f"column-{column}").get_by_test_id("card").filter(has_text=title)


def test_two_browsers_on_one_board_see_moves_live(make_server, browser, screenshot) -> None:
    server = make_server()
    http = httpx.Client(base_url=server.url, timeout=10)
    docs = http.post("/api/tickets", json={"title": "Write the API docs"}).json()
    http.post("/api/tickets", json={"title": "Fix flaky upload test", "status": "IN_PROGRESS", "assignee": "Jun"})
    alice_context, bob_context = browser.new_context(), browser.new_context()
    try:
        alice, bob = open_board(alice_context, server.url), open_board(bob_context, server.url)
        expect(card(bob, "TODO", "Write the API docs")).to_be_visible()

        # Alice drags the card to IN_PROGRESS; Bob sees it there within a second.
        card(alice, "TODO", "Write the API docs").drag_to(alice.get_by_test_id("column-IN_PROGRESS"))
        started = time.monotonic()
        expect(card(bob, "IN_PROGRESS", "Write the API docs")).to_be_visible(timeout=1000)
        print(f"drag in one browser → card moved in the other: {time.monotonic() - started:.3f} s")
        assert http.get(f"/api/tickets/{docs['id']}").json()["status"] == "IN_PROGRESS"

        # Bob moves it on with the keyboard; Alice sees it in DONE.
        card(bob, "IN_PROGRESS", "Write the API docs").focus()
        bob.keyboard.press("ArrowRight")
        expect(card(alice, "DONE", "Write the API docs")).to_be_visible(timeout=1000)
        expect(card(bob, "DONE", "Write the API docs")).to_be_focused()
        screenshot(alice, "board-live")
        bob.keyboard.press("Enter")  # the focused card's detail, closed again with Escape
        expect(bob.get_by_test_id("ticket-detail")).to_contain_text("Write the API docs")
        expect(bob.get_by_test_id("history")).to_contain_text("In progress → Done")
        bob.keyboard.press("Escape")
        expect(bob.get_by_test_id("ticket-detail")).to_be_hidden()

        # Someone renames the ticket (a new version, no board event); Alice's move names the old version: 409.
        fresh = http.get(f"/api/tickets/{docs['id']}").json()
        http.patch(f"/api/tickets/{docs['id']}", json={"version": fresh["version"], "title": "Write the REST API docs"})
        card(alice, "DONE", "Write the API docs").focus()
        alice.keyboard.press("ArrowLeft")
        expect(alice.get_by_test_id("board-notice")).to_contain_text("changed by someone else")
        expect(card(alice, "DONE", "Write the REST API docs")).to_be_visible()
        assert http.get(f"/api/tickets/{docs['id']}").json()["status"] == "DONE"
        screenshot(alice, "board-conflict")
    finally:
        alice_context.close()
        bob_context.close()
