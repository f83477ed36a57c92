"""A provider whose answers and failures a test scripts, and helpers to run the app around it in process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from support import database_url_for

from vori.app import create_app
from vori.core.db import Database
from vori.core.settings import ExtractionSettings, Settings
from vori.extraction.schema import Evidence, ExtractedTicket, Extraction, ExtractionRequest
from vori.meetings.models import Meeting
from vori.tickets.status import TicketStatus
from vori.transcription import service as transcription

Answer = Callable[[ExtractionRequest], Extraction]


class ScriptedProvider:
    """Implements the ExtractionProvider protocol: raises the scripted errors first (one per call), then
    answers with `answer(request)`. Every request it got is kept."""

    name = "scripted"

    def __init__(self, answer: Answer | None = None, errors: list[Exception] | None = None,
                 gate: threading.Event | None = None) -> None:
        self.answer = answer or (lambda request: Extraction())
        self.errors = list(errors or [])
        self.gate = gate
        self.calls: list[ExtractionRequest] = []

    def extract(self, request: ExtractionRequest) -> Extraction:
        self.calls.append(request)
        if self.gate is not None:
            assert self.gate.wait(30), "the test never opened the gate"
        if self.errors:
            raise self.errors.pop(0)
        return self.answer(request)


def by_phrase(rules: dict[str, tuple[str, TicketStatus]], **extra: Any) -> Answer:
    """A ticket (title, status) for each utterance that contains one of the phrases, with its evidence."""

    def answer(request: ExtractionRequest) -> Extraction:
        tickets = [ExtractedTicket(title=title, status=status, meeting_id=request.meeting_id,
                                   evidence=[Evidence(index=u.index)], **extra)
                   for u in request.utterances for phrase, (title, status) in rules.items()
                   if phrase in u.text.lower()]
        return Extraction(tickets=tickets)

    return answer


def make_settings(tmp_path: Path, **extraction: Any) -> Settings:
    # The live status detector is off: these tests look at what the end of the meeting does on its own.
    options = {"backoff_s": 0.01, "silence_timeout_s": 0, "live_status": False, **extraction}
    return Settings(data_dir=tmp_path, database_url=database_url_for(tmp_path),
                    extraction=ExtractionSettings(**options))


@contextmanager
def running(settings: Settings, provider: ScriptedProvider) -> Iterator[TestClient]:
    with TestClient(create_app(settings, extraction_provider=provider)) as client:
        yield client


def db_of(client: TestClient) -> Database:
    return client.app.state.db  # type: ignore[attr-defined,no-any-return]


def new_meeting(client: TestClient, title: str = "Stand-up", language: str = "en") -> str:
    response = client.post("/api/meetings", json={"title": title, "language": language})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def say(client: TestClient, meeting_id: str, *lines: str | tuple[str, str], gap_ms: int = 500) -> list[str]:
    """Store finals as live transcription does (cursor, segment and event); `(speaker, text)` for a speaker.
    Returns the segment ids."""
    ids = []
    with db_of(client).session() as session:
        meeting = session.get_one(Meeting, meeting_id)
        start = 1000
        for line in lines:
            speaker, text = line if isinstance(line, tuple) else (None, line)
            end = start + 300 * len(text.split())
            payload = transcription.store_final(session, meeting, start, end, text, meeting.language, speaker)
            ids.append(payload["segmentId"])
            start = end + gap_ms
    return ids


def state(client: TestClient, meeting_id: str) -> str:
    return str(client.get(f"/api/meetings/{meeting_id}").json()["state"])


def wait_state(client: TestClient, meeting_id: str, *states: str, timeout: float = 30.0) -> str:
    wanted = states or ("done", "failed")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = state(client, meeting_id)
        if current in wanted:
            return current
        time.sleep(0.05)
    raise AssertionError(f"meeting {meeting_id} is {state(client, meeting_id)}, not {wanted}, after {timeout} s")


def end_and_wait(client: TestClient, meeting_id: str, *states: str) -> str:
    response = client.post(f"/api/meetings/{meeting_id}/end")
    assert response.status_code == 200, response.text
    return wait_state(client, meeting_id, *states)
