"""Every malformed or illegal frame gets an error frame and its documented close code; nothing acked is lost."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from vori.testing.speech import Speech
from vori.transcription.client import stream_audio

START = {"type": "start", "sampleRate": 16000, "encoding": "pcm_s16le", "channels": 1, "language": "en"}


async def exchange(url: str, *frames: str | bytes, wait_close: bool = True) -> tuple[list[dict], int | None]:
    received: list[dict] = []
    async with websockets.connect(url, max_size=None) as ws:
        for frame in frames:
            await ws.send(frame)
        try:
            async for message in ws:
                received.append(json.loads(message))
        except websockets.ConnectionClosed:
            pass
    return received, ws.close_code


def start(**changes: object) -> str:
    return json.dumps({**START, **changes})


BAD_STARTS = [
    pytest.param(b"\x00\x01", 4400, "expected_start", id="binary-first"),
    pytest.param("not json", 4400, "bad_json", id="not-json"),
    pytest.param("[1, 2]", 4400, "bad_json", id="json-array"),
    pytest.param(json.dumps({"type": "hello"}), 4400, "expected_start", id="wrong-type"),
    pytest.param(start(sampleRate=4000), 4400, "bad_sample_rate", id="rate-too-low"),
    pytest.param(start(sampleRate=96000), 4400, "bad_sample_rate", id="rate-too-high"),
    pytest.param(start(sampleRate="16000"), 4400, "bad_sample_rate", id="rate-as-string"),
    pytest.param(start(encoding="opus"), 4422, "bad_encoding", id="encoding"),
    pytest.param(start(channels=2), 4422, "bad_channels", id="stereo"),
    pytest.param(start(language="Klingon!"), 4400, "bad_language", id="language-garbage"),
    pytest.param(start(language="ko"), 4422, "unsupported_language", id="korean-on-english-model"),
    pytest.param(start(resumeFromMs=-5), 4400, "bad_resume", id="negative-resume"),
    pytest.param(start(resumeFromMs=60_000), 4416, "resume_gap", id="resume-past-durable"),
    pytest.param(start(extra=1), 4400, "unknown_field", id="unknown-field"),
]


@pytest.mark.parametrize(("frame", "close", "code"), BAD_STARTS)
def test_bad_start_frames(server, frame: str | bytes, close: int, code: str) -> None:
    meeting = server.create_meeting()
    frames, close_code = asyncio.run(exchange(server.ws_url(meeting), frame))
    assert close_code == close
    assert frames[-1]["type"] == "error" and frames[-1]["code"] == code and frames[-1]["message"]


def test_unknown_meeting(server) -> None:
    frames, close_code = asyncio.run(exchange(server.ws_url("no-such-meeting"), start()))
    assert close_code == 4404 and frames[-1]["code"] == "unknown_meeting"


def test_ended_meeting_is_not_live(server) -> None:
    meeting = server.create_meeting()
    httpx.post(f"{server.url}/api/meetings/{meeting}/end", timeout=30).raise_for_status()
    frames, close_code = asyncio.run(exchange(server.ws_url(meeting), start()))
    assert close_code == 4409 and frames[-1]["code"] == "meeting_not_live"


BAD_STREAM_FRAMES = [
    pytest.param(b"\x00" * (1024 * 1024 + 2), 4413, "frame_too_large", id="frame-over-1MiB"),
    pytest.param(b"\x00\x00\x01", 4400, "odd_frame_length", id="half-sample"),
    pytest.param("{oops", 4400, "bad_json", id="text-not-json"),
    pytest.param(json.dumps({"type": "start"}), 4400, "unexpected_frame", id="second-start"),
    pytest.param(json.dumps({"type": "dance"}), 4400, "unexpected_frame", id="unknown-type"),
]


@pytest.mark.parametrize(("frame", "close", "code"), BAD_STREAM_FRAMES)
def test_bad_frames_while_streaming_keep_acknowledged_audio(
    server, standup: Speech, frame: str | bytes, close: int, code: str
) -> None:
    meeting = server.create_meeting()
    audio = standup.pcm16()[: 16000 * 2 * 2]  # two seconds

    async def scenario():  # type: ignore[no-untyped-def]
        async with websockets.connect(server.ws_url(meeting), max_size=None) as ws:
            await ws.send(start())
            ready = json.loads(await ws.recv())
            await ws.send(audio)
            acked = 0
            while acked < 2000:
                message = json.loads(await ws.recv())
                if message["type"] == "ack":
                    acked = message["durableMs"]
            await ws.send(frame)
            last = None
            try:
                async for message in ws:
                    last = json.loads(message)
            except websockets.ConnectionClosed:
                pass
        return ready, acked, last, ws.close_code

    ready, acked, last, close_code = asyncio.run(scenario())
    assert ready["durableMs"] == 0
    assert close_code == close and last is not None and last["type"] == "error" and last["code"] == code
    # Reconnecting shows every acknowledged millisecond is still there.
    frames, _ = asyncio.run(exchange(server.ws_url(meeting), start(), json.dumps({"type": "stop"})))
    assert frames[0]["type"] == "ready" and frames[0]["durableMs"] >= acked == 2000


def test_a_bad_client_does_not_disturb_a_good_one(server, standup: Speech) -> None:
    good, bad = server.create_meeting("good"), server.create_meeting("bad")

    async def scenario():  # type: ignore[no-untyped-def]
        streaming = asyncio.create_task(stream_audio(server.ws_url(good), standup.pcm16()))
        outcomes = []
        for frame in ("garbage", b"\x01", start(sampleRate=1)):
            await asyncio.sleep(1.0)
            outcomes.append(await exchange(server.ws_url(bad), frame))
        return await streaming, outcomes

    result, outcomes = asyncio.run(scenario())
    assert [code for _, code in outcomes] == [4400, 4400, 4400]
    assert {"login", "payment", "design"} <= set(result.text.lower().replace(".", " ").split())


def test_a_new_connection_takes_over_the_stream(server, standup: Speech) -> None:
    meeting = server.create_meeting()

    async def scenario():  # type: ignore[no-untyped-def]
        async with websockets.connect(server.ws_url(meeting)) as first:
            await first.send(start())
            await first.recv()
            async with websockets.connect(server.ws_url(meeting)) as second:
                await second.send(start())
                ready = json.loads(await second.recv())
                frames = []
                try:
                    async for message in first:
                        frames.append(json.loads(message))
                except websockets.ConnectionClosed:
                    pass
                await second.send(json.dumps({"type": "stop"}))
            return ready, frames, first.close_code

    ready, frames, code = asyncio.run(scenario())
    assert ready["type"] == "ready"
    assert code == 4410 and frames[-1]["code"] == "superseded"


def test_a_client_that_never_says_start_is_closed(make_server) -> None:
    server = make_server(env={"VORI_WS_START_TIMEOUT_S": "1"})
    meeting = server.create_meeting()

    async def scenario():  # type: ignore[no-untyped-def]
        async with websockets.connect(server.ws_url(meeting)) as ws:
            error = json.loads(await asyncio.wait_for(ws.recv(), 10))
            await asyncio.wait_for(ws.wait_closed(), 5)
        return error, ws.close_code

    error, code = asyncio.run(scenario())
    assert code == 4408 and error["code"] == "start_timeout" and "1 s" in error["message"]
