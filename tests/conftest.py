from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import ServerProcess, database_url_for

from vori.app import create_app
from vori.core.settings import Settings
from vori.testing.speech import Speech, conversation


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """The app in process (lifespan included) on a fresh database: SQLite, or PostgreSQL in the second pass."""
    settings = Settings(data_dir=tmp_path, database_url=database_url_for(tmp_path))
    with TestClient(create_app(settings)) as test_client:
        yield test_client


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
