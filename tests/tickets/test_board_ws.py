"""The board WebSocket against a real server: every watcher of a group sees tickets created and moved."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import websockets

from vori.groups.models import LOCAL_GROUP_ID


def board_url(server, group_id: str = LOCAL_GROUP_ID) -> str:  # type: ignore[no-untyped-def]
    return f"ws://127.0.0.1:{server.port}/ws/groups/{group_id}/board"


async def frames_until(ws, predicate, timeout: float = 5.0) -> list[dict]:  # type: ignore[no-untyped-def]
    seen: list[dict] = []
    deadline = time.monotonic() + timeout
    while not predicate(seen):
        seen.append(json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic())))
    return seen


def test_two_boards_see_a_ticket_created_and_moved(server) -> None:
    async def scenario():  # type: ignore[no-untyped-def]
        async with websockets.connect(board_url(server)) as one, websockets.connect(board_url(server)) as two:
            assert json.loads(await one.recv())["type"] == "ready"
            assert json.loads(await two.recv())["type"] == "ready"
            async with httpx.AsyncClient(base_url=server.url) as http:
                ticket = (await http.post("/api/tickets", json={"title": "Frontend login page"})).json()
                moved = await http.post(f"/api/tickets/{ticket['id']}/status",
                                        json={"status": "DONE", "version": ticket["version"]})
                assert moved.status_code == 200

            def both(seen: list[dict]) -> bool:
                mine = [f for f in seen if ticket["id"] in (f.get("id"), f.get("ticketId"))]
                return [f["type"] for f in mine] == ["ticket.created", "ticket.updated"]

            return ticket, await frames_until(one, both), await frames_until(two, both)

    ticket, seen_one, seen_two = asyncio.run(scenario())
    for seen in (seen_one, seen_two):
        created = next(f for f in seen if f.get("id") == ticket["id"])
        updated = next(f for f in seen if f.get("ticketId") == ticket["id"])
        assert created["title"] == "Frontend login page" and created["status"] == "TODO"
        assert (updated["from"], updated["to"], updated["cause"]) == ("TODO", "DONE", "user")


def test_board_of_an_unknown_group_and_a_malformed_frame(server) -> None:
    async def scenario():  # type: ignore[no-untyped-def]
        async with websockets.connect(board_url(server, "nope")) as ws:
            error = json.loads(await ws.recv())
            await asyncio.wait_for(ws.wait_closed(), 5)
        unknown = (error, ws.close_code)
        async with websockets.connect(board_url(server)) as ws:
            await ws.recv()
            await ws.send(json.dumps({"type": "ping"}))
            pong = json.loads(await ws.recv())
            await ws.send("{not json")
            error = json.loads(await ws.recv())
            await asyncio.wait_for(ws.wait_closed(), 5)
        return unknown, pong, error, ws.close_code

    (unknown_error, unknown_code), pong, error, code = asyncio.run(scenario())
    assert unknown_code == 4404 and unknown_error["code"] == "unknown_group"
    assert pong == {"type": "pong"}
    assert code == 4400 and error["code"] == "unexpected_frame"
