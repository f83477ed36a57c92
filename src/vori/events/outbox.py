"""Transactional outbox: an event row commits with the rows it describes; a relay publishes it afterwards."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from vori.core.db import Database, utcnow
from vori.events.log import Event, EventLog
from vori.events.models import OutboxEvent

log = logging.getLogger(__name__)


def add_event(session: Session, topic: str, key: str, event_type: str, payload: dict[str, Any]) -> OutboxEvent:
    """Stage an event in the caller's transaction; it is published only if that transaction commits."""
    row = OutboxEvent(topic=topic, key=key, event_type=event_type, payload=payload)
    session.add(row)
    return row


def to_event(row: Any) -> Event:
    """An outbox row (or a selected row of its columns) as an event with its headers."""
    headers = {
        "eventId": row.event_id,
        "eventType": row.event_type,
        "schemaVersion": str(row.schema_version),
    }
    return Event(row.topic, row.key, row.payload, headers)


class OutboxRelay:
    """Publishes pending outbox rows in commit order and marks them sent; resumes after any crash."""

    def __init__(self, db: Database, event_log: EventLog, batch_size: int = 500, idle_s: float = 0.2) -> None:
        self.db = db
        self.event_log = event_log
        self.batch_size = batch_size
        self.idle_s = idle_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._relaying = threading.Lock()  # one relay pass at a time in this process
        # Called (on the relay thread) with each batch once it is durable in the log: live pushes hang here.
        self.listeners: list[Callable[[list[Event]], None]] = []

    def notify(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="outbox-relay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.relay_pending()

    def relay_pending(self) -> int:
        """Publish everything pending now; returns how many events were published."""
        total = 0
        with self._relaying:
            while True:
                batch = self._relay_batch()
                if not batch:
                    return total
                total += batch

    def _relay_batch(self) -> int:
        columns = (OutboxEvent.position, OutboxEvent.event_id, OutboxEvent.topic, OutboxEvent.key,
                   OutboxEvent.event_type, OutboxEvent.schema_version, OutboxEvent.payload)
        with self.db.session() as session:
            query = (
                select(*columns)
                .where(OutboxEvent.published_at.is_(None))
                .order_by(OutboxEvent.position)
                .limit(self.batch_size)
            )
            if self.db.engine.dialect.name == "postgresql":
                # Several relays (one per server) never publish the same rows at once.
                query = query.with_for_update(skip_locked=True)
            rows = session.execute(query).all()
            if not rows:
                return 0
            # Publish first, then mark: a crash in between republishes (at-least-once, deduped by eventId).
            events = [to_event(row) for row in rows]
            self.event_log.publish(events)
            positions = [row.position for row in rows]
            session.execute(update(OutboxEvent).where(OutboxEvent.position.in_(positions))
                            .values(published_at=utcnow()))
        for listener in self.listeners:
            try:
                listener(events)
            except Exception:  # a live push failing must not stop the relay
                log.exception("outbox listener failed")
        return len(rows)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.idle_s)
            self._wake.clear()
            try:
                self.relay_pending()
            except Exception:  # the log may be down; the rows stay pending and are retried
                log.exception("outbox relay failed; retrying")
                self._stop.wait(1.0)
