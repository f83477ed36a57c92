"""The audio WebSocket against a real server, the real Whisper model and real (espeak-ng) speech."""

from __future__ import annotations

import asyncio
import itertools
import json
import re

import numpy as np
import pytest

from vori.testing.speech import Speech, silence
from vori.transcription.client import stream_audio


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def test_speech_comes_back_as_partials_then_finals(server, standup: Speech) -> None:
    meeting = server.create_meeting()
    result = run(stream_audio(server.ws_url(meeting), standup.pcm16()))

    assert result.close_code == 1000
    kinds = [f.frame["type"] for f in result.frames]
    assert kinds[0] == "ready" and kinds[-1] == "stopped"
    finals = result.of("final")
    assert [f["seq"] for f in finals] == list(range(1, len(finals) + 1))
    said = words(result.text)
    for word in ["login", "page", "finished", "payment", "service", "tomorrow", "design", "document", "friday"]:
        assert word in said, f"{word!r} missing from {result.text!r}"
    # Partials show words while the first sentence is still being spoken, before its final.
    first_final = kinds.index("final")
    assert "partial" in kinds[:first_final]
    # Segment times point into the meeting audio, in order.
    assert all(f["startMs"] < f["endMs"] for f in finals)
    assert all(a["endMs"] <= b["startMs"] for a, b in itertools.pairwise(finals))
    assert finals[0]["startMs"] <= standup.sentences[0][1] + 300
    # Acks arrive while audio flows, and at the end everything sent is durable.
    assert len(result.of("ack")) >= 5
    assert result.of("stopped")[0]["durableMs"] >= len(standup.audio) * 1000 // 16000 - 1

    transcript = server.transcript(meeting)
    assert [s["text"] for s in transcript["segments"]] == [f["text"] for f in finals]
    assert [s["segmentId"] for s in transcript["segments"]] == [f["segmentId"] for f in finals]


def test_every_final_is_published_as_transcription_completed(server, standup: Speech) -> None:
    meeting = server.create_meeting()
    result = run(stream_audio(server.ws_url(meeting), standup.pcm16(), realtime=False))
    finals = {f["segmentId"]: f for f in result.of("final")}
    assert finals

    log_file = server.data_dir / "events" / "transcription.completed.jsonl"
    published: dict[str, dict] = {}
    for _ in range(50):
        records = [json.loads(line) for line in log_file.read_text().splitlines()]
        published = {r["value"]["segmentId"]: r for r in records if r["value"]["meetingId"] == meeting}
        if set(published) >= set(finals):
            break
        asyncio.run(asyncio.sleep(0.1))
    assert set(published) == set(finals)
    record = published[next(iter(finals))]
    assert record["key"] == meeting
    assert set(record["value"]) == {"meetingId", "groupId", "segmentId", "seq", "text", "startMs", "endMs",
                                    "speaker", "language", "createdAt"}
    assert record["headers"]["eventType"] == "transcription.completed"
    assert record["value"]["text"] == finals[record["value"]["segmentId"]]["text"]


def test_silence_and_noise_give_no_text(server) -> None:
    meeting = server.create_meeting()
    rng = np.random.default_rng(7)
    audio = np.concatenate([silence(3000), rng.normal(0, 0.003, 16000 * 3).astype(np.float32), silence(2000)])
    result = run(stream_audio(server.ws_url(meeting), Speech(audio, []).pcm16()))
    assert result.close_code == 1000
    assert result.of("final") == [] and result.of("partial") == []
    assert server.transcript(meeting)["segments"] == []


@pytest.mark.parametrize("rate", [8000, 44100])
def test_other_sample_rates_are_resampled(server, standup: Speech, rate: int) -> None:
    meeting = server.create_meeting()
    result = run(stream_audio(server.ws_url(meeting), standup.pcm16(rate), sample_rate=rate, realtime=False))
    # Telephone-band (8 kHz) espeak speech is hard for tiny.en; the clearest sentence must come through.
    expected = {"payment", "service", "tomorrow"} if rate == 8000 else {"login", "payment", "design"}
    assert expected <= set(words(result.text)), result.text
    # Meeting time is in ms whatever the client's rate.
    assert result.of("stopped")[0]["durableMs"] == pytest.approx(len(standup.audio) / 16, abs=5)


def test_two_concurrent_meetings_do_not_mix(server, standup: Speech, planning: Speech) -> None:
    a, b = server.create_meeting("A"), server.create_meeting("B")

    async def both():  # type: ignore[no-untyped-def]
        return await asyncio.gather(
            stream_audio(server.ws_url(a), standup.pcm16()), stream_audio(server.ws_url(b), planning.pcm16())
        )

    run_a, run_b = run(both())
    words_a, words_b = set(words(run_a.text)), set(words(run_b.text))
    assert {"login", "payment", "design"} <= words_a, run_a.text
    assert {"budget", "marketing", "office"} <= words_b, run_b.text
    assert not {"budget", "marketing", "office", "chicago"} & words_a
    assert not {"login", "payment", "design", "document"} & words_b
    assert server.transcript(a)["text"] == run_a.text
    assert server.transcript(b)["text"] == run_b.text
