"""The whole loop in a real browser against a real `vori serve`: a spoken stand-up (the fake microphone plays
an espeak-ng WAV) appears on the live page, moves an existing ticket as it is said, and after "End meeting"
the new tickets are on the board and in the minutes. Then the same with the audio socket cut mid-meeting."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from vori.testing.speech import conversation

pytestmark = pytest.mark.browser

SPOKEN = ("login page", "payment service", "design document")


def start_meeting(page: Page, base: str, title: str) -> str:
    page.goto(f"{base}/meetings")
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Start meeting").click()
    page.wait_for_url(re.compile(r"/meetings/[0-9a-f-]{36}$"))
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "idle")
    return page.url.rsplit("/", 1)[1]


def wait_for_finals(page: Page, phrases: tuple[str, ...], timeout_ms: int = 60_000) -> None:
    page.wait_for_function(
        """phrases => { const text = [...document.querySelectorAll('[data-testid=final]')]
             .map(e => e.textContent.toLowerCase()).join(' ');
             return phrases.every(p => text.includes(p)); }""",
        arg=list(phrases), timeout=timeout_ms)


def test_spoken_standup_live_then_board_and_minutes(make_server, context: BrowserContext, screenshot) -> None:
    server = make_server()
    http = httpx.Client(base_url=server.url, timeout=10)
    login = http.post("/api/tickets", json={"title": "Frontend login page", "status": "IN_PROGRESS"}).json()
    page = context.new_page()
    meeting = start_meeting(page, server.url, "Daily stand-up")

    page.get_by_test_id("start-mic").click()
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "streaming")
    # While words come in they show as a partial (styled apart), then as finals.
    page.wait_for_selector("[data-testid=partial]", timeout=30_000)
    page.wait_for_function("() => Number(document.querySelector('[role=meter]').getAttribute('aria-valuenow')) > 0")
    wait_for_finals(page, ("login page",))
    # The sentence about the login page moves the ticket while the meeting goes on.
    move = page.get_by_test_id("move").filter(has_text="Frontend login page")
    expect(move).to_be_visible(timeout=15_000)
    expect(move).to_contain_text("In progress → Done")
    assert http.get(f"/api/tickets/{login['id']}").json()["status"] == "DONE"
    wait_for_finals(page, SPOKEN)
    screenshot(page, "live-meeting")

    page.get_by_test_id("end-meeting").click()
    expect(page.get_by_test_id("end-progress")).to_be_visible()
    expect(page.get_by_test_id("open-minutes")).to_be_visible(timeout=90_000)
    screenshot(page, "meeting-done")

    page.get_by_test_id("open-board").click()
    done = page.get_by_test_id("column-DONE")
    expect(done.get_by_test_id("card").filter(has_text="Frontend login page")).to_be_visible()
    todo = page.get_by_test_id("column-TODO")
    expect(todo.get_by_test_id("card").filter(has_text=re.compile("payment service", re.IGNORECASE))).to_be_visible()
    expect(todo.get_by_test_id("card").filter(has_text=re.compile("design document", re.IGNORECASE))).to_contain_text("@Maria")
    expect(page.get_by_test_id("card").filter(has_text=re.compile("login", re.IGNORECASE))).to_have_count(1)
    screenshot(page, "board")

    # The moved ticket's history quotes what was said and links to that moment of the transcript.
    done.get_by_test_id("card").filter(has_text="Frontend login page").click()
    detail = page.get_by_test_id("ticket-detail")
    expect(detail.get_by_test_id("history")).to_contain_text(re.compile("login page", re.IGNORECASE))
    screenshot(page, "ticket-detail")
    detail.get_by_test_id("evidence-link").first.click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting}#seg-"))
    highlighted = page.locator("[data-testid=final].bg-amber-100")
    expect(highlighted).to_contain_text(re.compile("login page", re.IGNORECASE))

    page.goto(f"{server.url}/meetings/{meeting}/minutes")
    items = page.get_by_test_id("action-item")
    expect(items.filter(has_text=re.compile("payment service", re.IGNORECASE))).to_be_visible()
    expect(items.filter(has_text=re.compile("design document", re.IGNORECASE))).to_contain_text("@Maria")
    expect(page.get_by_test_id("status-move").filter(has_text="Frontend login page")).to_contain_text("Done")
    screenshot(page, "minutes")
    href = page.get_by_test_id("download-markdown").get_attribute("href")
    markdown = http.get(href or "")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "design document" in markdown.text.lower()

    page.goto(f"{server.url}/meetings")
    expect(page.get_by_test_id("meeting-list")).to_contain_text("Daily stand-up")
    screenshot(page, "meetings")


def test_audio_socket_cut_mid_meeting_loses_nothing(make_server, context: BrowserContext, screenshot) -> None:
    server = make_server()
    page = context.new_page()
    meeting = start_meeting(page, server.url, "Stand-up over a bad network")
    page.get_by_test_id("start-mic").click()
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "streaming")
    wait_for_finals(page, ("login page",))

    # Cut the connection while the second sentence is being said, and keep it down for 3 s.
    page.evaluate("window.__voriAudio.drop(3000)")
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "reconnecting")
    page.wait_for_timeout(2000)
    assert page.evaluate("window.__voriAudio.bufferedMs") >= 1500  # what is said meanwhile waits in the buffer
    expect(page.get_by_test_id("buffered")).to_have_text(re.compile(r"^\d+\.\d s$"))
    screenshot(page, "live-reconnecting")
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "streaming", timeout=10_000)

    wait_for_finals(page, SPOKEN)
    page.get_by_test_id("end-meeting").click()
    expect(page.get_by_test_id("end-progress")).to_be_visible()
    # Everything said is stored once, in order: no gap where the connection was down, no repeat.
    text = server.transcript(meeting)["text"].lower()
    positions = [text.find(phrase) for phrase in SPOKEN]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text
    assert all(text.count(phrase) == 1 for phrase in SPOKEN), text


def test_a_loose_match_is_suggested_live_and_confirmed(make_server, browser_hearing, screenshot) -> None:
    server = make_server()
    http = httpx.Client(base_url=server.url, timeout=10)
    charts = http.post("/api/tickets", json={"title": "Billing dashboard charts"}).json()
    speech = conversation(["The charts are done."], lead_ms=1500)
    page = browser_hearing(speech).new_page(viewport={"width": 1280, "height": 720})
    start_meeting(page, server.url, "Billing sync")
    page.get_by_test_id("start-mic").click()

    # "The charts are done." names the ticket too loosely to move it by itself: a person decides.
    suggestion = page.get_by_test_id("suggestion").filter(has_text="Billing dashboard charts")
    expect(suggestion).to_be_visible(timeout=30_000)
    expect(suggestion).to_contain_text("To do → Done")
    assert http.get(f"/api/tickets/{charts['id']}").json()["status"] == "TODO"
    screenshot(page, "live-suggestion")
    suggestion.get_by_role("button", name="Confirm").click()
    expect(suggestion).to_contain_text("confirmed")
    expect(page.get_by_test_id("move").filter(has_text="Billing dashboard charts")).to_contain_text("Done")
    assert http.get(f"/api/tickets/{charts['id']}").json()["status"] == "DONE"


def test_server_killed_mid_meeting_the_page_resumes_without_a_gap(make_server, context: BrowserContext) -> None:
    server = make_server()
    page = context.new_page()
    meeting = start_meeting(page, server.url, "Stand-up through a crash")
    page.get_by_test_id("start-mic").click()
    wait_for_finals(page, ("login page",))

    server.kill()  # kill -9 mid-meeting: the socket drops without a close frame
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "reconnecting")
    server.start()  # same port, same data: the page reconnects and resumes from its last ack
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "streaming", timeout=30_000)

    wait_for_finals(page, SPOKEN)
    text = server.transcript(meeting)["text"].lower()
    positions = [text.find(phrase) for phrase in SPOKEN]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text
    assert all(text.count(phrase) == 1 for phrase in SPOKEN), text


def test_a_microphone_at_48_khz_is_resampled_in_the_worklet(make_server, context: BrowserContext) -> None:
    """Browsers that will not open an AudioContext at 16 kHz get the worklet's own resampling."""
    server = make_server()
    page = context.new_page()
    page.add_init_script("""{ const Native = window.AudioContext; window.openedRates = [];
        window.AudioContext = class extends Native {
          constructor(o) { super({ ...o, sampleRate: 48000 }); window.openedRates.push(this.sampleRate); } }; }""")
    meeting = start_meeting(page, server.url, "Stand-up at 48 kHz")
    page.get_by_test_id("start-mic").click()
    wait_for_finals(page, SPOKEN[:2])
    assert page.evaluate("window.openedRates") == [48000]
    page.get_by_test_id("end-meeting").click()
    expect(page.get_by_test_id("end-progress")).to_be_visible()
    assert "payment service" in server.transcript(meeting)["text"].lower()


def test_a_loose_match_heard_at_the_end_waits_on_the_meeting_page(make_server, browser_hearing, screenshot) -> None:
    """With live moves off, the end-of-meeting flow hears the loose match; it becomes a suggestion on the
    finished meeting's page instead of a move, and a person confirms it there."""
    server = make_server({"VORI_EXTRACTION_LIVE_STATUS": "false"})
    http = httpx.Client(base_url=server.url, timeout=10)
    charts = http.post("/api/tickets", json={"title": "Billing dashboard charts"}).json()
    speech = conversation(["The charts are done."], lead_ms=1500)
    page = browser_hearing(speech).new_page(viewport={"width": 1280, "height": 720})
    meeting = start_meeting(page, server.url, "Billing sync")
    page.get_by_test_id("start-mic").click()
    wait_for_finals(page, ("charts",))
    page.get_by_test_id("end-meeting").click()

    suggestion = page.get_by_test_id("suggestion").filter(has_text="Billing dashboard charts")
    expect(suggestion).to_be_visible(timeout=90_000)
    expect(suggestion).to_contain_text("To do → Done")
    assert http.get(f"/api/tickets/{charts['id']}").json()["status"] == "TODO"
    assert http.get(f"/api/meetings/{meeting}/extraction").json()["suggestedTicketIds"] == [charts["id"]]
    screenshot(page, "meeting-suggestion")
    suggestion.get_by_role("button", name="Confirm").click()
    expect(suggestion).to_contain_text("confirmed")
    assert http.get(f"/api/tickets/{charts['id']}").json()["status"] == "DONE"
