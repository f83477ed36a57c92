"""Event backbone benchmark: outbox → event log → `vori worker` → transcript_segments.

Two figures per backbone (Kafka + PostgreSQL, and the embedded log + SQLite):
- throughput: N events committed to the outbox up front, then the relay (in this process, as in
  `vori serve`) and a `vori worker` process drain them; events/s until the last row is stored;
- latency at a steady rate: one event committed every 1/rate s; from each commit to its row being visible.

Needs `scripts/services up` for the Kafka run. `python bench/events_bench.py --help`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from vori.app import make_event_log
from vori.core.db import Database, utcnow
from vori.core.settings import Settings
from vori.events.outbox import OutboxRelay, add_event
from vori.groups.service import ensure_local_group
from vori.meetings.models import Meeting, TranscriptSegment
from vori.migrations.runner import upgrade_to_head
from vori.testing.databases import create_database


def payload(meeting: Meeting, seq: int) -> dict[str, Any]:
    return {"meetingId": meeting.id, "groupId": meeting.group_id, "segmentId": str(uuid.uuid4()), "seq": seq,
            "text": f"The login page is finished, segment {seq}.", "startMs": seq * 1000,
            "endMs": seq * 1000 + 800, "speaker": None, "language": "en", "createdAt": utcnow().isoformat()}


class Deployment:
    def __init__(self, backbone: str, pg_base: str | None, kafka: str | None) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="vori-events-bench-")
        env = {"VORI_DATA_DIR": self.tmp.name, "VORI_SEGMENTS": "worker", "VORI_LOG_LEVEL": "warning"}
        if backbone == "kafka":
            assert pg_base and kafka, "the Kafka run needs scripts/services up (VORI_TEST_* variables)"
            env.update(VORI_DATABASE_URL=create_database(pg_base, "vori_bench"), VORI_EVENT_LOG="kafka",
                       VORI_KAFKA_BOOTSTRAP=kafka, VORI_TOPIC_PREFIX=f"bench{uuid.uuid4().hex[:6]}.")
        self.env = env
        os.environ.update(env)
        self.settings = Settings()
        upgrade_to_head(self.settings.resolved_database_url)
        self.db = Database(self.settings.resolved_database_url)
        self.event_log = make_event_log(self.settings)
        self.relay = OutboxRelay(self.db, self.event_log, batch_size=1000)
        with self.db.session() as session:
            self.meeting = Meeting(group_id=ensure_local_group(session).id, title="bench", language="en")
            session.add(self.meeting)
        log = Path(self.tmp.name) / "worker.log"
        self.worker = subprocess.Popen([sys.executable, "-m", "vori.cli", "worker"], env={**os.environ, **env},
                                       stdout=log.open("wb"), stderr=subprocess.STDOUT)
        while b"worker ready" not in log.read_bytes():
            time.sleep(0.05)
        # Warm up: the topic exists and the worker holds its partitions before anything is timed.
        self.commit(range(1, 2))
        self.relay.relay_pending()
        while self.stored() < 1:
            time.sleep(0.05)

    def stored(self) -> int:
        with self.db.session() as session:
            query = select(func.count()).select_from(TranscriptSegment)
            return int(session.scalar(query.where(TranscriptSegment.meeting_id == self.meeting.id)) or 0)

    def commit(self, seqs: range) -> None:
        with self.db.session() as session:
            for seq in seqs:
                add_event(session, "transcription.completed", self.meeting.id, "transcription.completed",
                          payload(self.meeting, seq))

    def close(self) -> None:
        self.relay.stop()
        self.worker.send_signal(signal.SIGTERM)
        self.worker.wait(30)
        self.event_log.close()
        self.db.dispose()
        self.tmp.cleanup()


def throughput(deployment: Deployment, n: int) -> dict[str, float]:
    for start in range(2, n + 2, 1000):
        deployment.commit(range(start, min(n + 1, start + 999) + 1))
    began = time.perf_counter()
    deployment.relay.start()
    deployment.relay.notify()
    while deployment.stored() < n + 1:
        time.sleep(0.01)
    elapsed = time.perf_counter() - began
    return {"events": n, "seconds": round(elapsed, 2), "eventsPerSecond": round(n / elapsed)}


def latency(deployment: Deployment, rate: float, seconds: float) -> dict[str, float]:
    offset = deployment.stored()
    committed: dict[int, float] = {}
    seen: dict[int, float] = {}
    total = int(rate * seconds)
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            count = deployment.stored() - offset
            now = time.perf_counter()
            for seq in range(len(seen) + 1, count + 1):
                seen[seq] = now
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    began = time.perf_counter()
    for i in range(1, total + 1):
        time.sleep(max(0.0, began + i / rate - time.perf_counter()))
        deployment.commit(range(offset + i, offset + i + 1))
        committed[i] = time.perf_counter()
        deployment.relay.notify()
    deadline = time.perf_counter() + 30
    while len(seen) < total and time.perf_counter() < deadline:
        time.sleep(0.01)
    done.set()
    watcher.join()
    lat = sorted((seen[i] - committed[i]) * 1000 for i in seen)
    return {"events": total, "p50ms": round(statistics.median(lat), 1),
            "p95ms": round(lat[int(0.95 * (len(lat) - 1))], 1), "maxms": round(lat[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbones", default="kafka,embedded")
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--out", default="bench/results/events.json")
    args = parser.parse_args()
    pg, kafka = os.environ.get("VORI_TEST_DATABASE_URL"), os.environ.get("VORI_TEST_KAFKA_BOOTSTRAP")
    results = {}
    for backbone in args.backbones.split(","):
        deployment = Deployment(backbone, pg, kafka)
        try:
            tp = throughput(deployment, args.events)
            lt = latency(deployment, args.rate, args.seconds)
        finally:
            deployment.close()
        results[backbone] = {"throughput": tp, "latency": lt}
        print(f"{backbone:9s} throughput {tp['eventsPerSecond']:>7} events/s ({tp['events']} in {tp['seconds']} s); "
              f"at {args.rate:.0f}/s commit→row p50 {lt['p50ms']} ms p95 {lt['p95ms']} ms max {lt['maxms']} ms",
              flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
