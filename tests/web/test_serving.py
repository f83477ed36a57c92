"""`vori serve` serves the built web app at / (client routes fall back to index.html) without shadowing the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from vori.web import mount_web_app


def app_with(dist: Path) -> TestClient:
    app = FastAPI()

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    mount_web_app(app, dist)
    return TestClient(app)


def test_built_app_files_and_client_routes(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    (tmp_path / "capture-worklet.js").write_text("registerProcessor()")
    (tmp_path.parent / "secret.txt").write_text("no")
    client = app_with(tmp_path)

    assert client.get("/api/health").json() == {"status": "ok"}
    for route in ("/", "/meetings", "/meetings/4f1c/minutes", "/groups/g1/board?ticket=t1"):
        page = client.get(route)
        assert page.status_code == 200 and page.text == "<div id=root></div>", route
    asset = client.get("/assets/index-abc123.js")
    assert asset.text == "console.log(1)" and "immutable" in asset.headers["cache-control"]
    assert client.get("/capture-worklet.js").text == "registerProcessor()"
    assert client.get("/../secret.txt").text != "no"
    # Unknown API paths stay API errors, not the app's HTML.
    missing = client.get("/api/no-such-thing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_without_a_build_the_root_says_how_to_build(tmp_path: Path) -> None:
    client = app_with(tmp_path / "dist")
    page = client.get("/meetings")
    assert page.status_code == 503 and "scripts/install" in page.text
    assert client.get("/api/health").status_code == 200
