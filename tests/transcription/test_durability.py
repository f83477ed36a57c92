"""kill -9 of the server: acknowledged audio survives, its tail is transcribed, and a client resumes cleanly."""

from __future__ import annotations

import asyncio
import itertools
import re
import time

import pytest

from vori.testing.speech import conversation
from vori.transcription.client import stream_audio

SENTENCES = [
    "The login page is finished.",
    "I will start working on the payment service tomorrow.",
    "Maria will review the design document on Friday.",
    "Please send the customer survey results to the whole team.",
]
MARKERS = ["login", "payment", "design", "survey"]


@pytest.fixture(scope="module")
def meeting_speech():  # type: ignore[no-untyped-def]
    return conversation(SENTENCES, pause_ms=1200)


def count(word: str, text: str) -> int:
    return re.findall(r"[a-z']+", text.lower()).count(word)


def wait_for(predicate, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_tail_is_transcribed_after_kill_and_client_resumes(make_server, meeting_speech) -> None:
    server = make_server(env={"VORI_ASR_DETACH_GRACE_MS": "1000"})
    meeting = server.create_meeting()
    pcm = meeting_speech.pcm16()
    cut_ms = meeting_speech.sentences[1][2] + 100  # just after sentence 2, before its pause ends

    first = asyncio.run(stream_audio(server.ws_url(meeting), pcm, stop=False, stop_after_ms=cut_ms))
    acked = first.last_ack_ms
    assert acked >= cut_ms
    server.kill()
    server.start()

    # No client came back: the audio past the last final segment is transcribed after the grace period.
    recovered = wait_for(lambda: "payment" in server.transcript(meeting)["text"].lower() and
                         server.transcript(meeting))
    assert count("login", recovered["text"]) == 1

    # The client resumes from its last ack and sends the rest; the server skips what it already holds.
    rest = asyncio.run(stream_audio(server.ws_url(meeting), pcm[acked * 32 :], resume_from_ms=acked))
    assert rest.ready is not None and rest.ready["durableMs"] >= acked
    transcript = server.transcript(meeting)
    for word in MARKERS:
        assert count(word, transcript["text"]) == 1, transcript["text"]
    segments = transcript["segments"]
    assert [s["seq"] for s in segments] == list(range(1, len(segments) + 1))
    assert all(a["endMs"] <= b["startMs"] for a, b in itertools.pairwise(segments))
    assert rest.of("stopped")[0]["durableMs"] == pytest.approx(len(pcm) // 32, abs=2)


def test_resume_within_grace_keeps_an_utterance_whole(make_server, meeting_speech) -> None:
    server = make_server(env={"VORI_ASR_DETACH_GRACE_MS": "30000"})
    meeting = server.create_meeting()
    pcm = meeting_speech.pcm16()
    _text, start_ms, end_ms = meeting_speech.sentences[2]
    cut_ms = (start_ms + end_ms) // 2  # in the middle of "Maria will review the design document"

    first = asyncio.run(stream_audio(server.ws_url(meeting), pcm, stop=False, stop_after_ms=cut_ms))
    acked = first.last_ack_ms
    server.kill()
    server.start()
    rest = asyncio.run(stream_audio(server.ws_url(meeting), pcm[acked * 32 :], resume_from_ms=acked))

    transcript = server.transcript(meeting)
    for word in MARKERS:
        assert count(word, transcript["text"]) == 1, transcript["text"]
    # The sentence that spanned the crash is one segment, not two halves.
    design = [s for s in transcript["segments"] if "design" in s["text"].lower()]
    assert len(design) == 1 and "friday" in design[0]["text"].lower(), transcript["segments"]
    assert design[0]["startMs"] <= start_ms + 100 and design[0]["endMs"] >= cut_ms + 1000
    assert rest.close_code == 1000
