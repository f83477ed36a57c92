"""Live kanban boards: `/ws/groups/{groupId}/board` streams every ticket created or moved in the group.

Frames are pushed once their `ticket.*` event is durable in the event log (the outbox relay calls
`BoardHub.on_events`), so a board never shows a change that could still be lost.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.websockets import WebSocketState

from vori.core.errors import NotFound
from vori.events.log import Event
from vori.groups.service import get_group
from vori.tickets.service import TICKET_CREATED, TICKET_UPDATED
from vori.tickets.suggestions import SUGGESTION_RESOLVED, TICKET_SUGGESTED

log = logging.getLogger(__name__)
BOARD_TOPICS = (TICKET_CREATED, TICKET_UPDATED, TICKET_SUGGESTED, SUGGESTION_RESOLVED)
router = APIRouter()


class BoardHub:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._watchers: dict[str, set[asyncio.Queue[dict[str, Any]]]] = {}

    def watch(self, group_id: str) -> asyncio.Queue[dict[str, Any]]:
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=1000)
        self._watchers.setdefault(group_id, set()).add(queue)
        return queue

    def unwatch(self, group_id: str, queue: asyncio.Queue[dict[str, Any]]) -> None:
        self._watchers.get(group_id, set()).discard(queue)

    def on_events(self, events: list[Event]) -> None:
        """Called from the relay thread."""
        frames = [(e.value["groupId"], {"type": e.topic, **e.value}) for e in events if e.topic in BOARD_TOPICS]
        if frames:
            self.loop.call_soon_threadsafe(self._fan_out, frames)

    def _fan_out(self, frames: list[tuple[str, dict[str, Any]]]) -> None:
        for group_id, frame in frames:
            for queue in list(self._watchers.get(group_id, ())):
                if queue.full():  # a board that stopped reading is dropped rather than slowing the others
                    self.unwatch(group_id, queue)
                else:
                    queue.put_nowait(frame)


@router.websocket("/ws/groups/{group_id}/board")
async def board_socket(websocket: WebSocket, group_id: str) -> None:
    """Server frames: `ready`, then `ticket.created` / `ticket.updated` (the event payloads), `pong`. Client
    frames: `{"type":"ping"}` only; anything else is an error and close 4400. Unknown group: 4404."""
    hub: BoardHub = websocket.app.state.boards
    await websocket.accept()
    try:
        with websocket.app.state.db.session() as session:
            get_group(session, group_id)
    except NotFound as exc:
        await _fail(websocket, 4404, "unknown_group", exc.message)
        return
    queue = hub.watch(group_id)
    sender = asyncio.create_task(_send_loop(websocket, queue))
    try:
        await websocket.send_text(json.dumps({"type": "ready", "groupId": group_id}))
        while True:
            raw = await websocket.receive_text()
            try:
                frame = json.loads(raw)
            except ValueError:
                frame = None
            if not isinstance(frame, dict) or frame.get("type") != "ping":
                await _fail(websocket, 4400, "unexpected_frame", "only {\"type\":\"ping\"} may be sent on a board")
                return
            await websocket.send_text(json.dumps({"type": "pong"}))
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        hub.unwatch(group_id, queue)
        sender.cancel()


async def _send_loop(websocket: WebSocket, queue: asyncio.Queue[dict[str, Any]]) -> None:
    while True:
        frame = await queue.get()
        if websocket.application_state != WebSocketState.CONNECTED:
            return
        await websocket.send_text(json.dumps(frame, ensure_ascii=False))


async def _fail(websocket: WebSocket, close: int, code: str, message: str) -> None:
    await websocket.send_text(json.dumps({"type": "error", "code": code, "message": message}))
    await websocket.close(close, code)
