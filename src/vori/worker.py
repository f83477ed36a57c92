"""`vori worker`: the consumers of the scaled deployment, each in its own thread, until SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading

from vori.app import make_event_log
from vori.core.db import Database
from vori.core.settings import Settings
from vori.events.consumer import ConsumerRunner, EventHandler, make_source
from vori.events.log import EventLog
from vori.extraction.detector import StatusDetector
from vori.migrations.runner import upgrade_to_head
from vori.transcription.consumers import SegmentWriter

log = logging.getLogger(__name__)


def build_runners(settings: Settings, db: Database, event_log: EventLog) -> list[ConsumerRunner]:
    """The scaled pipeline's consumers: segments are stored, and read for status moves, here."""
    handlers: list[EventHandler] = [SegmentWriter()]
    if settings.extraction.live_status:
        handlers.append(StatusDetector(settings.extraction))
    return [ConsumerRunner(db, make_source(settings, event_log, db, h), h, event_log) for h in handlers]


def run_worker(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(settings.resolved_database_url)
    db = Database(settings.resolved_database_url)
    event_log = make_event_log(settings)
    runners = build_runners(settings, db, event_log)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    threads = [threading.Thread(target=r.run, name=r.handler.group, daemon=True) for r in runners]
    for thread in threads:
        thread.start()
    log.info("worker running: %s", ", ".join(r.handler.group for r in runners))
    print("worker ready", flush=True)
    stop.wait()
    for runner in runners:
        runner.stop_event.set()
    for thread in threads:
        thread.join(timeout=10)
    event_log.close()
    db.dispose()
