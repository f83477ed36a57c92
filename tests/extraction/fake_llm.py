"""A real HTTP server on 127.0.0.1 that speaks the Anthropic Messages and OpenAI chat completions wire
protocols, so the official SDKs are tested end to end: it records what they send and plays a scripted queue
of replies (answers, rate limits, server errors, overload, slow answers, malformed model output)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANTHROPIC_PATH = "/v1/messages"
OPENAI_PATH = "/v1/chat/completions"


@dataclass
class Reply:
    """One scripted response: to a request on `path`, after `delay_s`."""

    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: Any


class FakeLLMServer:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.unexpected: list[str] = []
        self._replies: list[Reply] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        # A short poll interval: shutdown() waits for it, once per test.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), name="fake-llm",
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # cuts scripted delays short
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self._replies.extend(replies)

    def _next_reply(self, path: str) -> Reply | None:
        with self._lock:
            if not self._replies or self._replies[0].path != path:
                self.unexpected.append(path)
                return None
            return self._replies.pop(0)

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


def _handler_for(server: FakeLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("content-length") or 0))
            try:
                body: Any = json.loads(raw)
            except ValueError:
                body = raw.decode(errors="replace")
            server.requests.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            reply = server._next_reply(self.path)
            if reply is None:
                reply = Reply(self.path, 404, {"error": {"message": "not scripted"}})
            server._sleep(reply.delay_s)
            payload = json.dumps(reply.body).encode()
            try:
                self.send_response(reply.status)
                for name, value in {"content-type": "application/json", **reply.headers}.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:
                pass  # the client gave up (timeout): nobody is listening any more

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def _id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


# Anthropic Messages API


def _anthropic_message(content: list[dict[str, Any]], stop_reason: str, model: str) -> Reply:
    body = {
        "id": _id("msg_"), "type": "message", "role": "assistant", "model": model, "content": content,
        "stop_reason": stop_reason, "stop_sequence": None,
        "usage": {"input_tokens": 812, "output_tokens": 164, "cache_creation_input_tokens": 0,
                  "cache_read_input_tokens": 0, "service_tier": "standard"},
    }
    headers = {"request-id": _id("req_"), "anthropic-organization-id": "org-test"}
    return Reply(ANTHROPIC_PATH, 200, body, headers)


def anthropic_tool_answer(tool_input: Any, model: str, tool_name: str = "record_meeting_items",
                          delay_s: float = 0.0) -> Reply:
    """Claude answering with a forced tool call, the way the API returns it."""
    block = {"type": "tool_use", "id": _id("toolu_"), "name": tool_name, "input": tool_input}
    reply = _anthropic_message([block], "tool_use", model)
    reply.delay_s = delay_s
    return reply


def anthropic_text_answer(text: str, model: str) -> Reply:
    return _anthropic_message([{"type": "text", "text": text}], "end_turn", model)


def anthropic_error(status: int, error_type: str, message: str,
                    headers: dict[str, str] | None = None) -> Reply:
    request_id = _id("req_")
    body = {"type": "error", "error": {"type": error_type, "message": message}, "request_id": request_id}
    return Reply(ANTHROPIC_PATH, status, body, {"request-id": request_id, **(headers or {})})


# OpenAI chat completions


def openai_answer(content: str | None, model: str, refusal: str | None = None, finish_reason: str = "stop",
                  delay_s: float = 0.0) -> Reply:
    body = {
        "id": _id("chatcmpl-"), "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None,
                     "message": {"role": "assistant", "content": content, "refusal": refusal,
                                 "annotations": []}}],
        "usage": {"prompt_tokens": 790, "completion_tokens": 171, "total_tokens": 961},
        "system_fingerprint": "fp_test",
    }
    headers = {"x-request-id": _id("req_"), "openai-processing-ms": "412"}
    return Reply(OPENAI_PATH, 200, body, headers, delay_s)


def openai_no_choices(model: str) -> Reply:
    reply = openai_answer("", model)
    reply.body["choices"] = []
    return reply


def openai_error(status: int, error_type: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    body = {"error": {"message": message, "type": error_type, "param": None, "code": None}}
    return Reply(OPENAI_PATH, status, body, {"x-request-id": _id("req_"), **(headers or {})})
