"""The streaming policy of one meeting: when to show a partial, when an utterance becomes final.

Everything here is in samples of meeting audio time (16 kHz). Voice activity detection cuts utterances;
a pause of `end_silence_ms` ends one; a long utterance with no pause is cut at the cap where two successive
decodes agree on the leading timestamped pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from vori.core.settings import AsrSettings
from vori.transcription.audio import SAMPLE_RATE
from vori.transcription.engine import Decoded, TimedText
from vori.transcription.vad import WINDOW, SileroVad, VadTrack


@dataclass(frozen=True)
class Window:
    """A span of audio to decode: [start, end) in samples; speech boundaries for the segment's times."""

    start: int
    end: int
    speech_start: int
    speech_end: int
    final: bool
    # Past the length cap, partials are decoded with timestamps so two decodes can agree on where to cut.
    timestamps: bool = False


@dataclass(frozen=True)
class FinalText:
    start: int
    end: int
    text: str


def _ms(ms: int) -> int:
    return ms * SAMPLE_RATE // 1000


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


class StreamPolicy:
    def __init__(self, vad: SileroVad, settings: AsrSettings, origin: int = 0) -> None:
        self.s = settings
        self.origin = origin  # meeting sample of buffer[0]
        self.committed = origin  # everything before is final or discarded
        self.buffer = np.zeros(0, np.float32)
        self.vad = VadTrack(vad, origin)
        self._last_partial_end = origin
        self._previous: Decoded | None = None  # last decode of the current utterance, for agreement

    @property
    def end(self) -> int:
        return self.origin + len(self.buffer)

    def feed(self, samples: np.ndarray) -> None:
        self.buffer = np.concatenate([self.buffer, samples]) if len(self.buffer) else samples.copy()
        self.vad.feed(samples)

    def clip(self, window: Window) -> np.ndarray:
        return self.buffer[window.start - self.origin : window.end - self.origin]

    def _utterance(self) -> tuple[int, int, int, bool] | None:
        """The first utterance after `committed`: (first speech sample, end of its last speech, speech samples,
        whether a pause of `end_silence_ms` already follows it), by VAD with hysteresis."""
        first_window = max(self.committed // WINDOW, self.vad.origin_window)
        probs = self.vad.probs[first_window - self.vad.origin_window :]
        on, off = self.s.vad_threshold, max(0.05, self.s.vad_threshold - 0.15)
        pause_windows = -(-_ms(self.s.end_silence_ms) // WINDOW)
        speaking = False
        first = last = -1
        count = 0
        for i, p in enumerate(probs):
            speaking = p >= on or (speaking and p >= off)
            if speaking:
                count += 1
                first = i if first < 0 else first
                last = i
            elif first >= 0 and i - last >= pause_windows:
                break
        if first < 0:
            return None
        closed = len(probs) - 1 - last >= pause_windows
        base = first_window * WINDOW
        return max(self.committed, base + first * WINDOW), base + (last + 1) * WINDOW, count * WINDOW, closed

    def next_window(self, flush: bool = False) -> Window | None:
        """What to decode now, if anything. `flush` finalizes whatever speech is pending (stop, end, detach)."""
        end = self.end if flush else min(self.end, self.vad.end_window * WINDOW)
        found = self._utterance()
        if found is None:
            self._advance(max(self.committed, end - _ms(self.s.pad_ms)))
            return None
        first, last, amount, closed = found
        start = max(self.committed, first - _ms(self.s.pad_ms))
        if closed or flush:
            if amount < _ms(self.s.min_speech_ms):
                self._advance(last)
                return None
            stop = min(self.end, last + _ms(self.s.pad_ms))
            return Window(start, stop, first, last, final=True)
        if last - first >= _ms(self.s.hard_max_utterance_ms):
            return Window(start, end, first, last, final=True)
        speaking_now = end - last < _ms(200)
        if speaking_now and end - self._last_partial_end >= _ms(self.s.partial_interval_ms):
            self._last_partial_end = end
            capped = last - first >= _ms(self.s.max_utterance_ms)
            return Window(start, end, first, last, final=False, timestamps=capped)
        return None

    def accept_final(self, window: Window, decoded: Decoded | None) -> FinalText | None:
        """Commit a final window; returns the text to store, or None when it held no real speech."""
        self._advance(window.end)
        if decoded is None or not decoded.is_speech:
            return None
        return FinalText(window.speech_start, window.speech_end, decoded.text)

    def accept_partial(self, window: Window, decoded: Decoded) -> FinalText | None:
        """Past the length cap, commit the leading pieces that two successive decodes agree on."""
        if not window.timestamps:
            return None
        previous, self._previous = self._previous, decoded
        if previous is None:
            return None
        stable = _agreed_prefix(previous.segments, decoded.segments)
        if not stable or stable[-1].end_s <= 0:
            return None
        cut = window.start + int(stable[-1].end_s * SAMPLE_RATE)
        if cut <= window.start or cut >= window.end:
            return None
        self._advance(cut)
        text = " ".join(piece.text for piece in stable).strip()
        return FinalText(window.speech_start, cut, text) if _norm(text) else None

    def _advance(self, sample: int) -> None:
        if sample <= self.committed:
            return
        self.committed = sample
        self._previous = None
        self._last_partial_end = max(self._last_partial_end, sample)
        drop = sample - self.origin
        if drop > 0:
            self.buffer = self.buffer[drop:]
            self.origin = sample
        self.vad.drop_before(sample // WINDOW)


def _agreed_prefix(previous: list[TimedText], current: list[TimedText]) -> list[TimedText]:
    """The leading complete pieces (never the last, still growing one) on which both decodes agree."""
    agreed: list[TimedText] = []
    for before, now in zip(previous, current[:-1], strict=False):
        if _norm(before.text) != _norm(now.text) or now.end_s < 0:
            break
        agreed.append(now)
    return agreed
