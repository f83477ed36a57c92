"""Meeting audio on disk: 16 kHz mono PCM16, appended as it arrives and fsynced at least every flush interval.

A meeting's audio time is the sample position in its file, so `startMs`/`endMs` of every segment point into it.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import soxr

SAMPLE_RATE = 16000
BYTES_PER_SAMPLE = 2


def samples_to_ms(samples: int) -> int:
    return samples * 1000 // SAMPLE_RATE


def ms_to_samples(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def pcm16_to_float(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0


def float_to_pcm16(samples: np.ndarray) -> bytes:
    return (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()


class Resampler:
    """Converts a client's declared rate to 16 kHz, keeping filter state across frames."""

    def __init__(self, in_rate: int) -> None:
        self.in_rate = in_rate
        self._stream = None if in_rate == SAMPLE_RATE else soxr.ResampleStream(in_rate, SAMPLE_RATE, 1, "float32")

    def process(self, samples: np.ndarray, last: bool = False) -> np.ndarray:
        if self._stream is None:
            return samples
        return self._stream.resample_chunk(samples, last=last)


class AudioStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def path(self, meeting_id: str) -> Path:
        return self.directory / f"{meeting_id}.pcm"

    def durable_samples(self, meeting_id: str) -> int:
        path = self.path(meeting_id)
        return path.stat().st_size // BYTES_PER_SAMPLE if path.exists() else 0

    def read(self, meeting_id: str, start: int, end: int | None = None) -> np.ndarray:
        path = self.path(meeting_id)
        if not path.exists():
            return np.zeros(0, np.float32)
        with path.open("rb") as fh:
            fh.seek(start * BYTES_PER_SAMPLE)
            count = -1 if end is None else max(0, end - start) * BYTES_PER_SAMPLE
            return pcm16_to_float(fh.read(count))

    def open_writer(self, meeting_id: str) -> AudioWriter:
        return AudioWriter(self.path(meeting_id))


class AudioWriter:
    """Appends PCM16; `flush()` makes everything written so far durable and returns the durable sample count."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size % BYTES_PER_SAMPLE:
            # A torn half-sample from a crash was never acknowledged: drop it.
            with path.open("r+b") as fh:
                fh.truncate(path.stat().st_size - 1)
        self._fh = path.open("ab")
        self.durable = path.stat().st_size // BYTES_PER_SAMPLE
        self.written = self.durable

    def write(self, samples: np.ndarray) -> None:
        self._fh.write(float_to_pcm16(samples))
        self.written += len(samples)

    @property
    def dirty(self) -> bool:
        return self.written > self.durable

    def flush(self) -> int:
        target = self.written
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.durable = target
        return target

    def close(self) -> None:
        if not self._fh.closed:
            self.flush()
            self._fh.close()
