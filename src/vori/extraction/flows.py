"""The end of a meeting: from `ended` to tickets, board moves and minutes (`done`), or to `failed` + DLQ.

`MeetingProcessor` runs on its own thread, so provider calls (seconds to minutes with an LLM) never block the
event loop. It takes meetings with a conditional update (`ended -> processing` only if still ended) and
holds them with a lease it renews while it works; on start it finds meetings left `ended`, and `processing`
ones whose lease ran out (the process that held them died), so a crash loses nothing.

`SilenceWatch` ends live meetings in which nobody has spoken for `silence_timeout_s`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from vori.core.db import Database, utcnow
from vori.core.errors import Conflict, NotFound
from vori.core.settings import ExtractionSettings
from vori.events.outbox import OutboxRelay
from vori.extraction import service
from vori.extraction.assembly import assemble, requests, with_sources
from vori.extraction.merge import merge_extractions
from vori.extraction.provider import ExtractionProvider, ProviderError
from vori.extraction.schema import Extraction, ExtractionRequest
from vori.meetings.models import Meeting, MeetingState, TranscriptCursor

if TYPE_CHECKING:
    from vori.transcription.hub import TranscriptionHub

log = logging.getLogger(__name__)

# A process renews its hold on a meeting every HEARTBEAT_S; a hold not renewed for LEASE_S is taken over.
LEASE_S = 30.0
HEARTBEAT_S = 5.0
# How often the processor looks for meetings to process besides being told (others may end them).
POLL_S = 2.0


class ExtractionFailed(Exception):
    def __init__(self, error: str, attempts: int) -> None:
        super().__init__(error)
        self.error, self.attempts = error, attempts


class Interrupted(Exception):
    """The process is shutting down: the meeting is given back, to be processed on the next start."""


def extract_with_retries(provider: ExtractionProvider, request: ExtractionRequest, max_tries: int,
                         backoff_s: float, wait: Callable[[float], bool]) -> tuple[Extraction, int]:
    """The provider's answer and how many calls it took. Retryable errors are tried `max_tries` times in all,
    waiting `backoff_s * 2**n` (+ up to 10 % jitter) in between; any other error fails at once. `wait`
    sleeps and returns True when the process is stopping."""
    for attempt in range(1, max_tries + 1):
        try:
            return provider.extract(request), attempt
        except ProviderError as exc:
            if not exc.retryable or attempt == max_tries:
                kind = "retryable error" if exc.retryable else "error"
                error = f"{provider.name}: {kind} after {attempt} attempt(s): {exc}"
                raise ExtractionFailed(error, attempt) from exc
            delay = backoff_s * 2 ** (attempt - 1)
            if wait(delay + random.uniform(0, delay / 10)):
                raise Interrupted from exc
            log.info("provider %s: %s; attempt %d of %d", provider.name, exc, attempt + 1, max_tries)
        except Exception as exc:  # a provider's bug is not worth retrying
            log.exception("provider %s failed unexpectedly", provider.name)
            raise ExtractionFailed(f"{provider.name}: {type(exc).__name__}: {exc}", attempt) from exc
    raise AssertionError("unreachable")


def extract_transcript(provider: ExtractionProvider, request: ExtractionRequest, settings: ExtractionSettings,
                       wait: Callable[[float], bool] = lambda _: False,
                       after_part: Callable[[], None] = lambda: None) -> tuple[Extraction, int, int]:
    """What the end of a meeting and `vori extract` both do with a transcript: cut it into chunks of whole
    utterances, extract each (with retries), merge the answers and point their evidence at the transcript.
    Returns the extraction, the provider calls made and the number of chunks; raises ExtractionFailed."""
    parts = requests(request, settings.chunk_words)
    answers: list[Extraction] = []
    attempts = 0
    for part in parts:
        try:
            answer, used = extract_with_retries(provider, part, settings.max_tries, settings.backoff_s, wait)
        except ExtractionFailed as failed:
            raise ExtractionFailed(failed.error, attempts + failed.attempts) from failed
        attempts += used
        answers.append(answer)
        after_part()
    return with_sources(merge_extractions(answers), request.utterances), attempts, len(parts)


def _check_lease(lease: Heartbeat, meeting_id: str) -> None:
    if lease.lost:
        raise service.LostClaim(meeting_id)


class Heartbeat:
    """Renews the lease on a meeting from its own thread while the processor waits on the provider."""

    def __init__(self, db: Database, meeting_id: str, token: str, interval_s: float = HEARTBEAT_S) -> None:
        self.db, self.meeting_id, self.token, self.interval_s = db, meeting_id, token, interval_s
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-{meeting_id}", daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                with self.db.session() as session:
                    if not service.heartbeat(session, self.meeting_id, self.token):
                        self.lost = True
                        return
            except Exception:  # the database may be briefly away; the lease has room for a missed beat
                log.exception("lease renewal for meeting %s failed", self.meeting_id)


class MeetingProcessor:
    def __init__(
        self, settings: ExtractionSettings, db: Database, provider: ExtractionProvider,
        relay: OutboxRelay | None = None, *, lease_s: float = LEASE_S, poll_s: float = POLL_S,
    ) -> None:
        self.settings, self.db, self.provider, self.relay = settings, db, provider, relay
        self.lease_s, self.poll_s = lease_s, poll_s
        # Who holds a meeting: unique per process and start.
        self.token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._current: str | None = None

    def start(self) -> MeetingProcessor:
        self._thread = threading.Thread(target=self._run, name="meeting-processor", daemon=True)
        self._thread.start()
        return self

    def submit(self, meeting_id: str) -> None:
        """A meeting just ended (the processor would find it on its next look anyway)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        current = self._current
        if current is not None:  # stuck in a provider call: give the meeting back; its late answer is dropped
            with contextlib.suppress(Exception), self.db.session() as session:
                service.release(session, current, self.token)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.process_due()
            except Exception:
                log.exception("meeting processor: looking for work failed; trying again")
            self._wake.wait(self.poll_s)
            self._wake.clear()

    def process_due(self) -> int:
        """Process every meeting waiting now; returns how many were taken."""
        with self.db.session() as session:
            due = service.due_meetings(session, self.lease_s)
        taken = 0
        for meeting_id in due:
            if self._stop.is_set():
                break
            taken += self.process(meeting_id)
        return taken

    def _claim(self, meeting_id: str) -> bool:
        try:
            with self.db.session() as session:
                return service.claim(session, meeting_id, self.token, self.provider.name, self.lease_s)
        except IntegrityError as exc:  # another process created the same claim row first
            log.warning("meeting %s: claimed elsewhere (%s)", meeting_id, exc.orig)
            return False

    def process(self, meeting_id: str) -> bool:
        """Claim and process one meeting; False when it was not ours to take (or not ready)."""
        if not self._claim(meeting_id):
            return False
        self._current = meeting_id
        try:
            with Heartbeat(self.db, meeting_id, self.token) as lease:
                self._process_claimed(meeting_id, lease)
        except Interrupted:
            with self.db.session() as session:
                service.release(session, meeting_id, self.token)
        except service.LostClaim:
            log.warning("meeting %s was taken over by another process; dropping this run", meeting_id)
        except Exception as exc:
            log.exception("processing meeting %s failed", meeting_id)
            self._fail(meeting_id, ExtractionFailed(f"internal error: {type(exc).__name__}: {exc}", 0))
        finally:
            self._current = None
            if self.relay is not None:
                self.relay.notify()
        return True

    def _process_claimed(self, meeting_id: str, lease: Heartbeat) -> None:
        with self.db.session() as session:
            job = service.load_job(session, meeting_id)
        utterances = assemble(job.segments)
        language = job.language if job.language in ("en", "ko") else "auto"
        request = ExtractionRequest(meeting_id=meeting_id, language=language, utterances=utterances,
                                    board=job.board)
        try:
            merged, attempts, chunks = extract_transcript(self.provider, request, self.settings, self._stop.wait,
                                                          after_part=lambda: _check_lease(lease, meeting_id))
        except ExtractionFailed as failed:
            self._fail(meeting_id, failed)
            return
        with self.db.session() as session:
            report = service.apply_extraction(session, meeting_id, self.token, merged, attempts, chunks,
                                              job.segments, self.settings.move_confidence)
        log.info("meeting %s done: %d ticket(s) created, %d linked, %d moved, %d suggested, %d rejected", meeting_id,
                 len(report.created), len(report.linked), len(report.moved), len(report.suggested),
                 len(report.rejected))

    def _fail(self, meeting_id: str, failed: ExtractionFailed) -> None:
        with self.db.session() as session:
            service.record_failure(session, meeting_id, self.token, self.provider.name, failed.attempts,
                                   failed.error)
        log.warning("meeting %s failed: %s", meeting_id, failed.error)


class SilenceWatch:
    """Ends a live meeting once nobody has spoken in it for `timeout_s`: speech is what the VAD hears on an
    attached stream, or a final stored for the meeting; a meeting with no audio at all counts from its start
    (or creation). Time before this process started never counts, so a restart gives clients time to return.
    """

    def __init__(self, hub: TranscriptionHub, db: Database, timeout_s: float) -> None:
        self.hub, self.db, self.timeout_s = hub, db, timeout_s
        self.interval_s = max(0.2, min(timeout_s / 4, 5.0))
        self.since = utcnow()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> SilenceWatch:
        self._task = asyncio.create_task(self._run(), name="silence-watch")
        return self

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            try:
                await self.check()
            except Exception:
                log.exception("silence watch failed; trying again")

    async def check(self) -> list[str]:
        """End the live meetings that have been silent too long; returns their ids."""
        now = utcnow()
        ended = []
        for meeting_id, last_db in await asyncio.to_thread(self._live_meetings):
            stream = self.hub.streams.get(meeting_id)
            heard = [last_db, self.since]
            if stream is not None and stream.last_speech_at is not None:
                heard.append(stream.last_speech_at)
            if (now - max(heard)).total_seconds() < self.timeout_s:
                continue
            try:
                await self.hub.end_meeting(meeting_id, reason="silence_timeout")
            except (Conflict, NotFound):  # ended meanwhile by someone else
                continue
            log.info("meeting %s ended after %g s without speech", meeting_id, self.timeout_s)
            ended.append(meeting_id)
        return ended

    def _live_meetings(self) -> list[tuple[str, datetime]]:
        query = (select(Meeting.id, Meeting.created_at, Meeting.started_at, TranscriptCursor.updated_at)
                 .outerjoin(TranscriptCursor, TranscriptCursor.meeting_id == Meeting.id)
                 .where(Meeting.state == MeetingState.LIVE.value))
        with self.db.session() as session:
            rows = session.execute(query).all()
        return [(row.id, max(t for t in (row.created_at, row.started_at, row.updated_at) if t is not None))
                for row in rows]
