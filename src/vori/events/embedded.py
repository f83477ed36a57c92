"""An event log kept in files under the data directory: one append-only JSON-lines file per topic."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import IO

from vori.events.log import Event, LoggedEvent


class EmbeddedEventLog:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._files: dict[str, IO[bytes]] = {}
        self._next_offset: dict[str, int] = {}
        self._read_marks: dict[str, tuple[int, int]] = {}  # topic -> (offset, byte position) of the last read

    def _path(self, topic: str) -> Path:
        if not topic or "/" in topic or topic.startswith("."):
            raise ValueError(f"invalid topic name {topic!r}")
        return self.directory / f"{topic}.jsonl"

    def _open(self, topic: str) -> IO[bytes]:
        handle = self._files.get(topic)
        if handle is None:
            path = self._path(topic)
            count = 0
            if path.exists():
                with path.open("rb") as existing:
                    count = sum(1 for line in existing if line.endswith(b"\n"))
                self._truncate_torn_tail(path)
            handle = path.open("ab")
            self._files[topic] = handle
            self._next_offset[topic] = count
        return handle

    @staticmethod
    def _truncate_torn_tail(path: Path) -> None:
        # A crash mid-append can leave a line without its newline; it was never acknowledged.
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            with path.open("r+b") as fh:
                fh.truncate(data.rfind(b"\n") + 1)

    def publish(self, events: list[Event]) -> None:
        with self._lock:
            touched: set[str] = set()
            now_ms = int(time.time() * 1000)
            for event in events:
                handle = self._open(event.topic)
                offset = self._next_offset[event.topic]
                record = {
                    "offset": offset,
                    "timestamp": now_ms,
                    "key": event.key,
                    "headers": event.headers,
                    "value": event.value,
                }
                handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n")
                self._next_offset[event.topic] = offset + 1
                touched.add(event.topic)
            for topic in touched:
                handle = self._files[topic]
                handle.flush()
                os.fsync(handle.fileno())

    def read(self, topic: str, offset: int, max_events: int = 1000) -> list[LoggedEvent]:
        path = self._path(topic)
        if not path.exists():
            return []
        out: list[LoggedEvent] = []
        mark_offset, mark_position = self._read_marks.get(topic, (0, 0))
        if offset < mark_offset:
            mark_offset, mark_position = 0, 0
        with path.open("rb") as fh:
            # Consumers read forward: start where the last read ended instead of at the top of the file.
            fh.seek(mark_position)
            index = mark_offset
            while len(out) < max_events:
                line = fh.readline()
                if not line.endswith(b"\n"):
                    break
                if index >= offset:
                    rec = json.loads(line)
                    event = Event(topic, rec["key"], rec["value"], rec.get("headers") or {})
                    out.append(LoggedEvent(rec["offset"], event, rec["timestamp"]))
                index += 1
                mark_offset, mark_position = index, fh.tell()
        self._read_marks[topic] = (mark_offset, mark_position)
        return out

    def close(self) -> None:
        with self._lock:
            for handle in self._files.values():
                handle.close()
            self._files.clear()
