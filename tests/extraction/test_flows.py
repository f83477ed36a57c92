"""The end-of-meeting flow in process, on a real database, with a provider the test scripts."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import websockets
from extraction.scripted import (
    ScriptedProvider,
    by_phrase,
    db_of,
    end_and_wait,
    make_settings,
    new_meeting,
    running,
    say,
    state,
    wait_state,
)
from fastapi.testclient import TestClient
from sqlalchemy import delete, func, select, update
from support import wait_until

from vori.core.db import Database, utcnow
from vori.events.models import OutboxEvent
from vori.extraction import service
from vori.extraction.models import MeetingExtraction
from vori.extraction.provider import MalformedOutput, ProviderError, TransientProviderError
from vori.extraction.schema import (
    Evidence,
    ExtractedTicket,
    Extraction,
    ExtractionRequest,
    Rejected,
    StatusUpdate,
)
from vori.groups.models import LOCAL_GROUP_ID
from vori.meetings.models import Meeting, TranscriptSegment
from vori.testing.speech import Speech
from vori.tickets.models import Ticket
from vori.tickets.status import TicketStatus
from vori.transcription.client import StreamRun, stream_audio

TODO, PROGRESS, DONE = TicketStatus.TODO, TicketStatus.IN_PROGRESS, TicketStatus.DONE
STANDUP = by_phrase({"payment service": ("Payment service integration", TODO),
                     "design document": ("Review the design document", TODO)})


def tickets_of(client: TestClient, meeting_id: str | None = None) -> list[Ticket]:
    with db_of(client).session() as session:
        query = select(Ticket).order_by(Ticket.created_at, Ticket.id)
        if meeting_id is not None:
            query = query.where(Ticket.meeting_id == meeting_id)
        return list(session.scalars(query))


def outbox(client: TestClient, topic: str) -> list[OutboxEvent]:
    with db_of(client).session() as session:
        return list(session.scalars(select(OutboxEvent).where(OutboxEvent.topic == topic)
                                    .order_by(OutboxEvent.position)))


def extraction_of(client: TestClient, meeting_id: str) -> dict:
    response = client.get(f"/api/meetings/{meeting_id}/extraction")
    assert response.status_code == 200, response.text
    return response.json()


def create_ticket(client: TestClient, title: str, status: str = "TODO") -> dict:
    response = client.post("/api/tickets", json={"title": title, "status": status})
    assert response.status_code == 201, response.text
    return response.json()


def test_ended_meeting_becomes_tickets_and_ticket_created_events(tmp_path: Path) -> None:
    provider = ScriptedProvider(STANDUP)
    with running(make_settings(tmp_path), provider) as client:
        done_ticket = create_ticket(client, "Old release checklist", "DONE")
        open_ticket = create_ticket(client, "Frontend login page")
        meeting = new_meeting(client)
        segments = say(client, meeting, "The login page is finished.",
                       "I will start working on the payment service tomorrow.",
                       "Maria will review the design document on Friday.")
        assert end_and_wait(client, meeting) == "done"

        # The provider read the whole transcript in order, and the group's open and recently done tickets
        # (so "the checklist is done" finds the ticket instead of looking like new work).
        [request] = provider.calls
        assert [(u.index, u.segment_id) for u in request.utterances] == list(enumerate(segments))
        assert request.meeting_id == meeting and request.language == "en"
        assert [b.id for b in request.board] == [done_ticket["id"], open_ticket["id"]]

        created = tickets_of(client, meeting)
        assert [(t.title, t.status, t.group_id) for t in created] == [
            ("Payment service integration", "TODO", LOCAL_GROUP_ID), ("Review the design document", "TODO",
                                                                      LOCAL_GROUP_ID)]
        events = [e.payload for e in outbox(client, "ticket.created") if e.key == meeting]
        assert [e["id"] for e in events] == [t.id for t in created]
        assert events[0] == {"id": created[0].id, "groupId": LOCAL_GROUP_ID, "title": "Payment service integration",
                             "content": "", "status": "TODO", "meetingId": meeting}
        history = client.get(f"/api/tickets/{created[0].id}/history").json()
        assert [(h["from"], h["to"], h["cause"], h["meetingId"]) for h in history] == [
            (None, "TODO", "extraction", meeting)]

        report = extraction_of(client, meeting)
        assert report["state"] == "done" and report["provider"] == "scripted" and report["attempts"] == 1
        assert report["createdTicketIds"] == [t.id for t in created]
        assert report["linkedTicketIds"] == [] and report["rejected"] == [] and report["error"] is None
        assert client.get(f"/api/meetings/{meeting}/transcript").json()["segments"][0]["segmentId"] == segments[0]


def test_processing_a_meeting_again_creates_nothing_new(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider(STANDUP)) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        assert end_and_wait(client, meeting) == "done"
        again = client.post(f"/api/meetings/{meeting}/end")
        assert again.status_code == 409
        first = [t.id for t in tickets_of(client)]

        # A second run of the same meeting (as after a crash between two runs) finds its own tickets.
        with db_of(client).session() as session:
            session.execute(update(Meeting).where(Meeting.id == meeting).values(state="ended"))
        client.app.state.processor.submit(meeting)  # type: ignore[attr-defined]
        assert wait_state(client, meeting, "done") == "done"
        assert extraction_of(client, meeting)["runs"] == 2
        assert [t.id for t in tickets_of(client)] == first
        assert len(outbox(client, "ticket.created")) == 1
        assert extraction_of(client, meeting)["createdTicketIds"] == first


def test_the_same_action_in_two_chunks_is_one_ticket(tmp_path: Path) -> None:
    filler = " ".join(["and we also talked about the weather for a while"] * 3)

    def answer(request: ExtractionRequest) -> Extraction:
        said = " ".join(u.text for u in request.utterances).lower()
        if "we need the payment service" in said:
            return Extraction(tickets=[ExtractedTicket(title="Payment service integration",
                                                       evidence=[Evidence(index=request.utterances[0].index)])])
        if "payment service is done" in said:
            return Extraction(tickets=[ExtractedTicket(title="the payment service", status=DONE,
                                                       evidence=[Evidence(index=request.utterances[-1].index)])])
        return Extraction()

    provider = ScriptedProvider(answer)
    with running(make_settings(tmp_path, chunk_words=50), provider) as client:
        meeting = new_meeting(client)
        say(client, meeting, f"We need the payment service {filler}", filler, f"{filler} payment service is done")
        assert end_and_wait(client, meeting) == "done"
        assert len(provider.calls) == 3  # ~30 words each, 50 words per chunk
        [ticket] = tickets_of(client)
        assert (ticket.title, ticket.status) == ("Payment service integration", "DONE")
        minutes = client.get(f"/api/meetings/{meeting}/minutes").json()
        assert [(a["ticketId"], a["status"]) for a in minutes["actionItems"]] == [(ticket.id, "DONE")]
        assert extraction_of(client, meeting)["chunks"] == 3


def test_an_action_that_names_an_open_ticket_moves_it_instead_of_a_twin(tmp_path: Path) -> None:
    holder: dict[str, str] = {}

    def answer(request: ExtractionRequest) -> Extraction:
        return Extraction(
            tickets=[ExtractedTicket(title="login screen", status=DONE, confidence=0.9,
                                     evidence=[Evidence(index=0)])],
            status_updates=[StatusUpdate(ticket_id=holder["payment"], from_status=TODO, to_status=PROGRESS,
                                         evidence=Evidence(index=1)),
                            StatusUpdate(ticket_id=holder["docs"], from_status=PROGRESS, to_status=PROGRESS,
                                         evidence=Evidence(index=1)),
                            StatusUpdate(ticket_id="no-such-ticket", from_status=TODO, to_status=DONE,
                                         evidence=Evidence(index=1))])

    with running(make_settings(tmp_path), ScriptedProvider(answer)) as client:
        login = create_ticket(client, "Frontend login page")
        holder["payment"] = create_ticket(client, "Payment service")["id"]
        holder["docs"] = create_ticket(client, "API documentation", "IN_PROGRESS")["id"]
        meeting = new_meeting(client)
        segments = say(client, meeting, "The login screen is finished.", "I started on the payment service.")
        assert end_and_wait(client, meeting) == "done"

        assert tickets_of(client, meeting) == []  # no twin
        moved = client.get(f"/api/tickets/{login['id']}").json()
        assert moved["status"] == "DONE"
        last = client.get(f"/api/tickets/{login['id']}/history").json()[-1]
        assert (last["from"], last["to"], last["cause"], last["meetingId"]) == ("TODO", "DONE", "extraction", meeting)
        assert last["segmentId"] == segments[0] and last["quote"] == "The login screen is finished."
        assert last["confidence"] == 0.9
        assert client.get(f"/api/tickets/{holder['payment']}").json()["status"] == "IN_PROGRESS"
        assert client.get(f"/api/tickets/{holder['docs']}").json()["version"] == 1  # already there: untouched
        report = extraction_of(client, meeting)
        assert report["linkedTicketIds"] == [login["id"]] and report["createdTicketIds"] == []
        assert report["movedTicketIds"] == [login["id"], holder["payment"]]
        assert report["skipped"] == [{"ticketId": "no-such-ticket", "reason": "no such ticket in the group"}]
        updated = [e.payload for e in outbox(client, "ticket.updated") if e.key == meeting]
        assert [(u["ticketId"], u["to"], u["cause"]) for u in updated] == [
            (login["id"], "DONE", "extraction"), (holder["payment"], "IN_PROGRESS", "extraction")]


def test_a_move_heard_without_enough_confidence_waits_for_a_person(tmp_path: Path) -> None:
    """At the end of a meeting as live: a move less sure than the move confidence is a suggestion, not a move."""
    holder: dict[str, str] = {}

    def answer(request: ExtractionRequest) -> Extraction:
        return Extraction(status_updates=[
            StatusUpdate(ticket_id=holder["sure"], from_status=TODO, to_status=DONE, evidence=Evidence(index=0),
                         confidence=0.9),
            StatusUpdate(ticket_id=holder["unsure"], from_status=TODO, to_status=PROGRESS,
                         evidence=Evidence(index=1), confidence=0.6)])

    with running(make_settings(tmp_path), ScriptedProvider(answer)) as client:
        holder["sure"] = create_ticket(client, "Frontend login page")["id"]
        holder["unsure"] = create_ticket(client, "Payment service")["id"]
        meeting = new_meeting(client)
        say(client, meeting, "The login page is done.", "I think I poked at the payments a bit.")
        assert end_and_wait(client, meeting) == "done"
        assert client.get(f"/api/tickets/{holder['sure']}").json()["status"] == "DONE"
        assert client.get(f"/api/tickets/{holder['unsure']}").json()["status"] == "TODO"
        report = extraction_of(client, meeting)
        assert report["movedTicketIds"] == [holder["sure"]] and report["suggestedTicketIds"] == [holder["unsure"]]
        [suggestion] = client.get(f"/api/meetings/{meeting}/suggestions").json()
        assert (suggestion["ticketId"], suggestion["to"], suggestion["confidence"]) == (holder["unsure"],
                                                                                       "IN_PROGRESS", 0.6)
        assert client.post(f"/api/suggestions/{suggestion['id']}/confirm").status_code == 200
        assert client.get(f"/api/tickets/{holder['unsure']}").json()["status"] == "IN_PROGRESS"


def test_transient_errors_are_retried_then_the_meeting_is_done(tmp_path: Path) -> None:
    provider = ScriptedProvider(STANDUP, errors=[TransientProviderError("HTTP 529 overloaded"),
                                                 MalformedOutput("not the schema")])
    with running(make_settings(tmp_path, max_tries=3), provider) as client:
        meeting = new_meeting(client)
        say(client, meeting, "Maria will review the design document on Friday.")
        assert end_and_wait(client, meeting) == "done"
        assert len(provider.calls) == 3
        report = extraction_of(client, meeting)
        assert report["attempts"] == 3 and report["error"] is None and len(report["createdTicketIds"]) == 1


def test_always_transient_fails_to_the_dlq_and_retry_processes_it_again(tmp_path: Path) -> None:
    provider = ScriptedProvider(STANDUP, errors=[TransientProviderError("HTTP 503")] * 3)
    with running(make_settings(tmp_path, max_tries=3), provider) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        transcript = client.get(f"/api/meetings/{meeting}/transcript").json()
        assert end_and_wait(client, meeting) == "failed"

        report = extraction_of(client, meeting)
        assert report["attempts"] == 3 and "HTTP 503" in report["error"] and report["finishedAt"]
        assert tickets_of(client) == []
        [dead] = outbox(client, "ticket.extraction.dlq")
        assert dead.key == meeting and dead.event_type == "ticket.extraction.failed"
        assert dead.payload == {"meetingId": meeting, "groupId": LOCAL_GROUP_ID, "provider": "scripted",
                                "attempts": 3, "error": report["error"], "failedAt": dead.payload["failedAt"]}
        client.app.state.relay.relay_pending()  # type: ignore[attr-defined]
        assert meeting in (tmp_path / "events" / "ticket.extraction.dlq.jsonl").read_text()
        assert client.get(f"/api/meetings/{meeting}/minutes").status_code == 409

        retried = client.post(f"/api/meetings/{meeting}/retry")
        assert retried.status_code == 202 and retried.json()["state"] == "ended"
        assert wait_state(client, meeting, "done") == "done"
        assert len(tickets_of(client, meeting)) == 1
        assert extraction_of(client, meeting)["error"] is None
        assert client.get(f"/api/meetings/{meeting}/transcript").json() == transcript


def test_a_non_retryable_error_fails_at_once(tmp_path: Path) -> None:
    provider = ScriptedProvider(STANDUP, errors=[ProviderError("HTTP 401: invalid API key")])
    with running(make_settings(tmp_path, max_tries=3, backoff_s=5), provider) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        assert end_and_wait(client, meeting) == "failed"
        assert len(provider.calls) == 1
        report = extraction_of(client, meeting)
        assert report["attempts"] == 1 and "invalid API key" in report["error"]
        assert len(outbox(client, "ticket.extraction.dlq")) == 1


def test_partial_success_keeps_the_valid_tickets_and_reports_the_rest(tmp_path: Path) -> None:
    def answer(request: ExtractionRequest) -> Extraction:
        return Extraction(
            tickets=[ExtractedTicket(title="Payment service", evidence=[Evidence(index=0)]),
                     ExtractedTicket(title="x" * 301, evidence=[Evidence(index=0)])],
            rejected=[Rejected(item={"title": "", "status": "TODO"}, error="title: must not be blank"),
                      Rejected(item={"title": "Ship it", "status": "SHIPPED"}, error="status: not a status")])

    with running(make_settings(tmp_path), ScriptedProvider(answer)) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        assert end_and_wait(client, meeting) == "done"
        assert [t.title for t in tickets_of(client)] == ["Payment service"]
        rejected = extraction_of(client, meeting)["rejected"]
        assert [r["error"] for r in rejected[:2]] == ["title: must not be blank", "status: not a status"]
        assert rejected[0]["item"] == {"title": "", "status": "TODO"}
        assert rejected[2]["item"]["title"] == "x" * 301 and "300" in rejected[2]["error"]


def test_the_api_answers_while_the_provider_works(tmp_path: Path) -> None:
    gate = threading.Event()
    provider = ScriptedProvider(STANDUP, gate=gate)
    with running(make_settings(tmp_path), provider) as client:
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        assert client.post(f"/api/meetings/{meeting}/end").status_code == 200
        assert wait_state(client, meeting, "processing") == "processing"
        assert extraction_of(client, meeting)["state"] == "processing"
        assert client.get(f"/api/meetings/{meeting}/minutes").status_code == 409
        gate.set()
        assert wait_state(client, meeting) == "done"


def stage_crashed_run(db: Database, meeting_id: str, heartbeat_age_s: float) -> None:
    """The database as a process that died while processing the meeting leaves it."""
    with db.session() as session:
        session.execute(update(Meeting).where(Meeting.id == meeting_id).values(state="processing"))
        session.add(MeetingExtraction(meeting_id=meeting_id, group_id=LOCAL_GROUP_ID, state="processing",
                                      provider="scripted", runs=1, claimed_by="dead-host:1:0",
                                      heartbeat_at=utcnow() - timedelta(seconds=heartbeat_age_s)))


def test_a_meeting_left_processing_by_a_crash_is_processed_on_start(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    with running(settings, ScriptedProvider(errors=[ProviderError("never called")])) as client:
        client.app.state.processor.stop()  # type: ignore[attr-defined]
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.")
        ended = client.post(f"/api/meetings/{meeting}/end")
        assert ended.status_code == 200
        stage_crashed_run(db_of(client), meeting, heartbeat_age_s=600)

    provider = ScriptedProvider(STANDUP)
    with running(settings, provider) as client:
        assert wait_state(client, meeting) == "done"
        assert [t.title for t in tickets_of(client, meeting)] == ["Payment service integration"]
        report = extraction_of(client, meeting)
        assert report["runs"] == 2 and len(provider.calls) == 1


def test_a_meeting_another_live_process_holds_is_not_taken(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider(STANDUP)) as client:
        client.app.state.processor.stop()  # type: ignore[attr-defined]
        db = db_of(client)
        meeting = new_meeting(client)
        client.post(f"/api/meetings/{meeting}/end")
        with db.session() as session:
            assert service.claim(session, meeting, "process-a", "scripted", lease_s=30)
        with db.session() as session:
            assert not service.claim(session, meeting, "process-b", "scripted", lease_s=30)
        with db.session() as session:
            assert service.due_meetings(session, lease_s=30) == []
            assert service.heartbeat(session, meeting, "process-a")
            assert not service.heartbeat(session, meeting, "process-b")
        # Once process A's lease has run out, B may take the meeting, and A's late result is refused.
        with db.session() as session:
            session.execute(update(MeetingExtraction).values(heartbeat_at=utcnow() - timedelta(seconds=60)))
        with db.session() as session:
            assert service.due_meetings(session, lease_s=30) == [meeting]
            assert service.claim(session, meeting, "process-b", "scripted", lease_s=30)
        with pytest.raises(service.LostClaim), db.session() as session:
            service.apply_extraction(session, meeting, "process-a", Extraction(), 1, 1, [])
        assert state(client, meeting) == "processing"


def test_a_meeting_with_segments_still_on_their_way_waits(tmp_path: Path) -> None:
    """In the scaled deployment a `vori worker` stores segments from the event log: the flow waits for them."""
    with running(make_settings(tmp_path), ScriptedProvider(STANDUP)) as client:
        client.app.state.processor.stop()  # type: ignore[attr-defined]
        db = db_of(client)
        meeting = new_meeting(client)
        say(client, meeting, "I will start working on the payment service tomorrow.", "And the design document.")
        with db.session() as session:
            session.execute(delete(TranscriptSegment).where(TranscriptSegment.seq == 2))
        client.post(f"/api/meetings/{meeting}/end")
        with db.session() as session:
            assert not service.claim(session, meeting, "p", "scripted", lease_s=30)
            assert session.scalar(select(func.count()).select_from(MeetingExtraction)) == 0


@pytest.mark.parametrize(("method", "path", "status"), [
    ("get", "/api/meetings/nope/extraction", 404),
    ("post", "/api/meetings/nope/retry", 404),
    ("get", "/api/meetings/nope/minutes", 404),
    ("get", "/api/meetings/nope/minutes?format=markdown", 404),
])
def test_unknown_meeting_is_404(client: TestClient, method: str, path: str, status: int) -> None:
    response = client.request(method, path)
    assert response.status_code == status and response.json()["error"]["message"] == "meeting nope not found"


def test_retry_is_only_for_a_failed_meeting(tmp_path: Path) -> None:
    with running(make_settings(tmp_path), ScriptedProvider(STANDUP)) as client:
        meeting = new_meeting(client)
        live = client.post(f"/api/meetings/{meeting}/retry")
        assert live.status_code == 409 and "live" in live.json()["error"]["message"]
        assert client.get(f"/api/meetings/{meeting}/minutes").status_code == 409
        assert extraction_of(client, meeting)["state"] == "live"
        assert end_and_wait(client, meeting) == "done"
        done = client.post(f"/api/meetings/{meeting}/retry")
        assert done.status_code == 409 and "only a failed meeting" in done.json()["error"]["message"]
        bad = client.get(f"/api/meetings/{meeting}/minutes?format=pdf")
        assert bad.status_code == 422 and "format" in bad.json()["error"]["message"]


# --- a real `vori serve`, its audio WebSocket and the local provider ---------------------------------------


def test_stop_and_silence_end_meetings_that_are_then_processed(make_server, standup: Speech) -> None:
    server = make_server(env={"VORI_EXTRACTION_SILENCE_TIMEOUT_S": "3"})
    talking, idle, quiet = (server.create_meeting(title) for title in ("Talking", "Nobody came", "Muted"))

    def meeting(meeting_id: str) -> dict:
        return httpx.get(f"{server.url}/api/meetings/{meeting_id}", timeout=10).json()  # type: ignore[no-any-return]

    async def muted_client() -> list[dict]:
        frames = []
        async with websockets.connect(server.ws_url(quiet)) as ws:
            await ws.send(json.dumps({"type": "start", "sampleRate": 16000, "language": "en"}))
            await ws.send(bytes(32000))  # a second of silence, then nothing
            with contextlib.suppress(websockets.ConnectionClosed):
                async for message in ws:
                    frames.append(json.loads(message))
        assert ws.close_code == 1000
        return frames

    async def scenario() -> tuple[StreamRun, list[dict]]:
        return await asyncio.gather(stream_audio(server.ws_url(talking), standup.pcm16()), muted_client())

    run, muted = asyncio.run(scenario())
    # Someone kept talking (pauses under the timeout): only `stop` ended that meeting, after its last final.
    assert run.close_code == 1000 and run.of("final")
    assert run.frames[-1].frame["type"] == "stopped" and "reason" not in run.frames[-1].frame
    # The muted client was told why its meeting ended; the meeting nobody joined ended too.
    assert muted[-1] == {"type": "stopped", "reason": "silence_timeout"}
    for meeting_id in (talking, idle, quiet):
        assert wait_until(lambda m=meeting_id: meeting(m)["state"] in ("done", "failed"), timeout=60)
        assert meeting(meeting_id)["state"] == "done"
    report = httpx.get(f"{server.url}/api/meetings/{talking}/extraction", timeout=10).json()
    assert report["provider"] == "local" and report["attempts"] == 1
    minutes = httpx.get(f"{server.url}/api/meetings/{talking}/minutes", timeout=10).json()
    assert minutes["participants"] == [] and minutes["duration"]["audioMs"] > 5000
    assert "payment" in server.transcript(talking)["text"].lower()
