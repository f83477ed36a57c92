"""The web app (`web/`, built into `web/dist` by `scripts/install`), served at `/` by `vori serve`.

Files of the build are served as they are; any other path that is not the API's (`/api`, `/ws`, `/docs`) is a
route of the single-page app and gets `index.html`. Without a build, `/` says how to make one and the API
works as before.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

DEFAULT_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"
SERVER_PREFIXES = ("api/", "ws/", "docs", "redoc", "openapi.json")

NOT_BUILT = """<!doctype html><meta charset="utf-8"><title>VORI</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>VORI</h1><p>The web app is not built (no <code>{dist}</code>). Build it with <code>scripts/install</code>
(it runs <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>), then reload this page.</p>
<p>The API works meanwhile: <a href="/docs">/docs</a>.</p></body>"""


def mount_web_app(app: FastAPI, dist: Path = DEFAULT_DIST) -> None:
    """Adds the catch-all route last, so every API and WebSocket route registered before it wins."""
    dist = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    def web_app(path: str) -> Response:
        if path.startswith(SERVER_PREFIXES):
            return JSONResponse({"error": {"code": "not_found", "message": f"no route /{path}"}}, status_code=404)
        index = dist / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT.format(dist=dist), status_code=503)
        if path:
            file = (dist / path).resolve()
            if file.is_file() and file.is_relative_to(dist):
                # Vite puts a content hash in every asset's name: those never change.
                immutable = file.parent == dist / "assets"
                return FileResponse(file, headers={"Cache-Control": "public, max-age=31536000, immutable"}
                                    if immutable else {"Cache-Control": "no-cache"})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
