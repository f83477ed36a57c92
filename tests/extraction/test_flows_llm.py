"""The end of a meeting with a real LLM SDK in the loop: `VORI_EXTRACTION_PROVIDER=openai` pointed at a local
server speaking the OpenAI wire protocol. A rate limit and a server error are retried by the flow (the SDK's
own retries are off) and the meeting ends `done` with the model's tickets; a model that keeps failing sends
the meeting to `failed` and the DLQ, and a retry once it answers again finishes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from extraction.fake_llm import OPENAI_PATH, FakeLLMServer, openai_answer, openai_error
from extraction.scripted import end_and_wait, make_settings, new_meeting, say, wait_state
from fastapi.testclient import TestClient
from pydantic import SecretStr

from vori.app import create_app

MODEL = "local-llm"


@pytest.fixture
def llm() -> Iterator[FakeLLMServer]:
    server = FakeLLMServer().start()
    yield server
    server.stop()


def _client(tmp_path: Path, llm: FakeLLMServer) -> TestClient:
    settings = make_settings(tmp_path, provider="openai", openai_base_url=f"{llm.url}/v1",
                             openai_api_key=SecretStr("sk-test"), openai_model=MODEL, timeout_s=5, max_tries=3)
    return TestClient(create_app(settings))


def _answer(meeting_id: str) -> str:
    return json.dumps({"tickets": [{"title": "Add rate limiting to the signup API", "content": "Bob will add it",
                                    "status": "TODO", "meetingId": meeting_id}],
                       "statusUpdates": [], "blockers": [{"text": "Waiting for staging credentials", "line": 1}]})


def test_transient_errors_are_retried_through_the_sdk_then_tickets_are_created(tmp_path: Path,
                                                                                llm: FakeLLMServer) -> None:
    with _client(tmp_path, llm) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I'll add rate limiting to the signup API.", "We're waiting for staging credentials.")
        llm.script(openai_error(429, "rate_limit_exceeded", "slow down", {"retry-after": "0"}),
                   openai_error(500, "server_error", "oops"),
                   openai_answer(_answer(meeting), MODEL))
        assert end_and_wait(client, meeting) == "done"
        assert [r.path for r in llm.requests] == [OPENAI_PATH] * 3
        sent = llm.requests[-1].body
        assert sent["model"] == MODEL and "rate limiting" in json.dumps(sent["messages"])
        report = client.get(f"/api/meetings/{meeting}/extraction").json()
        assert report["provider"] == "openai" and report["attempts"] == 3 and len(report["createdTicketIds"]) == 1
        minutes = client.get(f"/api/meetings/{meeting}/minutes").json()
        assert [a["title"] for a in minutes["actionItems"]] == ["Add rate limiting to the signup API"]


def test_a_model_that_keeps_failing_fails_the_meeting_and_retry_finishes_it(tmp_path: Path,
                                                                           llm: FakeLLMServer) -> None:
    with _client(tmp_path, llm) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I'll add rate limiting to the signup API.")
        llm.script(*[openai_error(503, "server_error", "overloaded") for _ in range(3)])
        assert end_and_wait(client, meeting) == "failed"
        assert "503" in client.get(f"/api/meetings/{meeting}/extraction").json()["error"]
        llm.script(openai_answer(_answer(meeting), MODEL))
        assert client.post(f"/api/meetings/{meeting}/retry").status_code == 202
        assert wait_state(client, meeting) == "done"
        assert client.get(f"/api/meetings/{meeting}/transcript").json()["segments"]  # nothing of it lost
