from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from vori.testing.speech import Speech, conversation


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """A real `vori serve` in its own process, on a free port, with its own data directory."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.env = {**os.environ, "VORI_DATA_DIR": str(data_dir), "VORI_LOG_LEVEL": "warning", **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws_url(self, meeting_id: str) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/meetings/{meeting_id}/audio"

    def start(self) -> ServerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vori.cli", "serve", "--port", str(self.port)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start in 60 s")

    def kill(self) -> None:
        """kill -9: no shutdown hooks run."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def create_meeting(self, title: str = "Stand-up", language: str = "en") -> str:
        response = httpx.post(f"{self.url}/api/meetings", json={"title": title, "language": language}, timeout=10)
        response.raise_for_status()
        return str(response.json()["id"])

    def transcript(self, meeting_id: str) -> dict:  # type: ignore[type-arg]
        response = httpx.get(f"{self.url}/api/meetings/{meeting_id}/transcript", timeout=10)
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = ServerProcess(tmp_path_factory.mktemp("vori-server")).start()
    yield proc
    proc.stop()


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator[type[ServerProcess]]:
    started: list[ServerProcess] = []

    def factory(env: dict[str, str] | None = None, data_dir: Path | None = None) -> ServerProcess:
        proc = ServerProcess(data_dir or tmp_path / f"server-{len(started)}", env)
        started.append(proc)
        return proc.start()

    yield factory  # type: ignore[misc]
    for proc in started:
        proc.stop()


@pytest.fixture(scope="session")
def standup() -> Speech:
    return conversation([
        "The login page is finished.",
        "I will start working on the payment service tomorrow.",
        "Maria will review the design document on Friday.",
    ])


@pytest.fixture(scope="session")
def planning() -> Speech:
    return conversation([
        "Our budget for the marketing campaign is ten thousand dollars.",
        "The new office opens in Chicago next spring.",
    ], voice="en-gb")
