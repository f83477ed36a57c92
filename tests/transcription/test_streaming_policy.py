"""The streaming policy with the real Silero VAD on real speech; decoding is replaced by what the test says."""

from __future__ import annotations

import numpy as np
import pytest

from vori.core.settings import AsrSettings
from vori.testing.speech import Speech, conversation, silence
from vori.transcription.engine import Decoded, TimedText
from vori.transcription.streaming import StreamPolicy, Window
from vori.transcription.vad import SileroVad

CHUNK = 1600  # 100 ms


@pytest.fixture(scope="module")
def vad() -> SileroVad:
    return SileroVad()


def play(policy: StreamPolicy, audio: np.ndarray, stop: bool = True) -> list[tuple[Window, int]]:
    """Feed audio in 100 ms chunks like a live client; returns each window asked for and when (sample)."""
    asked: list[tuple[Window, int]] = []
    for offset in range(0, len(audio), CHUNK):
        policy.feed(audio[offset : offset + CHUNK])
        while (window := policy.next_window()) is not None:
            asked.append((window, policy.end))
            if window.final:
                policy.accept_final(window, Decoded("words"))
            else:
                policy.accept_partial(window, Decoded("words", [TimedText(0, -1, "words")]))
                break
    while stop and (window := policy.next_window(flush=True)) is not None:
        asked.append((window, policy.end))
        policy.accept_final(window, Decoded("words"))
    return asked


def test_one_final_per_sentence_at_the_pause(vad: SileroVad) -> None:
    speech = conversation(["The login page is finished.", "I will start on the payment service.",
                           "The backup runs at midnight."], pause_ms=1000)
    asked = play(StreamPolicy(vad, AsrSettings()), speech.audio)
    finals = [(w, at) for w, at in asked if w.final]
    assert len(finals) == 3
    for (window, at), (_, start_ms, end_ms) in zip(finals, speech.sentences, strict=True):
        assert abs(window.speech_start / 16 - start_ms) < 250
        assert window.speech_end / 16 <= end_ms + 100
        # Final once the pause is long enough, not later than 800 ms after the speech ended.
        assert 0 < (at - window.speech_end) / 16 <= 800
    # Partials came while each sentence was spoken, and none after its final.
    partials = [w for w, _ in asked if not w.final]
    assert partials and all(any(f.speech_start <= p.speech_start < f.end for f, _ in finals) for p in partials)


def test_silence_and_quiet_noise_ask_for_nothing(vad: SileroVad) -> None:
    rng = np.random.default_rng(3)
    audio = np.concatenate([silence(2000), rng.normal(0, 0.002, 16000 * 4).astype(np.float32)])
    policy = StreamPolicy(vad, AsrSettings())
    assert play(policy, audio) == []
    assert len(policy.buffer) < 16000  # silence does not pile up in memory


def test_flush_finalizes_speech_still_in_progress(vad: SileroVad) -> None:
    speech = conversation(["We are blocked on the database migration."], pause_ms=0, lead_ms=300)
    cut = len(speech.audio) * 2 // 3
    asked = play(StreamPolicy(vad, AsrSettings()), speech.audio[:cut])
    finals = [w for w, _ in asked if w.final]
    assert len(finals) == 1 and finals[0].end == cut


def test_long_speech_without_pause_is_cut_where_two_decodes_agree(vad: SileroVad) -> None:
    settings = AsrSettings(max_utterance_ms=3000)
    speech = conversation(["one two three four five six seven eight nine ten eleven twelve"], pause_ms=0)
    policy = StreamPolicy(vad, settings)
    policy.feed(speech.audio[: 16000 * 4])
    window = Window(policy.committed, policy.end, speech.sentences[0][1] * 16, policy.end - 100, final=False,
                    timestamps=True)
    first = Decoded("one two three four", [TimedText(0.0, 1.2, "one two"), TimedText(1.2, -1, "three four")])
    assert policy.accept_partial(window, first) is None  # nothing to agree with yet
    second = Decoded("One two, three four five", [TimedText(0.0, 1.2, "One two,"), TimedText(1.2, -1, "three")])
    final = policy.accept_partial(window, second)
    assert final is not None and final.text == "One two,"
    assert final.end == window.start + int(1.2 * 16000) == policy.committed


def test_disagreeing_decodes_commit_nothing(vad: SileroVad) -> None:
    policy = StreamPolicy(vad, AsrSettings(max_utterance_ms=1000))
    policy.feed(np.zeros(16000 * 3, np.float32))
    window = Window(0, 48000, 0, 40000, final=False, timestamps=True)
    policy.accept_partial(window, Decoded("a", [TimedText(0, 1, "one two"), TimedText(1, -1, "x")]))
    assert policy.accept_partial(window, Decoded("b", [TimedText(0, 1, "won too"), TimedText(1, -1, "x")])) is None
    assert policy.committed == 0


def test_noise_decoded_as_filler_is_not_stored(vad: SileroVad) -> None:
    policy = StreamPolicy(vad, AsrSettings())
    policy.feed(np.zeros(16000, np.float32))
    window = Window(0, 16000, 0, 16000, final=True)
    assert policy.accept_final(window, Decoded(" .", no_speech_prob=0.97, avg_logprob=-2.8)) is None
    assert policy.accept_final(window, Decoded("Thank you.", no_speech_prob=0.8, avg_logprob=-1.2)) is None
    assert policy.committed == 16000


def test_resumed_origin_keeps_meeting_time(vad: SileroVad) -> None:
    speech = conversation(["The login page is finished."], pause_ms=1000)
    origin = 16000 * 60
    asked = play(StreamPolicy(vad, AsrSettings(), origin=origin), speech.audio)
    final = next(w for w, _ in asked if w.final)
    assert abs((final.speech_start - origin) / 16 - speech.sentences[0][1]) < 250


def test_speech_object_round_trips_pcm() -> None:
    speech = Speech(np.array([0.0, 0.5, -0.5], np.float32), [])
    assert len(speech.pcm16()) == 6
