"""Suggested status moves through the API: listed per meeting, confirmed (the move happens, with its
evidence) or dismissed (nothing moves); each only once; malformed requests named."""

from __future__ import annotations

from fastapi.testclient import TestClient

from vori.tickets.models import Ticket
from vori.tickets.status import TicketStatus
from vori.tickets.suggestions import suggest_move


def _setup(client: TestClient) -> tuple[str, str, str]:
    meeting = client.post("/api/meetings", json={"title": "stand-up", "language": "en"}).json()["id"]
    ticket = client.post("/api/tickets", json={"title": "Billing dashboard charts"}).json()["id"]
    with client.app.state.db.session() as session:  # type: ignore[attr-defined]
        suggestion = suggest_move(session, session.get(Ticket, ticket), TicketStatus.DONE, meeting_id=meeting,
                                  segment_id="seg-1", quote="Billing is done.", confidence=0.66)
        assert suggestion is not None
        return meeting, ticket, suggestion.id


def test_confirming_a_suggestion_moves_the_ticket(client: TestClient) -> None:
    meeting, ticket, suggestion = _setup(client)
    pending = client.get(f"/api/meetings/{meeting}/suggestions").json()
    assert [(s["id"], s["to"], s["quote"], s["state"]) for s in pending] == [
        (suggestion, "DONE", "Billing is done.", "pending")]
    confirmed = client.post(f"/api/suggestions/{suggestion}/confirm")
    assert confirmed.status_code == 200 and confirmed.json()["state"] == "confirmed"
    assert client.get(f"/api/tickets/{ticket}").json()["status"] == "DONE"
    history = client.get(f"/api/tickets/{ticket}/history").json()
    assert (history[-1]["to"], history[-1]["cause"], history[-1]["quote"]) == ("DONE", "speech", "Billing is done.")
    assert client.get(f"/api/meetings/{meeting}/suggestions").json() == []
    assert len(client.get(f"/api/meetings/{meeting}/suggestions", params={"state": "all"}).json()) == 1
    again = client.post(f"/api/suggestions/{suggestion}/dismiss")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def test_dismissing_a_suggestion_moves_nothing(client: TestClient) -> None:
    _meeting, ticket, suggestion = _setup(client)
    dismissed = client.post(f"/api/suggestions/{suggestion}/dismiss")
    assert dismissed.status_code == 200 and dismissed.json()["state"] == "dismissed"
    assert client.get(f"/api/tickets/{ticket}").json()["status"] == "TODO"
    assert client.post(f"/api/suggestions/{suggestion}/confirm").status_code == 409


def test_malformed_and_unknown(client: TestClient) -> None:
    meeting, _, _ = _setup(client)
    assert client.post("/api/suggestions/nope/confirm").status_code == 404
    assert client.get("/api/meetings/nope/suggestions").status_code == 404
    bad = client.get(f"/api/meetings/{meeting}/suggestions", params={"state": "maybe"})
    assert bad.status_code == 422 and "state" in bad.json()["error"]["message"]
