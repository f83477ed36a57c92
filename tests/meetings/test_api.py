"""The meetings REST API, in process against a real SQLite database and the real event log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vori.groups.models import LOCAL_GROUP_ID


def create(client: TestClient, **body: object) -> dict:
    response = client.post("/api/meetings", json={"title": "Sprint planning", "language": "en", **body})
    assert response.status_code == 201, response.text
    return response.json()


def test_create_get_and_list(client: TestClient) -> None:
    meeting = create(client, title="  Daily stand-up ")
    assert meeting["title"] == "Daily stand-up"
    assert meeting["state"] == "live" and meeting["groupId"] == LOCAL_GROUP_ID
    assert meeting["language"] == "en" and meeting["endedAt"] is None
    assert client.get(f"/api/meetings/{meeting['id']}").json() == meeting
    other = create(client, language="ko")
    listed = client.get("/api/meetings").json()
    assert [m["id"] for m in listed] == [other["id"], meeting["id"]]


def test_new_meeting_has_an_empty_transcript(client: TestClient) -> None:
    meeting = create(client)
    body = client.get(f"/api/meetings/{meeting['id']}/transcript").json()
    assert body == {"meetingId": meeting["id"], "segments": [], "text": ""}


def test_end_meeting_once_and_publishes_meeting_ended(client: TestClient, tmp_path: Path) -> None:
    meeting = create(client)
    ended = client.post(f"/api/meetings/{meeting['id']}/end")
    assert ended.status_code == 200
    assert ended.json()["state"] == "ended" and ended.json()["endedAt"]
    again = client.post(f"/api/meetings/{meeting['id']}/end")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"

    client.app.state.relay.relay_pending()  # type: ignore[attr-defined]
    lines = (tmp_path / "events" / "meeting.ended.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["value"]["meetingId"] for r in records] == [meeting["id"]]
    assert set(records[0]["value"]) == {"meetingId", "groupId", "endedAt"}
    assert records[0]["key"] == meeting["id"]


@pytest.mark.parametrize("path", ["/api/meetings/nope", "/api/meetings/nope/transcript"])
def test_unknown_meeting_is_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "meeting nope not found"


def test_ending_an_unknown_meeting_is_404(client: TestClient) -> None:
    assert client.post("/api/meetings/nope/end").status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"language": "en"}, "title"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"title": 42}, "title"),
        ({"title": "ok", "language": "english!"}, "language"),
        ({"title": "ok", "language": None}, "language"),
        ({"title": "ok", "colour": "red"}, "colour"),
    ],
)
def test_malformed_meeting_is_422_with_the_field_named(client: TestClient, body: dict, field: str) -> None:
    response = client.post("/api/meetings", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and field in error["message"]


@pytest.mark.parametrize("raw", ["{not json", "[]", "null", ""])
def test_body_that_is_not_a_json_object_is_422(client: TestClient, raw: str) -> None:
    response = client.post("/api/meetings", content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"


def test_unknown_group_is_404(client: TestClient) -> None:
    response = client.post("/api/meetings", json={"title": "x", "groupId": "no-such-group"})
    assert response.status_code == 404 and "group" in response.json()["error"]["message"]


def test_openapi_docs_are_served(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/meetings/{meeting_id}/transcript" in schema["paths"]
    assert client.get("/docs").status_code == 200
