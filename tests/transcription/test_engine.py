"""The Whisper engine on real speech: packaged model, short encoder contexts, batches of different clips."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vori.testing.speech import say
from vori.transcription.engine import Decoded, WhisperEngine, resolve_model


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> WhisperEngine:
    return WhisperEngine("tiny.en", tmp_path_factory.mktemp("models"))


def test_packaged_model_resolves_without_network(tmp_path: Path) -> None:
    path = Path(resolve_model("tiny.en", tmp_path))
    assert (path / "model.bin").exists()
    assert resolve_model(str(path), tmp_path) == str(path)


def test_a_batch_decodes_each_clip_on_its_own(engine: WhisperEngine) -> None:
    clips = [say("The login page is finished."), say("Call the support team about the invoice."),
             np.zeros(16000, np.float32), say("Deploy the new build on Monday morning.")]
    results = engine.decode_batch(clips, ["en"] * 4)
    texts = [r.text.lower() for r in results]
    assert "login page" in texts[0]
    assert "support team" in texts[1] and "invoice" in texts[1]
    assert not results[2].is_speech
    assert "monday" in texts[3]


def test_context_is_padded_to_the_longest_clip_not_to_30_seconds(engine: WhisperEngine) -> None:
    assert engine.context_seconds(16000 * 2) == 8
    assert engine.context_seconds(16000 * 11) == 12
    assert engine.context_seconds(16000 * 45) == 30


@pytest.mark.parametrize(
    ("decoded", "speech"),
    [
        (Decoded("The login page is done.", no_speech_prob=0.01, avg_logprob=-0.3), True),
        (Decoded(" .", no_speech_prob=0.97, avg_logprob=-2.8), False),
        (Decoded("...", no_speech_prob=0.1, avg_logprob=-0.2), False),
        (Decoded("Thank you.", no_speech_prob=0.7, avg_logprob=-1.1), False),
        (Decoded("garbled", no_speech_prob=0.1, avg_logprob=-2.5), False),
    ],
)
def test_what_counts_as_speech(decoded: Decoded, speech: bool) -> None:
    assert decoded.is_speech is speech


@pytest.mark.parametrize(
    ("looping", "clean"),
    [
        ("The login page is done. " * 6, "The login page is done."),
        ("We ship it. We ship it. We ship it today.", "We ship it. We ship it. We ship it today."),
        ("no no no no", "no no no no"),
        ("Hello. The login page is done. The login page is done. The login page is done. Bye.",
         "Hello. The login page is done. Bye."),
    ],
)
def test_whisper_loops_are_collapsed(looping: str, clean: str) -> None:
    from vori.transcription.engine import collapse_repeats

    assert collapse_repeats(looping.strip()) == clean


def test_timestamped_decode_of_a_long_clip(engine: WhisperEngine) -> None:
    clip = np.concatenate([say("The login page is finished."), np.zeros(8000, np.float32),
                           say("Deploy the new build on Monday morning.")])
    result = engine.decode_batch([clip], ["en"], timestamps=True)[0]
    assert len(result.segments) >= 1 and "login" in result.text.lower()
    ends = [s.end_s for s in result.segments if s.end_s >= 0]
    assert ends == sorted(ends) and all(e <= len(clip) / 16000 + 0.3 for e in ends)
