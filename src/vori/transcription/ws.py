"""The audio WebSocket (`docs/protocol.md`): an explicit state machine, AWAIT_START -> STREAMING -> closed.

Every illegal or malformed frame gets an `error` frame and a documented close code; audio received before it
is already written and is flushed when the connection ends, so nothing acknowledged is ever lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.websockets import WebSocketState

from vori.core.errors import Conflict, NotFound
from vori.transcription.audio import Resampler, pcm16_to_float, samples_to_ms
from vori.transcription.hub import MeetingStream, TranscriptionHub

log = logging.getLogger(__name__)
router = APIRouter()

LANGUAGE = re.compile(r"^(auto|[a-z]{2,3})$")


class Close(enum.IntEnum):
    NORMAL = 1000
    MALFORMED = 4400
    UNKNOWN_MEETING = 4404
    START_TIMEOUT = 4408
    NOT_LIVE = 4409
    SUPERSEDED = 4410
    FRAME_TOO_LARGE = 4413
    RESUME_GAP = 4416
    UNSUPPORTED = 4422
    INTERNAL = 1011


class ProtocolError(Exception):
    def __init__(self, close: Close, code: str, message: str) -> None:
        super().__init__(message)
        self.close, self.code, self.message = close, code, message


@dataclass(frozen=True)
class StartFrame:
    sample_rate: int
    language: str
    resume_from_ms: int | None


def parse_start(raw: str | None) -> StartFrame:
    if raw is None:
        raise ProtocolError(Close.MALFORMED, "expected_start", "the first frame must be a text `start` frame")
    frame = _json_object(raw)
    if frame.get("type") != "start":
        raise ProtocolError(Close.MALFORMED, "expected_start", "the first frame must have type `start`")
    rate = frame.get("sampleRate")
    if not isinstance(rate, int) or isinstance(rate, bool) or not 8000 <= rate <= 48000:
        raise ProtocolError(Close.MALFORMED, "bad_sample_rate", "sampleRate must be an integer from 8000 to 48000")
    if frame.get("encoding", "pcm_s16le") != "pcm_s16le":
        raise ProtocolError(Close.UNSUPPORTED, "bad_encoding", "only encoding `pcm_s16le` is supported")
    if frame.get("channels", 1) != 1:
        raise ProtocolError(Close.UNSUPPORTED, "bad_channels", "only mono audio (channels: 1) is supported")
    language = frame.get("language", "auto")
    if not isinstance(language, str) or not LANGUAGE.match(language):
        raise ProtocolError(Close.MALFORMED, "bad_language", "language must be `auto` or an ISO 639-1 code")
    resume = frame.get("resumeFromMs")
    if resume is not None and (not isinstance(resume, int) or isinstance(resume, bool) or resume < 0):
        raise ProtocolError(Close.MALFORMED, "bad_resume", "resumeFromMs must be a non-negative integer")
    unknown = set(frame) - {"type", "sampleRate", "encoding", "channels", "language", "resumeFromMs"}
    if unknown:
        raise ProtocolError(Close.MALFORMED, "unknown_field", f"unknown field(s) in start: {sorted(unknown)}")
    return StartFrame(rate, language, resume)


def _json_object(raw: str) -> dict[str, Any]:
    try:
        frame = json.loads(raw)
    except ValueError:
        raise ProtocolError(Close.MALFORMED, "bad_json", "text frames must be JSON objects") from None
    if not isinstance(frame, dict):
        raise ProtocolError(Close.MALFORMED, "bad_json", "text frames must be JSON objects")
    return frame


class WebSocketSink:
    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket
        self._send_lock = asyncio.Lock()

    async def send(self, frame: dict[str, Any]) -> None:
        async with self._send_lock:
            if self.websocket.application_state == WebSocketState.CONNECTED:
                await self.websocket.send_text(json.dumps(frame, ensure_ascii=False))

    async def close(self, code: int, reason: str) -> None:
        async with self._send_lock:
            if self.websocket.application_state == WebSocketState.CONNECTED:
                await self.websocket.close(code, reason)


class AudioSession:
    """One connection's life. Resampling and the resume skip belong to the connection, not the meeting."""

    def __init__(self, websocket: WebSocket, hub: TranscriptionHub, meeting_id: str) -> None:
        self.websocket = websocket
        self.hub = hub
        self.meeting_id = meeting_id
        self.sink = WebSocketSink(websocket)
        self.stream: MeetingStream | None = None
        self.resampler: Resampler | None = None
        self.skip_bytes = 0
        self.max_frame = hub.settings.max_frame_bytes
        self.start_timeout_s = hub.settings.ws_start_timeout_s

    async def run(self) -> None:
        await self.websocket.accept()
        try:
            await self._start()
            await self._stream()
        except ProtocolError as exc:
            await self._release()  # the stream stops writing to this socket: the error is the last frame
            await self.sink.send({"type": "error", "code": exc.code, "message": exc.message})
            await self.sink.close(int(exc.close), exc.code)
        except WebSocketDisconnect:
            pass
        finally:
            await self._release()

    async def _release(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            stream.detach(self.sink)
            await stream.flush()

    async def _receive(self) -> dict[str, Any]:
        message = dict(await self.websocket.receive())
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        return message

    async def _start(self) -> None:
        try:
            message = await asyncio.wait_for(self._receive(), timeout=self.start_timeout_s)
        except TimeoutError:
            raise ProtocolError(Close.START_TIMEOUT, "start_timeout",
                                f"no `start` frame within {self.start_timeout_s:g} s") from None
        start = parse_start(message.get("text"))
        try:
            stream, last_seq = await self.hub.open_stream(self.meeting_id)
        except NotFound as exc:
            raise ProtocolError(Close.UNKNOWN_MEETING, "unknown_meeting", exc.message) from None
        except Conflict as exc:
            raise ProtocolError(Close.NOT_LIVE, "meeting_not_live", exc.message) from None
        engine = self.hub.scheduler.engine
        if not engine.multilingual and start.language not in ("auto", "en"):
            raise ProtocolError(Close.UNSUPPORTED, "unsupported_language",
                                f"the speech model {engine.name} is English-only; "
                                "set VORI_ASR_MODEL to a multilingual model")
        durable = stream.durable_ms
        if start.resume_from_ms is not None:
            if start.resume_from_ms > durable:
                raise ProtocolError(Close.RESUME_GAP, "resume_gap",
                                    f"resumeFromMs {start.resume_from_ms} is past the durable audio ({durable} ms)")
            # The client resends from its last ack; audio already stored is skipped, not duplicated.
            self.skip_bytes = (durable - start.resume_from_ms) * start.sample_rate // 1000 * 2
        self.resampler = Resampler(start.sample_rate)
        await stream.attach(self.sink, start.language)
        self.stream = stream
        await self.sink.send({"type": "ready", "durableMs": durable, "lastSeq": last_seq})

    async def _stream(self) -> None:
        assert self.stream is not None and self.resampler is not None
        while True:
            message = await self._receive()
            data = message.get("bytes")
            if data is not None:
                self._audio(data)
                continue
            frame = _json_object(message.get("text") or "")
            kind = frame.get("type")
            if kind == "stop":
                await self._stop()
                return
            if kind == "ping":
                await self.sink.send({"type": "pong", "durableMs": self.stream.durable_ms})
                continue
            raise ProtocolError(Close.MALFORMED, "unexpected_frame",
                                f"frame type {kind!r} is not allowed while streaming")

    def _audio(self, data: bytes) -> None:
        assert self.stream is not None and self.resampler is not None
        if len(data) > self.max_frame:
            raise ProtocolError(Close.FRAME_TOO_LARGE, "frame_too_large",
                                f"audio frames may be at most {self.max_frame} bytes")
        if len(data) % 2:
            raise ProtocolError(Close.MALFORMED, "odd_frame_length", "PCM16 frames must hold whole 2-byte samples")
        if self.skip_bytes:
            cut = min(self.skip_bytes, len(data))
            self.skip_bytes -= cut
            data = data[cut:]
        if data:
            try:
                self.stream.add_audio(self.resampler.process(pcm16_to_float(data)))
            except Conflict as exc:
                raise ProtocolError(Close.NOT_LIVE, "meeting_not_live", exc.message) from None

    async def _stop(self) -> None:
        assert self.stream is not None and self.resampler is not None
        tail = self.resampler.process(pcm16_to_float(b""), last=True)
        if len(tail):
            self.stream.add_audio(tail)
        stream, self.stream = self.stream, None
        await stream.finish()
        # `stop` ends the meeting: when the client reads `stopped`, the meeting is `ended` and queued for
        # the end-of-meeting flow (an end through the API or the silence timeout may have come first).
        with contextlib.suppress(Conflict):
            await self.hub.end_meeting(self.meeting_id)
        await self.sink.send({"type": "stopped", "durableMs": samples_to_ms(stream.writer.durable)})
        await self.sink.close(Close.NORMAL, "stopped")


@router.websocket("/ws/meetings/{meeting_id}/audio")
async def audio_socket(websocket: WebSocket, meeting_id: str) -> None:
    hub: TranscriptionHub = websocket.app.state.transcription
    try:
        await AudioSession(websocket, hub, meeting_id).run()
    except Exception:
        log.exception("audio socket for meeting %s failed", meeting_id)
        if websocket.application_state == WebSocketState.CONNECTED:
            await websocket.close(Close.INTERNAL, "internal error")
