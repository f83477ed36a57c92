"""Voice activity detection for live streams with the Silero VAD model that ships with faster-whisper."""

from __future__ import annotations

import os
import threading

import numpy as np

WINDOW = 512  # samples at 16 kHz: 32 ms
CONTEXT = 64


class SileroVad:
    """One ONNX session shared by every stream; each stream keeps its own recurrent state in a `VadTrack`."""

    def __init__(self) -> None:
        import onnxruntime
        from faster_whisper.utils import get_assets_path

        opts = onnxruntime.SessionOptions()
        opts.inter_op_num_threads = 1
        opts.intra_op_num_threads = 1
        opts.log_severity_level = 4
        path = os.path.join(get_assets_path(), "silero_vad_v6.onnx")
        self._session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"], sess_options=opts)
        self._lock = threading.Lock()

    def probabilities(
        self, windows: np.ndarray, context: np.ndarray, state: tuple[np.ndarray, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """Speech probability of each 512-sample row of `windows`, given the 64 samples before the first."""
        prev = np.concatenate([context[None, :], windows[:-1, -CONTEXT:]], axis=0)
        batch = np.concatenate([prev, windows], axis=1).astype(np.float32)
        h, c = state
        with self._lock:
            out, h, c = self._session.run(None, {"input": batch, "h": h, "c": c})
        return np.asarray(out).reshape(-1), windows[-1, -CONTEXT:].copy(), (h, c)


class VadTrack:
    """Speech probabilities of one stream, one per 32 ms window, indexed from `origin_window`."""

    def __init__(self, vad: SileroVad, origin_sample: int = 0) -> None:
        self.vad = vad
        self.origin_window = origin_sample // WINDOW
        self._pending = np.zeros((origin_sample % WINDOW), np.float32)
        self._context = np.zeros(CONTEXT, np.float32)
        self._state = (np.zeros((1, 1, 128), np.float32), np.zeros((1, 1, 128), np.float32))
        self.probs = np.zeros(0, np.float32)

    def feed(self, samples: np.ndarray) -> None:
        data = np.concatenate([self._pending, samples]) if len(self._pending) else samples
        whole = len(data) // WINDOW * WINDOW
        self._pending = data[whole:].copy()
        if whole:
            windows = data[:whole].reshape(-1, WINDOW)
            probs, self._context, self._state = self.vad.probabilities(windows, self._context, self._state)
            self.probs = np.concatenate([self.probs, probs])

    @property
    def end_window(self) -> int:
        return self.origin_window + len(self.probs)

    def drop_before(self, window: int) -> None:
        """Forget probabilities before `window` (audio already committed)."""
        cut = max(0, min(window - self.origin_window, len(self.probs)))
        if cut:
            self.probs = self.probs[cut:]
            self.origin_window += cut
