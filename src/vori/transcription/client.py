"""A Python client for the audio WebSocket (docs/protocol.md), used by tests, benchmarks and `vori stream`."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import websockets


@dataclass
class ReceivedFrame:
    at: float  # time.perf_counter() when it arrived
    frame: dict[str, Any]


@dataclass
class StreamRun:
    frames: list[ReceivedFrame] = field(default_factory=list)
    sent_at: list[tuple[int, float]] = field(default_factory=list)  # (audio ms sent so far, when)
    close_code: int | None = None
    ready: dict[str, Any] | None = None

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [f.frame for f in self.frames if f.frame.get("type") == kind]

    @property
    def text(self) -> str:
        return " ".join(f["text"] for f in self.of("final"))

    def sent_time(self, audio_ms: int) -> float | None:
        """When the audio at `audio_ms` (of this connection's audio) had been sent."""
        for sent_ms, at in self.sent_at:
            if sent_ms >= audio_ms:
                return at
        return None

    @property
    def last_ack_ms(self) -> int:
        acks = [f["durableMs"] for f in self.of("ack")]
        return max(acks) if acks else (self.ready or {}).get("durableMs", 0)


async def stream_audio(
    url: str, pcm: bytes, *, sample_rate: int = 16000, language: str = "en", chunk_ms: int = 100,
    realtime: bool = True, resume_from_ms: int | None = None, stop: bool = True,
    stop_after_ms: int | None = None, linger_s: float = 0.0, open_timeout: float = 10.0,
) -> StreamRun:
    """Stream PCM16 audio; returns every frame received with its arrival time."""
    run = StreamRun()
    start: dict[str, Any] = {"type": "start", "sampleRate": sample_rate, "encoding": "pcm_s16le",
                             "channels": 1, "language": language}
    if resume_from_ms is not None:
        start["resumeFromMs"] = resume_from_ms
    bytes_per_ms = sample_rate * 2 // 1000
    chunk = chunk_ms * bytes_per_ms
    limit = len(pcm) if stop_after_ms is None else min(len(pcm), stop_after_ms * bytes_per_ms)
    async with websockets.connect(url, max_size=None, open_timeout=open_timeout) as ws:
        await ws.send(json.dumps(start))
        run.ready = json.loads(await ws.recv())
        run.frames.append(ReceivedFrame(time.perf_counter(), run.ready))
        receiver = asyncio.create_task(_receive(ws, run))
        began = time.perf_counter()
        for offset in range(0, limit, chunk):
            piece = pcm[offset : min(offset + chunk, limit)]
            if realtime:
                due = began + offset / bytes_per_ms / 1000
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            await ws.send(piece)
            run.sent_at.append(((offset + len(piece)) // bytes_per_ms, time.perf_counter()))
        if linger_s:
            await asyncio.sleep(linger_s)
        if not stop:
            # Leave only once the server has acknowledged everything sent as durable.
            target = (run.ready or {}).get("durableMs", 0) + limit // bytes_per_ms
            deadline = time.perf_counter() + 10
            while run.last_ack_ms < target and time.perf_counter() < deadline:
                await asyncio.sleep(0.02)
        if stop:
            await ws.send(json.dumps({"type": "stop"}))
            await asyncio.wait_for(receiver, timeout=120)
        else:
            receiver.cancel()
    run.close_code = ws.close_code
    return run


async def _receive(ws: Any, run: StreamRun) -> None:
    try:
        async for message in ws:
            if isinstance(message, str):
                run.frames.append(ReceivedFrame(time.perf_counter(), json.loads(message)))
    except websockets.ConnectionClosed:
        pass
