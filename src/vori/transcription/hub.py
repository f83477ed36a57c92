"""Live meeting streams: one `MeetingStream` per meeting with audio, shared by whichever client is attached.

A stream outlives its WebSocket: when a client drops, the stream waits `detach_grace_ms` for it to resume
(so an utterance spanning the drop stays one segment), then finalizes what is pending. After a restart, every
live meeting whose audio runs past its last final segment gets a stream that does the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from vori.core.db import Database, utcnow
from vori.core.errors import Conflict
from vori.core.settings import Settings
from vori.events.log import Event
from vori.events.outbox import OutboxRelay
from vori.meetings import service as meetings
from vori.meetings.models import Meeting, MeetingState, TranscriptCursor
from vori.tickets.service import TICKET_UPDATED
from vori.tickets.suggestions import SUGGESTION_RESOLVED, TICKET_SUGGESTED
from vori.transcription import service
from vori.transcription.audio import AudioStore, ms_to_samples, samples_to_ms
from vori.transcription.scheduler import BatchScheduler
from vori.transcription.streaming import FinalText, StreamPolicy, Window
from vori.transcription.vad import SileroVad

log = logging.getLogger(__name__)

FINAL_FIELDS = ("segmentId", "seq", "text", "startMs", "endMs", "speaker")

# How much audio before the last final segment a new stream may re-read to find the tail (bounded memory).
MAX_TAIL_MS = 120_000


class ClientSink(Protocol):
    async def send(self, frame: dict[str, Any]) -> None: ...

    async def close(self, code: int, reason: str) -> None: ...


class MeetingStream:
    def __init__(self, hub: TranscriptionHub, meeting: Meeting, origin: int, tail: np.ndarray) -> None:
        self.hub = hub
        self.meeting_id = meeting.id
        self.group_id = meeting.group_id
        self.language = meeting.language
        self.writer = hub.audio.open_writer(meeting.id)
        self.policy = StreamPolicy(hub.vad, hub.settings.asr, origin)
        if len(tail):
            self.policy.feed(tail)
        self.sink: ClientSink | None = None
        self.closed = False
        self.last_seq = 0
        self.previous_text = ""  # what was said just before, to condition the model on
        self.last_speech_at: datetime | None = None  # when the VAD last heard speech (the silence timeout)
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()  # one decode-and-commit at a time per meeting
        self._tasks = [
            asyncio.create_task(self._run(), name=f"stream-{meeting.id}"),
            asyncio.create_task(self._flush_loop(), name=f"flush-{meeting.id}"),
        ]
        self._grace: asyncio.Task[None] | None = None

    @property
    def durable_ms(self) -> int:
        return samples_to_ms(self.writer.durable)

    async def attach(self, sink: ClientSink, language: str) -> None:
        if self._grace is not None:
            self._grace.cancel()
            self._grace = None
        old, self.sink = self.sink, sink
        if language != "auto" or self.language == "auto":
            self.language = language
        if old is not None:
            await _quietly(old.send({"type": "error", "code": "superseded",
                                     "message": "a newer connection took over this meeting's stream"}))
            await _quietly(old.close(4410, "superseded"))

    def detach(self, sink: ClientSink) -> None:
        if self.sink is not sink:
            return
        self.sink = None
        self.start_grace()

    def start_grace(self) -> None:
        """Finalize pending speech unless a client attaches within the grace period."""
        if not self.closed and self._grace is None:
            self._grace = asyncio.create_task(self._finish_after_grace())

    def add_audio(self, samples: np.ndarray) -> None:
        if self.closed:
            raise Conflict("the meeting's stream is closed")
        if len(samples):
            self.writer.write(samples)
            heard = self.policy.vad.end_window
            self.policy.feed(samples)
            fresh = self.policy.vad.probs[heard - self.policy.vad.origin_window:]
            if len(fresh) and float(fresh.max()) >= self.hub.settings.asr.vad_threshold:
                self.last_speech_at = utcnow()
            self._wake.set()

    async def flush(self) -> int:
        if self.writer.dirty:
            await asyncio.to_thread(self.writer.flush)
        return self.durable_ms

    async def finish(self) -> None:
        """Finalize every pending utterance, then stop the stream (stop, end of meeting, grace expiry)."""
        if self.closed:
            return
        async with self._lock:
            await self.flush()
            while (window := self.policy.next_window(flush=True)) is not None:
                await self._decode(window)
            self.closed = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.to_thread(self.writer.close)
        self.hub.forget(self)

    async def _finish_after_grace(self) -> None:
        await asyncio.sleep(self.hub.settings.asr.detach_grace_ms / 1000)
        if self.sink is None:
            await self.finish()

    async def _send(self, frame: dict[str, Any]) -> None:
        if self.sink is not None:
            await _quietly(self.sink.send(frame))

    async def _flush_loop(self) -> None:
        interval = self.hub.settings.audio_flush_ms / 1000
        while True:
            await asyncio.sleep(interval)
            if self.writer.dirty:
                await self.flush()
                await self._send({"type": "ack", "durableMs": self.durable_ms})

    async def _run(self) -> None:
        tick = self.hub.settings.asr.tick_ms / 1000
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=tick)
            except TimeoutError:
                pass
            self._wake.clear()
            await asyncio.sleep(0)
            try:
                async with self._lock:
                    if self.closed:
                        return
                    window = self.policy.next_window()
                    if window is not None:
                        await self._decode(window)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("stream %s: decoding failed; audio is kept and retried", self.meeting_id)
                await asyncio.sleep(1.0)

    async def _decode(self, window: Window) -> None:
        decoded = await self.hub.scheduler.transcribe(
            self.policy.clip(window), self.language, final=window.final, stream=self, timestamps=window.timestamps,
            previous=self.previous_text,
        )
        if window.final:
            final = self.policy.accept_final(window, decoded)
        elif decoded is not None:
            if decoded.is_speech:
                await self._send({"type": "partial", "text": decoded.text,
                                  "startMs": samples_to_ms(window.speech_start),
                                  "endMs": samples_to_ms(window.end)})
            final = self.policy.accept_partial(window, decoded)
        else:
            final = None
        if final is not None:
            await self._emit(final, decoded.language if decoded else self.language)

    async def _emit(self, final: FinalText, language: str) -> None:
        frame = await asyncio.to_thread(self.hub.store_final, self.meeting_id, final, language)
        self.last_seq = frame["seq"]
        self.previous_text = frame["text"]
        self.hub.relay.notify()
        await self._send(frame)


async def _quietly(aw: Awaitable[None]) -> None:
    """Send to a client that may be gone: its failure never affects the stream or its data."""
    with contextlib.suppress(Exception):
        await aw


MEETING_TICKET_TOPICS = (TICKET_UPDATED, TICKET_SUGGESTED, SUGGESTION_RESOLVED)


class TranscriptionHub:
    def __init__(self, settings: Settings, db: Database, relay: OutboxRelay, scheduler: BatchScheduler) -> None:
        self.settings = settings
        self.db = db
        self.relay = relay
        self.scheduler = scheduler
        self.audio = AudioStore(settings.audio_dir)
        self.vad = SileroVad()
        self.streams: dict[str, MeetingStream] = {}
        self._open_lock = asyncio.Lock()
        # Called with the meeting id once a meeting is ended (the end-of-meeting flow hangs here).
        self.ended_listeners: list[Callable[[str], None]] = []
        self.loop = asyncio.get_running_loop()

    def on_events(self, events: list[Event]) -> None:
        """Relay listener (relay thread): ticket moves and suggestions heard in a meeting go to its audio
        socket too, so the speaker sees "moved to DONE" right after saying it."""
        frames = [(e.value["meetingId"], {"type": e.topic, **e.value}) for e in events
                  if e.topic in MEETING_TICKET_TOPICS and e.value.get("meetingId")]
        if frames:
            self.loop.call_soon_threadsafe(self._push, frames)

    def _push(self, frames: list[tuple[str, dict[str, Any]]]) -> None:
        for meeting_id, frame in frames:
            stream = self.streams.get(meeting_id)
            if stream is not None and stream.sink is not None:
                self.loop.create_task(stream._send(frame))

    def forget(self, stream: MeetingStream) -> None:
        if self.streams.get(stream.meeting_id) is stream:
            del self.streams[stream.meeting_id]

    async def open_stream(self, meeting_id: str) -> tuple[MeetingStream, int]:
        """The meeting's stream (created if needed) and the seq of its last final segment."""
        async with self._open_lock:
            stream = self.streams.get(meeting_id)
            meeting, last, origin = await asyncio.to_thread(self._stream_start, meeting_id)
            if stream is None or stream.closed:
                durable = self.audio.durable_samples(meeting_id)
                origin = max(origin, durable - ms_to_samples(MAX_TAIL_MS))
                tail = await asyncio.to_thread(self.audio.read, meeting_id, origin, durable)
                stream = MeetingStream(self, meeting, origin, tail)
                self.streams[meeting_id] = stream
            stream.last_seq = last.last_seq if last else 0
            if last is not None and not stream.previous_text:
                stream.previous_text = last.last_text
            return stream, stream.last_seq

    def _stream_start(self, meeting_id: str) -> tuple[Meeting, TranscriptCursor | None, int]:
        with self.db.session() as session:
            meeting = meetings.get_meeting(session, meeting_id)
            if meeting.state != MeetingState.LIVE:
                raise Conflict(f"meeting {meeting_id} is {meeting.state}, not live")
            meetings.mark_started(session, meeting)
            last = service.cursor(session, meeting_id)
            return meeting, last, (ms_to_samples(last.last_end_ms) if last else 0)

    def store_final(self, meeting_id: str, final: FinalText, language: str) -> dict[str, Any]:
        with self.db.session() as session:
            meeting = meetings.get_meeting(session, meeting_id)
            event = service.store_final(
                session, meeting, samples_to_ms(final.start), samples_to_ms(final.end), final.text, language,
                inline=self.settings.segments == "inline",
            )
            return {"type": "final", **{k: event[k] for k in FINAL_FIELDS}}

    async def end_meeting(self, meeting_id: str, reason: str = "meeting_ended") -> Meeting:
        """Finalize the meeting's stream, end the meeting, then tell its client (`stopped` with `reason`)."""
        stream = self.streams.get(meeting_id)
        sink = stream.sink if stream is not None else None
        if stream is not None:
            await stream.finish()
        try:
            meeting = await asyncio.to_thread(self._end_in_db, meeting_id)
        finally:
            if sink is not None:
                await _quietly(sink.send({"type": "stopped", "reason": reason}))
                await _quietly(sink.close(1000, reason.replace("_", " ")))
        self.relay.notify()
        for listener in self.ended_listeners:
            listener(meeting_id)
        return meeting

    def _end_in_db(self, meeting_id: str) -> Meeting:
        with self.db.session() as session:
            return meetings.end_meeting(session, meeting_id)

    async def recover(self) -> int:
        """After a restart: live meetings with audio past their last final get a detached stream."""
        recovered = 0
        for meeting_id in await asyncio.to_thread(self._live_meetings):
            last_end = await asyncio.to_thread(self._last_end_samples, meeting_id)
            if self.audio.durable_samples(meeting_id) > last_end:
                stream, _ = await self.open_stream(meeting_id)
                stream.start_grace()
                recovered += 1
        return recovered

    def _live_meetings(self) -> list[str]:
        with self.db.session() as session:
            return [m.id for m in meetings.list_meetings(session) if m.state == MeetingState.LIVE]

    def _last_end_samples(self, meeting_id: str) -> int:
        with self.db.session() as session:
            last = service.cursor(session, meeting_id)
            return ms_to_samples(last.last_end_ms) if last else 0

    async def shutdown(self) -> None:
        for stream in list(self.streams.values()):
            await stream.finish()

    def stats(self) -> dict[str, Any]:
        return {"streams": len(self.streams), "attached": sum(1 for s in self.streams.values() if s.sink),
                "scheduler": self.scheduler.stats.as_dict(), "maxBatch": self.scheduler.max_batch,
                "model": self.scheduler.engine.name}
