"""End to end on a real `vori serve`: a spoken stand-up (espeak-ng) streamed over the audio WebSocket moves
an existing ticket while the meeting goes on (pushed to the board and to the speaker's socket), and ending
the meeting produces the new tickets and the minutes."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import websockets
from support import wait_until

from vori.groups.models import LOCAL_GROUP_ID
from vori.testing.speech import Speech
from vori.transcription.client import StreamRun, stream_audio


def test_a_spoken_standup_moves_a_ticket_live_and_ends_in_tickets_and_minutes(make_server, standup: Speech) -> None:
    server = make_server()
    http = httpx.Client(base_url=server.url, timeout=10)
    login = http.post("/api/tickets", json={"title": "Frontend login page", "status": "IN_PROGRESS"}).json()
    untouched = http.post("/api/tickets", json={"title": "Billing export to CSV"}).json()
    meeting = server.create_meeting("Daily stand-up")
    board_url = f"ws://127.0.0.1:{server.port}/ws/groups/{LOCAL_GROUP_ID}/board"

    async def scenario() -> tuple[StreamRun, list[tuple[float, dict]]]:
        board_frames: list[tuple[float, dict]] = []
        async with websockets.connect(board_url) as board:
            assert json.loads(await board.recv())["type"] == "ready"

            async def watch() -> None:
                while True:
                    board_frames.append((time.perf_counter(), json.loads(await board.recv())))

            watcher = asyncio.create_task(watch())
            run = await stream_audio(server.ws_url(meeting), standup.pcm16(), linger_s=1.0)
            await asyncio.sleep(1.0)
            watcher.cancel()
        return run, board_frames

    run, board_frames = asyncio.run(scenario())
    assert run.close_code == 1000

    # Live: the sentence about the login page moved it, with the sentence as evidence, on both sockets.
    moves = run.of("ticket.updated")
    assert [(m["ticketId"], m["from"], m["to"], m["cause"]) for m in moves] == [
        (login["id"], "IN_PROGRESS", "DONE", "speech")]
    assert "login page" in moves[0]["evidence"]["quote"].lower()
    board_moves = [f for _, f in board_frames if f["type"] == "ticket.updated"]
    assert [(f["ticketId"], f["to"]) for f in board_moves] == [(login["id"], "DONE")]
    said = next(f for f in run.frames if f.frame["type"] == "final" and "login" in f.frame["text"].lower())
    heard = next(f for f in run.frames if f.frame["type"] == "ticket.updated")
    print(f"final → ticket.updated on the audio socket: {heard.at - said.at:.3f} s")

    # End of meeting (the client's `stop`): new tickets from what was said, nothing duplicated, minutes.
    assert wait_until(lambda: http.get(f"/api/meetings/{meeting}").json()["state"] in ("done", "failed"), 60)
    assert http.get(f"/api/meetings/{meeting}").json()["state"] == "done"
    tickets = [t for column in http.get(f"/api/groups/{LOCAL_GROUP_ID}/board").json()["columns"].values()
               for t in column]
    new = {t["title"].lower(): t for t in tickets if t["meetingId"] == meeting}
    assert any("payment service" in title for title in new), new
    design = next(t for title, t in new.items() if "design document" in title)
    assert design["assignee"] == "Maria" and design["status"] == "TODO"
    assert sum(1 for t in tickets if "login" in t["title"].lower()) == 1
    assert http.get(f"/api/tickets/{untouched['id']}").json()["status"] == "TODO"
    minutes = http.get(f"/api/meetings/{meeting}/minutes").json()
    assert {item["ticketId"] for item in minutes["actionItems"]} == {t["id"] for t in new.values()}
    assert [m["ticketId"] for m in minutes["statusMoves"]] == [login["id"]]
