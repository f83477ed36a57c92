"""`vori` command line: serve, migrate, worker, stream, extract, eval, openapi."""

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


def _worker(_: argparse.Namespace) -> int:
    from vori.worker import run_worker

    settings = get_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    run_worker(settings)
    return 0


def _stream(args: argparse.Namespace) -> int:
    """Stream a WAV file to a running server in real time and print what comes back."""
    import asyncio
    import json
    import wave

    import httpx

    from vori.transcription.client import stream_audio

    with wave.open(args.file) as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            print("the WAV file must be 16-bit mono PCM", file=sys.stderr)
            return 2
        rate, pcm = wav.getframerate(), wav.readframes(wav.getnframes())
    base = args.server.rstrip("/")
    meeting = args.meeting
    if meeting is None:
        response = httpx.post(f"{base}/api/meetings", json={"title": args.file, "language": args.language})
        response.raise_for_status()
        meeting = response.json()["id"]
    url = base.replace("http", "ws", 1) + f"/ws/meetings/{meeting}/audio"
    run = asyncio.run(stream_audio(url, pcm, sample_rate=rate, language=args.language, realtime=not args.fast))
    for received in run.frames:
        if received.frame["type"] in {"final", "error", "stopped"} or args.verbose:
            print(json.dumps(received.frame, ensure_ascii=False))
    return 0 if run.close_code == 1000 else 1


def _openapi(_: argparse.Namespace) -> int:
    """The server's OpenAPI schema as JSON: the web app's TypeScript client is generated from it."""
    import json

    from vori.app import create_app

    print(json.dumps(create_app().openapi(), ensure_ascii=False, indent=2, sort_keys=True))
    return 0


def _extract(args: argparse.Namespace) -> int:
    """Tickets, status moves and blockers from a transcript file, by the server's own extraction path."""
    import json
    from pathlib import Path

    from pydantic import TypeAdapter, ValidationError

    from vori.extraction.flows import ExtractionFailed, extract_transcript
    from vori.extraction.providers import get_provider
    from vori.extraction.schema import BoardTicket, ExtractionRequest, Utterance

    settings = get_settings()
    try:
        lines = [line.strip() for line in Path(args.transcript).read_text(encoding="utf-8").splitlines()]
        board = (TypeAdapter(list[BoardTicket]).validate_json(Path(args.board).read_bytes())
                 if args.board else [])
    except OSError as exc:
        print(f"cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"{args.transcript} or {args.board}: not UTF-8 text: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        print(f"{args.board}: not a list of {{id, title, status}} tickets: {where}: {first['msg']}", file=sys.stderr)
        return 2
    utterances = [Utterance(index=i, text=line) for i, line in enumerate(line for line in lines if line)]
    request = ExtractionRequest(meeting_id=args.meeting_id, language=args.language, utterances=utterances,
                                board=board)
    try:
        provider = get_provider(settings.extraction, args.provider)
        result, _, _ = extract_transcript(provider, request, settings.extraction)
    except ExtractionFailed as failed:
        print(f"extraction failed: {failed.error}", file=sys.stderr)
        return 1
    print(json.dumps(result.output(), ensure_ascii=False, indent=2))
    return 0


def _eval(args: argparse.Namespace) -> int:
    """Score a provider on annotated meetings (evals/devset by default); print JSON, and a summary to stderr."""
    import json
    from pathlib import Path

    from vori.extraction.evaluate import evaluate
    from vori.extraction.providers import get_provider

    settings = get_settings()
    paths = [Path(p) for p in (args.paths or ["evals/devset"])]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    report = evaluate(paths, get_provider(settings.extraction, args.provider), settings.extraction.move_confidence)
    print(json.dumps(report if args.verbose else {k: v for k, v in report.items()
                                                  if k not in ("misses", "extras")}, ensure_ascii=False, indent=2))
    overall = report["overall"]
    print(f"{report['meetings']} meetings, provider {report['provider']}: ticket F1 {overall['tickets']['f1']:.3f} "
          f"(P {overall['tickets']['precision']:.3f} R {overall['tickets']['recall']:.3f}), status-move accuracy "
          f"{overall['statusMoves']['accuracy']:.3f}, wrong moves {overall['statusMoves']['wrong']}, blocker F1 "
          f"{overall['blockers']['f1']:.3f}; moves at confidence ≥ {settings.extraction.move_confidence}: "
          f"{overall['statusMoves']['confident']['right']} right, {overall['statusMoves']['confident']['wrong']} wrong",
          file=sys.stderr)
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
    worker = sub.add_parser("worker", help="run the event consumers (scaled deployment: stores segments)")
    worker.set_defaults(func=_worker)
    stream = sub.add_parser("stream", help="stream a 16-bit mono WAV file to a running server")
    stream.add_argument("file")
    stream.add_argument("--meeting", default=None, help="meeting id (default: create one)")
    stream.add_argument("--server", default="http://127.0.0.1:8000")
    stream.add_argument("--language", default="en")
    stream.add_argument("--fast", action="store_true", help="send as fast as possible, not in real time")
    stream.add_argument("--verbose", action="store_true", help="print partials and acks too")
    stream.set_defaults(func=_stream)
    extract = sub.add_parser("extract", help="tickets, status moves and blockers from a transcript file (JSON)")
    extract.add_argument("transcript", help="text file, one utterance per line, optionally 'Speaker: text'")
    extract.add_argument("--board", default=None, help='JSON list of {"id","title","status"}: the open tickets')
    extract.add_argument("--provider", choices=["local", "anthropic", "openai"], default=None,
                         help="default: VORI_EXTRACTION_PROVIDER (local)")
    extract.add_argument("--language", choices=["en", "ko", "auto"], default="auto")
    extract.add_argument("--meeting-id", default=None, help="meetingId written into the tickets")
    extract.set_defaults(func=_extract)
    openapi = sub.add_parser("openapi", help="print the server's OpenAPI schema (JSON)")
    openapi.set_defaults(func=_openapi)
    evaluation = sub.add_parser("eval", help="score ticket extraction on annotated meetings (evals/)")
    evaluation.add_argument("paths", nargs="*", help="meeting JSON files or directories (default: evals/devset)")
    evaluation.add_argument("--provider", choices=["local", "anthropic", "openai"], default=None)
    evaluation.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong move")
    evaluation.set_defaults(func=_eval)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
