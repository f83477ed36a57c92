"""The kanban API in process, on a real database (SQLite, or PostgreSQL in the second pass)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from vori.core.db import Database
from vori.groups.models import LOCAL_GROUP_ID
from vori.tickets import service
from vori.tickets.status import Cause, TicketStatus


def create(client: TestClient, **body: object) -> dict:
    response = client.post("/api/tickets", json={"title": "Frontend login page", **body})
    assert response.status_code == 201, response.text
    return response.json()


def test_board_has_three_columns_in_creation_order(client: TestClient) -> None:
    a = create(client)
    b = create(client, title="결제 서비스 연동", status="IN_PROGRESS", assignee="민수")
    c = create(client, title="Release notes")
    board = client.get(f"/api/groups/{LOCAL_GROUP_ID}/board").json()
    assert [t["id"] for t in board["columns"]["TODO"]] == [a["id"], c["id"]]
    assert [t["id"] for t in board["columns"]["IN_PROGRESS"]] == [b["id"]]
    assert board["columns"]["DONE"] == []
    assert b["assignee"] == "민수" and a["version"] == 1


def test_move_with_version_and_stale_version_conflicts(client: TestClient) -> None:
    ticket = create(client)
    moved = client.post(f"/api/tickets/{ticket['id']}/status", json={"status": "DONE", "version": 1})
    assert moved.status_code == 200 and moved.json()["status"] == "DONE" and moved.json()["version"] == 2
    stale = client.post(f"/api/tickets/{ticket['id']}/status", json={"status": "TODO", "version": 1})
    assert stale.status_code == 409 and "version 2" in stale.json()["error"]["message"]
    back = client.post(f"/api/tickets/{ticket['id']}/status", json={"status": "TODO", "version": 2})
    assert back.status_code == 200 and back.json()["status"] == "TODO"  # a person may reopen


def test_history_records_every_move_with_cause_and_evidence(client: TestClient) -> None:
    ticket = create(client)
    client.post(f"/api/tickets/{ticket['id']}/status", json={"status": "IN_PROGRESS", "version": 1})
    db: Database = client.app.state.db  # type: ignore[attr-defined]
    with db.session() as session:
        service.change_status(session, ticket["id"], TicketStatus.DONE, cause=Cause.SPEECH,
                              segment_id="seg-1", quote="the login page is finished", confidence=0.91)
    events = client.get(f"/api/tickets/{ticket['id']}/history").json()
    assert [(e["from"], e["to"], e["cause"]) for e in events] == [
        (None, "TODO", "user"), ("TODO", "IN_PROGRESS", "user"), ("IN_PROGRESS", "DONE", "speech")]
    assert events[-1]["quote"] == "the login page is finished" and events[-1]["segmentId"] == "seg-1"


def test_speech_never_moves_a_ticket_backwards(client: TestClient) -> None:
    ticket = create(client, status="DONE")
    db: Database = client.app.state.db  # type: ignore[attr-defined]
    with pytest.raises(service.IllegalTransition), db.session() as session:
        service.change_status(session, ticket["id"], TicketStatus.IN_PROGRESS, cause=Cause.SPEECH)
    with db.session() as session:  # the same statement again is no move at all
        same = service.change_status(session, ticket["id"], TicketStatus.DONE, cause=Cause.SPEECH)
        assert same.version == 1
    assert len(client.get(f"/api/tickets/{ticket['id']}/history").json()) == 1


def test_edit_and_delete_need_the_current_version(client: TestClient) -> None:
    ticket = create(client)
    edited = client.patch(f"/api/tickets/{ticket['id']}", json={"version": 1, "content": "OAuth too"})
    assert edited.status_code == 200 and edited.json()["content"] == "OAuth too" and edited.json()["version"] == 2
    assert client.patch(f"/api/tickets/{ticket['id']}", json={"version": 1, "title": "x"}).status_code == 409
    assert client.delete(f"/api/tickets/{ticket['id']}?version=1").status_code == 409
    assert client.delete(f"/api/tickets/{ticket['id']}?version=2").status_code == 204
    assert client.get(f"/api/tickets/{ticket['id']}").status_code == 404


def test_events_are_published_for_created_and_moved_tickets(client: TestClient, tmp_path: Path) -> None:
    ticket = create(client)
    client.post(f"/api/tickets/{ticket['id']}/status", json={"status": "IN_PROGRESS", "version": 1})
    client.app.state.relay.relay_pending()  # type: ignore[attr-defined]
    created = [json.loads(x) for x in (tmp_path / "events" / "ticket.created.jsonl").read_text().splitlines()]
    updated = [json.loads(x) for x in (tmp_path / "events" / "ticket.updated.jsonl").read_text().splitlines()]
    assert created[0]["value"] == {"id": ticket["id"], "groupId": LOCAL_GROUP_ID, "title": "Frontend login page",
                                   "content": "", "status": "TODO", "meetingId": None}
    assert updated[0]["value"]["from"] == "TODO" and updated[0]["value"]["to"] == "IN_PROGRESS"
    assert updated[0]["value"]["cause"] == "user" and updated[0]["key"] == LOCAL_GROUP_ID


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/tickets", {"title": ""}),
        ("post", "/api/tickets", {"title": "x", "status": "BLOCKED"}),
        ("post", "/api/tickets", {"title": "x", "priority": 1}),
        ("post", "/api/tickets", {"content": "no title"}),
        ("post", "/api/tickets/{id}/status", {"status": "DONE"}),
        ("post", "/api/tickets/{id}/status", {"status": "done", "version": 1}),
        ("post", "/api/tickets/{id}/status", {"status": "DONE", "version": 0}),
        ("patch", "/api/tickets/{id}", {"title": "no version"}),
        ("patch", "/api/tickets/{id}", {"version": 1, "title": ""}),
    ],
)
def test_malformed_ticket_requests_are_422(client: TestClient, method: str, path: str, body: dict) -> None:
    ticket = create(client)
    response = getattr(client, method)(path.replace("{id}", ticket["id"]), json=body)
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_unknown_things_are_404(client: TestClient) -> None:
    assert client.get("/api/groups/nope/board").status_code == 404
    assert client.get("/api/tickets/nope").status_code == 404
    assert client.get("/api/tickets/nope/history").status_code == 404
    assert client.post("/api/tickets/nope/status", json={"status": "DONE", "version": 1}).status_code == 404
    assert client.post("/api/tickets", json={"title": "x", "groupId": "nope"}).status_code == 404
    assert client.post("/api/tickets", json={"title": "x", "meetingId": "nope"}).status_code == 404
    assert client.delete("/api/tickets/nope?version=1").status_code == 404
    assert client.delete("/api/tickets/nope").status_code == 422
