"""`vori` command line: serve, migrate."""

from __future__ import annotations

import argparse
import logging
import sys

from vori.core.settings import get_settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from vori.app import create_app

    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    uvicorn.run(
        create_app(settings), host=host, port=port, log_level=settings.log_level,
        # Frames up to 16 MiB reach the app, which answers any over max_frame_bytes with close code 4413.
        ws_max_size=16 * 1024 * 1024, ws_ping_interval=20, ws_ping_timeout=20,
    )
    return 0


def _migrate(_: argparse.Namespace) -> int:
    from vori.migrations.runner import upgrade_to_head

    settings = get_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(settings.resolved_database_url)
    print(f"database is at the latest schema: {settings.resolved_database_url}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vori", description="VORI: voice to insight and action")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the API, WebSockets, speech recognition and workers")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(func=_serve)
    migrate = sub.add_parser("migrate", help="bring the database to the latest schema")
    migrate.set_defaults(func=_migrate)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
