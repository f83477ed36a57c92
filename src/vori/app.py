"""The FastAPI application: API, WebSockets and the in-process workers of the embedded default."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request

from vori import __version__
from vori.core.db import Database
from vori.core.errors import install_error_handlers
from vori.core.settings import Settings, get_settings
from vori.events.consumer import ConsumerRunner, make_source
from vori.events.embedded import EmbeddedEventLog
from vori.events.log import EventLog
from vori.events.outbox import OutboxRelay
from vori.extraction.api import router as extraction_router
from vori.extraction.detector import StatusDetector
from vori.extraction.flows import MeetingProcessor, SilenceWatch
from vori.extraction.provider import ExtractionProvider
from vori.extraction.providers import get_provider
from vori.groups.service import ensure_local_group
from vori.meetings.api import router as meetings_router
from vori.migrations.runner import upgrade_to_head
from vori.minutes.api import router as minutes_router
from vori.tickets.api import router as tickets_router
from vori.tickets.board import BoardHub
from vori.tickets.board import router as board_router
from vori.transcription.engine import WhisperEngine
from vori.transcription.hub import TranscriptionHub
from vori.transcription.scheduler import BatchScheduler
from vori.transcription.ws import router as audio_router
from vori.web import mount_web_app

log = logging.getLogger(__name__)


def make_event_log(settings: Settings) -> EventLog:
    if settings.event_log == "embedded":
        return EmbeddedEventLog(settings.events_dir)
    if settings.event_log == "kafka":
        from vori.events.kafka import KafkaEventLog

        return KafkaEventLog(settings.kafka_bootstrap, topic_prefix=settings.topic_prefix)
    raise ValueError(f"unknown event log {settings.event_log!r} (available: embedded, kafka)")


def make_engine(settings: Settings) -> WhisperEngine:
    asr = settings.asr
    return WhisperEngine(
        asr.model, settings.data_dir / "models", device=asr.device, compute_type=asr.compute_type,
        cpu_threads=asr.cpu_threads, min_context_s=asr.min_context_s, beam_size=asr.beam_size,
        history_tokens=asr.history_tokens, partial_context_s=asr.partial_context_s,
    )


def make_extraction_provider(settings: Settings) -> ExtractionProvider:
    """The provider the end-of-meeting flow calls (VORI_EXTRACTION_PROVIDER: local, anthropic, openai)."""
    return get_provider(settings.extraction)


class _Running:
    """A consumer on its own thread, for as long as the server runs."""

    def __init__(self, runner: ConsumerRunner) -> None:
        self.runner = runner
        self.thread = threading.Thread(target=runner.run, kwargs={"idle_s": 0.05}, name=runner.handler.group,
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.runner.stop_event.set()
        self.thread.join(timeout=10)


def start_status_detector(settings: Settings, db: Database, event_log: EventLog, relay: OutboxRelay) -> _Running | None:
    """Live status moves run in the server when it stores the segments itself (the embedded default); in the
    scaled pipeline (`VORI_SEGMENTS=worker`) `vori worker` runs them."""
    if settings.segments != "inline" or not settings.extraction.live_status:
        return None
    detector = StatusDetector(settings.extraction)
    source = make_source(settings, event_log, db, detector)
    return _Running(ConsumerRunner(db, source, detector, event_log, after_commit=relay.notify))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(settings.resolved_database_url)
    db = Database(settings.resolved_database_url)
    with db.session() as session:
        ensure_local_group(session)
    event_log = make_event_log(settings)
    relay = OutboxRelay(db, event_log)
    boards = BoardHub(asyncio.get_running_loop())
    relay.listeners.append(boards.on_events)
    app.state.boards = boards
    if settings.outbox_relay:
        relay.start()
    scheduler = BatchScheduler(make_engine(settings), max_batch=settings.asr.max_batch)
    scheduler.start()
    hub = TranscriptionHub(settings, db, relay, scheduler)
    app.state.db, app.state.event_log, app.state.relay, app.state.transcription = db, event_log, relay, hub
    relay.listeners.append(hub.on_events)
    detector = start_status_detector(settings, db, event_log, relay)
    # End of meeting: meetings left `ended` or `processing` by an earlier run are taken up at once.
    provider = app.state.extraction_provider or make_extraction_provider(settings)
    processor = MeetingProcessor(settings.extraction, db, provider, relay).start()
    hub.ended_listeners.append(processor.submit)
    app.state.processor = processor
    silence = SilenceWatch(hub, db, settings.extraction.silence_timeout_s).start() \
        if settings.extraction.silence_timeout_s > 0 else None
    recovered = await hub.recover()
    if recovered:
        log.info("recovering the audio tail of %d live meeting(s)", recovered)
    try:
        yield
    finally:
        if silence is not None:
            await silence.stop()
        await hub.shutdown()
        if detector is not None:
            await asyncio.to_thread(detector.stop)
        await asyncio.to_thread(processor.stop)
        await scheduler.stop()
        relay.stop()
        event_log.close()
        db.dispose()


def create_app(
    settings: Settings | None = None, *, extraction_provider: ExtractionProvider | None = None
) -> FastAPI:
    """The app; `extraction_provider` replaces the one the settings choose (tests script one)."""
    app = FastAPI(title="VORI", version=__version__, lifespan=lifespan,
                  description="Voice to insight and action: live meeting transcription, tickets and analytics.")
    app.state.settings = settings or get_settings()
    app.state.extraction_provider = extraction_provider
    install_error_handlers(app)
    app.include_router(meetings_router)
    app.include_router(extraction_router)
    app.include_router(minutes_router)
    app.include_router(tickets_router)
    app.include_router(board_router)
    app.include_router(audio_router)

    @app.get("/api/health", tags=["ops"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/asr/stats", tags=["ops"])
    def asr_stats(request: Request) -> dict[str, Any]:
        """Live streams and how the batching scheduler has been sharing model calls."""
        stats: dict[str, Any] = request.app.state.transcription.stats()
        return stats

    mount_web_app(app)  # last: the web app's routes are everything the API does not answer
    return app
