"""One ASR scheduler for the whole process: the pending windows of all live streams share model calls.

Finals go before partials; each stream has at most one partial waiting (a newer one replaces it). The model
runs on one worker thread, so while it is busy, requests pile up and the next call takes them all at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from vori.transcription.engine import Decoded, SpeechEngine

log = logging.getLogger(__name__)


@dataclass
class _Request:
    audio: np.ndarray
    language: str
    future: asyncio.Future[Decoded | None]
    final: bool
    timestamps: bool = False
    previous: str = ""
    enqueued: float = field(default_factory=time.perf_counter)


@dataclass
class SchedulerStats:
    calls: int = 0
    clips: int = 0
    busy_s: float = 0.0
    replaced_partials: int = 0

    def as_dict(self) -> dict[str, float]:
        return {
            "calls": self.calls, "clips": self.clips, "busySeconds": round(self.busy_s, 3),
            "meanBatch": round(self.clips / self.calls, 2) if self.calls else 0.0,
            "replacedPartials": self.replaced_partials,
        }


class BatchScheduler:
    def __init__(self, engine: SpeechEngine, max_batch: int = 8) -> None:
        self.engine = engine
        self.max_batch = max(1, max_batch)
        self.stats = SchedulerStats()
        self._finals: list[_Request] = []
        self._partials: dict[object, _Request] = {}
        self._wake = asyncio.Event()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asr")
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="asr-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        for req in [*self._finals, *self._partials.values()]:
            if not req.future.done():
                req.future.set_result(None)
        self._executor.shutdown(wait=True)

    async def transcribe(
        self, audio: np.ndarray, language: str, *, final: bool, stream: object, timestamps: bool = False,
        previous: str = "",
    ) -> Decoded | None:
        """Decode one clip. A partial returns None when a newer partial of the same stream replaced it."""
        loop = asyncio.get_running_loop()
        req = _Request(audio, language, loop.create_future(), final, timestamps, previous)
        if final:
            self._finals.append(req)
        else:
            old = self._partials.pop(stream, None)
            if old is not None and not old.future.done():
                old.future.set_result(None)
                self.stats.replaced_partials += 1
            self._partials[stream] = req
        self._wake.set()
        return await req.future

    def _take_batch(self) -> list[_Request]:
        """Finals alone while any wait (a final never queues behind a crowd of partials), else partials; one
        model call decodes clips of one kind and mode (with or without timestamps)."""
        waiting = [*self._finals] or [*self._partials.values()]
        mode = waiting[0].timestamps
        batch = [req for req in waiting if req.timestamps == mode][: self.max_batch]
        taken = {id(req) for req in batch}
        self._finals = [req for req in self._finals if id(req) not in taken]
        self._partials = {k: req for k, req in self._partials.items() if id(req) not in taken}
        return [req for req in batch if not req.future.done()]

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._finals or self._partials:
                batch = self._take_batch()
                if not batch:
                    continue
                started = time.perf_counter()
                try:
                    results = await loop.run_in_executor(
                        self._executor, self.engine.decode_batch,
                        [r.audio for r in batch], [r.language for r in batch], batch[0].timestamps,
                        [r.previous for r in batch], batch[0].final,
                    )
                except Exception as exc:  # a failing decode must not stop the scheduler for everyone
                    log.exception("ASR batch of %d failed", len(batch))
                    for req in batch:
                        if not req.future.done():
                            req.future.set_exception(exc)
                    continue
                self.stats.calls += 1
                self.stats.clips += len(batch)
                self.stats.busy_s += time.perf_counter() - started
                for req, result in zip(batch, results, strict=True):
                    if not req.future.done():
                        req.future.set_result(result)
