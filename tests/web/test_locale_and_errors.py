"""The Korean UI, remembered across visits, and the states people see when something is wrong: the server
cannot be reached, the microphone is refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, expect

from vori.groups.models import LOCAL_GROUP_ID

pytestmark = pytest.mark.browser


def test_korean_ui_renders_and_is_remembered(make_server, context: BrowserContext, screenshot) -> None:
    server = make_server()
    server.create_meeting("주간 회의", language="ko")
    page = context.new_page()
    page.goto(f"{server.url}/meetings")
    expect(page.get_by_role("heading", name="Meetings", exact=True)).to_be_visible()
    page.get_by_test_id("locale-switch").click()
    expect(page.get_by_role("heading", name="회의", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="회의 시작")).to_be_visible()
    expect(page.get_by_test_id("meeting-list")).to_contain_text("주간 회의")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    screenshot(page, "meetings-ko")

    page.goto(f"{server.url}/groups/{LOCAL_GROUP_ID}/board")  # a new load: the choice is remembered
    expect(page.get_by_test_id("column-IN_PROGRESS")).to_contain_text("진행 중")
    expect(page.get_by_text("아직 티켓이 없습니다")).to_be_visible()
    screenshot(page, "board-ko")

    # A Korean meeting (the form's default in the Korean UI) on the default English-only speech model: the
    # server refuses the stream, and the page says why instead of listening to nothing.
    page.goto(f"{server.url}/meetings")
    page.get_by_label("제목").fill("스프린트 계획")
    page.get_by_role("button", name="회의 시작").click()
    page.get_by_test_id("start-mic").click()
    expect(page.get_by_role("alert")).to_contain_text("서버가 오디오 전송을 거부했습니다")
    expect(page.get_by_role("alert")).to_contain_text("unsupported_language")
    expect(page.get_by_test_id("stream-state")).to_have_attribute("data-state", "failed")
    screenshot(page, "live-ko-refused")


def test_server_unreachable_and_microphone_refused(make_server, context: BrowserContext, screenshot) -> None:
    server = make_server()
    meeting = server.create_meeting("Planning")
    page = context.new_page()
    page.route("**/api/meetings", lambda route: route.abort("connectionrefused"))
    page.goto(f"{server.url}/meetings")
    expect(page.get_by_role("alert")).to_contain_text("Cannot reach the VORI server", timeout=20_000)
    page.unroute("**/api/meetings")
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_test_id("meeting-list")).to_contain_text("Planning")

    refused = context.new_page()
    refused.add_init_script("""navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));""")
    refused.goto(f"{server.url}/meetings/{meeting}")
    refused.get_by_test_id("start-mic").click()
    expect(refused.get_by_role("alert")).to_contain_text("microphone was refused")
    expect(refused.get_by_test_id("stream-state")).to_have_attribute("data-state", "idle")
    screenshot(refused, "microphone-refused")
