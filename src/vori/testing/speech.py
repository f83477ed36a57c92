"""Real speech for tests and benchmarks, spoken by espeak-ng (a Debian package) at test time."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soxr

RATE = 16000


@dataclass(frozen=True)
class Speech:
    """16 kHz mono float32 audio with the text of each spoken sentence and where it lies."""

    audio: np.ndarray
    sentences: list[tuple[str, int, int]]  # text, start ms, end ms

    @property
    def text(self) -> str:
        return " ".join(t for t, _, _ in self.sentences)

    def pcm16(self, rate: int = RATE) -> bytes:
        audio = self.audio if rate == RATE else soxr.resample(self.audio, RATE, rate)
        return (np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes()

    def save_wav(self, path: Path, rate: int = RATE) -> Path:
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(self.pcm16(rate))
        return path


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def say(text: str, voice: str = "en-us", speed: int = 160) -> np.ndarray:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "say.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text], check=True)
        with wave.open(str(path)) as wav:
            rate = wav.getframerate()
            audio = np.frombuffer(wav.readframes(wav.getnframes()), "<i2").astype(np.float32) / 32768
    return soxr.resample(audio, rate, RATE).astype(np.float32) if rate != RATE else audio


def silence(ms: int) -> np.ndarray:
    return np.zeros(RATE * ms // 1000, np.float32)


def conversation(
    sentences: list[str], pause_ms: int = 900, lead_ms: int = 500, voice: str = "en-us", speed: int = 160
) -> Speech:
    """Sentences spoken one after another with pauses between them, as in a meeting."""
    parts = [silence(lead_ms)]
    marks: list[tuple[str, int, int]] = []
    position = len(parts[0])
    for text in sentences:
        audio = say(text, voice, speed)
        marks.append((text, position * 1000 // RATE, (position + len(audio)) * 1000 // RATE))
        parts += [audio, silence(pause_ms)]
        position += len(audio) + len(parts[-1])
    return Speech(np.concatenate(parts), marks)
