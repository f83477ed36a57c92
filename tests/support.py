"""Helpers shared by the tests: fresh databases, and real `vori serve` processes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from vori.testing.databases import create_database


def fresh_database_url() -> str | None:
    """A new, empty PostgreSQL database when the suite runs against PostgreSQL (VORI_TEST_DATABASE_URL),
    else None (each server then keeps SQLite in its own data directory)."""
    base = os.environ.get("VORI_TEST_DATABASE_URL")
    return create_database(base) if base else None


def database_url_for(data_dir: Path) -> str:
    return fresh_database_url() or f"sqlite:///{data_dir / 'vori.db'}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ChildProcess:
    """A real VORI process started by a test; `kill` is kill -9 (no shutdown hooks run)."""

    proc: subprocess.Popen[bytes] | None = None

    def kill(self) -> None:
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


class ServerProcess(ChildProcess):
    """A real `vori serve` in its own process, on a free port, with its own data directory."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.env = {**os.environ, "VORI_DATA_DIR": str(data_dir), "VORI_LOG_LEVEL": "warning",
                    "VORI_DATABASE_URL": database_url_for(data_dir), **(env or {})}
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

    def create_meeting(self, title: str = "Stand-up", language: str = "en") -> str:
        response = httpx.post(f"{self.url}/api/meetings", json={"title": title, "language": language}, timeout=10)
        response.raise_for_status()
        return str(response.json()["id"])

    def transcript(self, meeting_id: str) -> dict:  # type: ignore[type-arg]
        response = httpx.get(f"{self.url}/api/meetings/{meeting_id}/transcript", timeout=10)
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]


class WorkerProcess(ChildProcess):
    """A real `vori worker` process."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = {**os.environ, "VORI_LOG_LEVEL": "warning", **env}
        self.log_path = log_path

    def start(self) -> WorkerProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "vori.cli", "worker"], env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while b"worker ready" not in self.log_path.read_bytes():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start: {self.log_path.read_text()[-3000:]}")
            time.sleep(0.1)
        return self


def wait_until(predicate, timeout: float = 60.0, interval: float = 0.2):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
