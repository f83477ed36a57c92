"""The Claude and OpenAI-compatible providers through their official SDKs, against a real local HTTP server
that speaks both wire protocols; and the validation of model answers."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from extraction.fake_llm import (
    ANTHROPIC_PATH,
    OPENAI_PATH,
    FakeLLMServer,
    Reply,
    anthropic_error,
    anthropic_text_answer,
    anthropic_tool_answer,
    openai_answer,
    openai_error,
    openai_no_choices,
)
from support import free_port

from vori.core.settings import ExtractionSettings
from vori.extraction.anthropic_provider import AnthropicProvider
from vori.extraction.llm import ANSWER_SCHEMA, SYSTEM_PROMPT, TOOL_NAME, parse_answer
from vori.extraction.local import LocalProvider
from vori.extraction.openai_provider import OpenAIProvider
from vori.extraction.provider import (
    ExtractionProvider,
    MalformedOutput,
    ProviderError,
    TransientProviderError,
)
from vori.extraction.providers import get_provider
from vori.extraction.schema import BoardTicket, ExtractionRequest, Utterance
from vori.tickets.status import TicketStatus

T, P, D = TicketStatus.TODO, TicketStatus.IN_PROGRESS, TicketStatus.DONE
CLAUDE = "claude-test-model"
GPT = "gpt-test-model"

MEETING = ExtractionRequest(
    meeting_id="m-42",
    utterances=[
        Utterance(index=0, speaker="Alice", text="I started on the login page this morning.",
                  segment_id="s0"),
        Utterance(index=1, speaker="Bob", text="Maria will review the design document on Friday.",
                  segment_id="s1"),
        Utterance(index=2, speaker="민수", text="결제 API 연동은 제가 다음 주까지 할게요.", segment_id="s2"),
        Utterance(index=3, speaker="Alice",
                  text="The payment service is blocked on the vendor's sandbox keys."),
        Utterance(index=4, speaker="Bob", text="Nice weather today."),
        Utterance(index=5, speaker="Alice", text="And the login page is done now."),
    ],
    board=[
        BoardTicket(id="t-1", title="Login page", status=T),
        BoardTicket(id="t-2", title="Payment service", status=P, assignee="Alice"),
        BoardTicket(id="t-3", title="Onboarding emails", status=D),
    ],
)

GOOD_ANSWER: dict[str, Any] = {
    "tickets": [
        {"title": "Review the design document", "content": "Maria, by Friday", "status": "TODO",
         "meetingId": "made-up-by-the-model"},
        {"title": "결제 API 연동", "content": "민수, 다음 주까지", "status": "TODO", "meetingId": None},
    ],
    "statusUpdates": [{"ticketId": "t-1", "to": "IN_PROGRESS", "line": 0}],
    "blockers": [{"text": "Vendor's sandbox keys missing", "line": 3, "ticketId": "t-2"}],
}

PARTIAL_ANSWER: dict[str, Any] = {
    "tickets": [
        {"title": "Review the design document", "content": "", "status": "TODO", "meetingId": "m-42"},
        {"title": "   ", "content": "", "status": "MAYBE", "meetingId": "m-42"},
    ],
    "statusUpdates": [],
    "blockers": [],
}


@pytest.fixture
def llm() -> Iterator[FakeLLMServer]:
    server = FakeLLMServer().start()
    yield server
    server.stop()
    assert server.unexpected == [], "a request the test did not script"


def claude(server: FakeLLMServer, timeout_s: float = 5.0, key: str | None = "sk-ant") -> AnthropicProvider:
    return AnthropicProvider(ExtractionSettings(
        provider="anthropic", anthropic_api_key=key, anthropic_model=CLAUDE, anthropic_base_url=server.url,
        timeout_s=timeout_s, max_tokens=2048))


def gpt(server: FakeLLMServer, timeout_s: float = 5.0, key: str | None = "sk-test") -> OpenAIProvider:
    return OpenAIProvider(ExtractionSettings(provider="openai", openai_api_key=key, openai_model=GPT,
                                             openai_base_url=f"{server.url}/v1", timeout_s=timeout_s,
                                             max_tokens=2048))


def assert_good_extraction(provider: ExtractionProvider) -> None:
    result = provider.extract(MEETING)
    assert [(t.title, t.status, t.meeting_id) for t in result.tickets] == [
        ("Review the design document", T, "m-42"), ("결제 API 연동", T, "m-42")]
    assert result.output()["tickets"][1] == {"title": "결제 API 연동", "content": "민수, 다음 주까지",
                                             "status": "TODO", "meetingId": "m-42"}
    [update] = result.status_updates
    assert (update.ticket_id, update.from_status, update.to_status) == ("t-1", T, P)
    assert (update.evidence.index, update.evidence.segment_id) == (0, "s0")
    assert update.evidence.quote == "I started on the login page this morning."
    [blocker] = result.blockers
    assert blocker.ticket_id == "t-2"
    assert blocker.evidence is not None
    assert blocker.evidence.quote == "The payment service is blocked on the vendor's sandbox keys."
    assert result.rejected == []


def assert_meeting_in_prompt(prompt: str) -> None:
    assert "m-42" in prompt
    assert "[0] Alice: I started on the login page this morning." in prompt
    assert "[2] 민수: 결제 API 연동은 제가 다음 주까지 할게요." in prompt
    assert "id: t-2 | status: IN_PROGRESS | title: Payment service | assignee: Alice" in prompt


# Happy paths: what the SDKs send, and what comes back


def test_claude_extracts_through_a_forced_tool_call(llm: FakeLLMServer) -> None:
    llm.script(anthropic_tool_answer(GOOD_ANSWER, CLAUDE))
    assert_good_extraction(claude(llm))

    [sent] = llm.requests
    assert sent.path == ANTHROPIC_PATH
    # x-api-key up to anthropic 1.x, a bearer token from 2.x on.
    bearer = sent.headers.get("authorization", "").removeprefix("Bearer ")
    assert "sk-ant" in (sent.headers.get("x-api-key"), bearer)
    assert "anthropic-version" in sent.headers
    assert sent.body["model"] == CLAUDE
    assert sent.body["max_tokens"] == 2048
    assert sent.body["system"] == SYSTEM_PROMPT
    assert sent.body["tools"] == [{"name": TOOL_NAME, "description": sent.body["tools"][0]["description"],
                                   "input_schema": ANSWER_SCHEMA}]
    assert sent.body["tool_choice"] == {"type": "tool", "name": TOOL_NAME}
    [message] = sent.body["messages"]
    assert message["role"] == "user"
    assert_meeting_in_prompt(message["content"])


def test_openai_compatible_server_extracts_through_a_json_schema(llm: FakeLLMServer) -> None:
    llm.script(openai_answer(json.dumps(GOOD_ANSWER, ensure_ascii=False), GPT))
    assert_good_extraction(gpt(llm))

    [sent] = llm.requests
    assert sent.path == OPENAI_PATH
    assert sent.headers["authorization"] == "Bearer sk-test"
    assert sent.body["model"] == GPT
    assert sent.body["max_completion_tokens"] == 2048
    assert sent.body["response_format"] == {
        "type": "json_schema", "json_schema": {"name": TOOL_NAME, "schema": ANSWER_SCHEMA, "strict": False}}
    system, user = sent.body["messages"]
    assert system == {"role": "system", "content": SYSTEM_PROMPT}
    assert user["role"] == "user"
    assert_meeting_in_prompt(user["content"])


def test_local_openai_compatible_server_needs_no_key(llm: FakeLLMServer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    # Fenced, the way small local models often answer.
    llm.script(openai_answer(f"```json\n{json.dumps(GOOD_ANSWER)}\n```", GPT))
    assert_good_extraction(gpt(llm, key=None))
    assert llm.requests[0].headers["authorization"] == "Bearer not-needed"


def test_empty_transcript_costs_no_call(llm: FakeLLMServer) -> None:
    empty = ExtractionRequest(meeting_id="m-1", utterances=[])
    assert claude(llm).extract(empty).tickets == []
    assert gpt(llm).extract(empty).tickets == []
    assert llm.requests == []


def test_claude_without_a_key_fails_without_retry(llm: FakeLLMServer) -> None:
    with pytest.raises(ProviderError, match="ANTHROPIC_API_KEY") as raised:
        claude(llm, key=None).extract(MEETING)
    assert not raised.value.retryable
    assert llm.requests == []


# API errors: which are retried by the flow, and that the SDK itself never retries


@pytest.mark.parametrize(
    ("reply", "retryable", "message"),
    [
        (anthropic_error(429, "rate_limit_error", "Number of request tokens has exceeded your rate limit",
                         {"retry-after": "7"}), True, "HTTP 429.*rate limit.*retry-after 7"),
        (anthropic_error(500, "api_error", "Internal server error"), True, "HTTP 500"),
        (anthropic_error(529, "overloaded_error", "Overloaded"), True, "HTTP 529: Overloaded"),
        (anthropic_error(400, "invalid_request_error", "max_tokens: must be at most 64000"), False,
         "HTTP 400"),
        (anthropic_error(401, "authentication_error", "invalid x-api-key"), False,
         "HTTP 401: invalid x-api-key"),
        (anthropic_error(403, "permission_error", "Your API key lacks permission"), False, "HTTP 403"),
        (anthropic_error(404, "not_found_error", f"model: {CLAUDE}"), False, "HTTP 404"),
    ],
    ids=["429", "500", "529-overloaded", "400", "401", "403", "404"],
)
def test_claude_api_errors(llm: FakeLLMServer, reply: Reply, retryable: bool, message: str) -> None:
    llm.script(reply)
    with pytest.raises(ProviderError, match=message) as raised:
        claude(llm).extract(MEETING)
    assert isinstance(raised.value, TransientProviderError) is retryable
    assert raised.value.retryable is retryable
    assert len(llm.requests) == 1


@pytest.mark.parametrize(
    ("reply", "retryable", "message"),
    [
        (openai_error(429, "requests", "Rate limit reached for gpt-test-model", {"retry-after": "2"}), True,
         "HTTP 429.*Rate limit reached.*retry-after 2"),
        (openai_error(500, "server_error", "The server had an error"), True, "HTTP 500"),
        (openai_error(503, "server_error", "model is loading"), True, "HTTP 503: model is loading"),
        (openai_error(400, "invalid_request_error", "response_format is not supported"), False, "HTTP 400"),
        (openai_error(401, "invalid_request_error", "Incorrect API key provided"), False, "HTTP 401"),
        (openai_error(404, "invalid_request_error", "The model `gpt-test-model` does not exist"), False,
         "HTTP 404"),
    ],
    ids=["429", "500", "503", "400", "401", "404"],
)
def test_openai_api_errors(llm: FakeLLMServer, reply: Reply, retryable: bool, message: str) -> None:
    llm.script(reply)
    with pytest.raises(ProviderError, match=message) as raised:
        gpt(llm).extract(MEETING)
    assert isinstance(raised.value, TransientProviderError) is retryable
    assert len(llm.requests) == 1


@pytest.mark.parametrize("provider", ["anthropic", "openai"])
def test_slow_answer_times_out_as_transient(llm: FakeLLMServer, provider: str) -> None:
    if provider == "anthropic":
        llm.script(anthropic_tool_answer(GOOD_ANSWER, CLAUDE, delay_s=5))
        slow: ExtractionProvider = claude(llm, timeout_s=0.5)
    else:
        llm.script(openai_answer(json.dumps(GOOD_ANSWER), GPT, delay_s=5))
        slow = gpt(llm, timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(TransientProviderError, match="timed out"):
        slow.extract(MEETING)
    assert time.monotonic() - started < 3
    assert len(llm.requests) == 1


def test_unreachable_server_is_transient() -> None:
    port = free_port()  # nothing listens there
    settings = ExtractionSettings(anthropic_api_key="k", anthropic_model=CLAUDE,
                                  anthropic_base_url=f"http://127.0.0.1:{port}",
                                  openai_base_url=f"http://127.0.0.1:{port}/v1", timeout_s=2)
    for provider in (AnthropicProvider(settings), OpenAIProvider(settings)):
        with pytest.raises(TransientProviderError, match="unreachable"):
            provider.extract(MEETING)


# Model output that is not the schema


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (anthropic_text_answer("Here are the tickets: login page, design review.", CLAUDE),
         "without calling"),
        (anthropic_tool_answer({"items": [{"name": "Login page"}]}, CLAUDE), "no `tickets` list"),
        (anthropic_tool_answer(GOOD_ANSWER, CLAUDE, tool_name="some_other_tool"), "without calling"),
    ],
    ids=["text-instead-of-tool-call", "tool-input-not-the-schema", "wrong-tool"],
)
def test_claude_malformed_output(llm: FakeLLMServer, reply: Reply, message: str) -> None:
    llm.script(reply)
    with pytest.raises(MalformedOutput, match=message) as raised:
        claude(llm).extract(MEETING)
    assert raised.value.retryable


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (openai_answer("Sure! The action items are the login page and the design review.", GPT), "not JSON"),
        (openai_answer('{"items": []}', GPT), "no `tickets` list"),
        (openai_answer('{"tickets": [{"title": "Login', GPT, finish_reason="length"), "not JSON"),
        (openai_answer(None, GPT, refusal="I can't help with that."), "refused"),
        (openai_answer("", GPT), "empty"),
        (openai_no_choices(GPT), "no choices"),
    ],
    ids=["prose", "json-not-the-schema", "cut-off", "refusal", "empty", "no-choices"],
)
def test_openai_malformed_output(llm: FakeLLMServer, reply: Reply, message: str) -> None:
    llm.script(reply)
    with pytest.raises(MalformedOutput, match=message):
        gpt(llm).extract(MEETING)


def test_claude_partial_success_keeps_the_valid_tickets(llm: FakeLLMServer) -> None:
    llm.script(anthropic_tool_answer(PARTIAL_ANSWER, CLAUDE))
    result = claude(llm).extract(MEETING)
    assert [t.title for t in result.tickets] == ["Review the design document"]
    [rejected] = result.rejected
    assert rejected.item == PARTIAL_ANSWER["tickets"][1]
    assert "title" in rejected.error and "status" in rejected.error


def test_openai_partial_success_keeps_the_valid_tickets(llm: FakeLLMServer) -> None:
    llm.script(openai_answer(json.dumps(PARTIAL_ANSWER), GPT))
    result = gpt(llm).extract(MEETING)
    assert [t.title for t in result.tickets] == ["Review the design document"]
    assert len(result.rejected) == 1


# parse_answer: the validation both providers share


@pytest.mark.parametrize(
    ("answer", "titles"),
    [
        ('{"tickets": [{"title": "Login page", "content": "", "status": "DONE", "meetingId": "m-42"}]}',
         ["Login page"]),
        ('```json\n{"tickets": [{"title": "로그인 페이지", "status": "DONE"}]}\n```', ["로그인 페이지"]),
        ('Here you go:\n```\n{"tickets": []}\n```\nAnything else?', []),
        ('{"tickets": [{"title": "Fix ```code``` blocks", "status": "TODO"}]}', ["Fix ```code``` blocks"]),
        # A nested array sent as a JSON string.
        ({"tickets": '[{"title": "Login page", "status": "TODO"}]'}, ["Login page"]),
        ({"tickets": [], "statusUpdates": None}, []),
    ],
    ids=["json-string", "fenced-korean", "fenced-in-prose", "backticks-in-a-title", "tickets-as-json-string",
         "null-updates"],
)
def test_parse_answer_accepts(answer: object, titles: list[str]) -> None:
    result = parse_answer(answer, MEETING)
    assert [t.title for t in result.tickets] == titles
    assert all(t.meeting_id == "m-42" for t in result.tickets)


@pytest.mark.parametrize(
    "answer",
    ["I could not find any action items.", "", "```json\n{not json}\n```", "[1, 2]", ["tickets"], None, 42,
     {}, {"statusUpdates": []}, {"tickets": {"title": "Login page"}}, {"tickets": "none"}],
    ids=["prose", "empty", "fenced-garbage", "json-list", "list", "none", "number", "empty-object",
         "missing-tickets", "tickets-object", "tickets-word"],
)
def test_parse_answer_refuses_what_is_not_the_schema(answer: object) -> None:
    with pytest.raises(MalformedOutput):
        parse_answer(answer, MEETING)


def test_parse_answer_rejects_invalid_tickets_one_by_one() -> None:
    answer = {"tickets": [
        {"title": "Login page", "status": "TODO"},
        {"title": "Design review", "status": "BLOCKED"},
        {"title": "Payment", "status": "TODO", "assignee": "Alice"},  # not one of the spec's four fields
        "Write the docs",
        {"title": "x" * 301, "status": "TODO"},
        {"title": "  Deploy  ", "content": "Friday", "status": "IN_PROGRESS", "meetingId": 7},
    ]}
    result = parse_answer(answer, MEETING)
    assert [(t.title, t.status, t.meeting_id) for t in result.tickets] == [
        ("Login page", T, "m-42"), ("Deploy", P, "m-42")]
    assert [r.item for r in result.rejected] == answer["tickets"][1:5]


@pytest.mark.parametrize(
    ("update", "accepted", "error"),
    [
        ({"ticketId": "t-1", "to": "DONE", "line": 5}, (T, D), None),
        ({"ticketId": "t-2", "to": "DONE", "line": 5}, (P, D), None),
        ({"ticketId": "t-3", "to": "IN_PROGRESS", "line": 0}, None, "cannot move from DONE to IN_PROGRESS"),
        ({"ticketId": "t-2", "to": "TODO", "line": 1}, None, "cannot move from IN_PROGRESS to TODO"),
        ({"ticketId": "t-1", "to": "TODO", "line": 0}, None, "cannot move from TODO to TODO"),
        ({"ticketId": "t-99", "to": "DONE", "line": 5}, None, "no ticket 't-99'"),
        ({"to": "DONE", "line": 5}, None, "no ticket ''"),
        ({"ticketId": "t-1", "to": "BLOCKED", "line": 3}, None, "invalid status 'BLOCKED'"),
        ({"ticketId": "t-1", "to": "done", "line": 5}, None, "invalid status"),
        ("t-1 is done", None, "not an object"),
    ],
    ids=["todo-done", "in-progress-done", "done-backwards", "in-progress-backwards", "same-status",
         "unknown-ticket", "no-ticket", "invalid-status", "lowercase-status", "not-an-object"],
)
def test_parse_answer_status_moves(update: object, accepted: tuple[TicketStatus, TicketStatus] | None,
                                   error: str | None) -> None:
    result = parse_answer({"tickets": [], "statusUpdates": [update]}, MEETING)
    if accepted:
        [move] = result.status_updates
        assert (move.from_status, move.to_status) == accepted
        assert move.evidence.quote == "And the login page is done now."
        assert result.rejected == []
    else:
        assert result.status_updates == []
        [rejected] = result.rejected
        assert rejected.item == update
        assert error is not None and error in rejected.error


def test_parse_answer_moves_apply_in_order() -> None:
    """Started, then finished, in one meeting: both moves count; saying it again does not."""
    updates = [{"ticketId": "t-1", "to": "IN_PROGRESS", "line": 0},
               {"ticketId": "t-1", "to": "DONE", "line": 5},
               {"ticketId": "t-1", "to": "DONE", "line": 5}]
    result = parse_answer({"tickets": [], "statusUpdates": updates}, MEETING)
    assert [(m.from_status, m.to_status) for m in result.status_updates] == [(T, P), (P, D)]
    assert len(result.rejected) == 1


@pytest.mark.parametrize(
    ("line", "quote"),
    [(5, "And the login page is done now."), ("5", "And the login page is done now."), (99, ""), (-1, ""),
     (None, ""), (True, "")],
    ids=["valid", "digit-string", "past-the-end", "negative", "missing", "bool"],
)
def test_parse_answer_evidence_from_line(line: object, quote: str) -> None:
    update: dict[str, object] = {"ticketId": "t-1", "to": "DONE"}
    if line is not None:
        update["line"] = line
    [move] = parse_answer({"tickets": [], "statusUpdates": [update]}, MEETING).status_updates
    assert move.evidence.quote == quote
    assert move.evidence.index == (5 if quote else None)


def test_parse_answer_blockers() -> None:
    blockers = [
        {"text": "Waiting for the vendor's keys", "line": 3, "ticketId": "t-2"},
        {"text": "디자인 시안이 아직 없음", "line": 2},
        {"text": "Legal review pending", "line": 42, "ticketId": "t-99"},  # the ticket reference is made up
        {"text": "  ", "line": 1},
        {"line": 1},
    ]
    result = parse_answer({"tickets": [], "blockers": blockers}, MEETING)
    assert [(b.text, b.ticket_id, b.evidence.index if b.evidence else None) for b in result.blockers] == [
        ("Waiting for the vendor's keys", "t-2", 3), ("디자인 시안이 아직 없음", None, 2),
        ("Legal review pending", None, None)]
    assert [r.item for r in result.rejected] == blockers[3:]


def test_parse_answer_keeps_tickets_when_the_other_lists_are_broken() -> None:
    answer = {"tickets": [{"title": "Login page", "status": "TODO"}], "statusUpdates": "t-1 done",
              "blockers": {"text": "keys"}}
    result = parse_answer(answer, MEETING)
    assert [t.title for t in result.tickets] == ["Login page"]
    assert [r.error for r in result.rejected] == ["`statusUpdates` is not a list", "`blockers` is not a list"]


# The registry


def test_get_provider_by_name() -> None:
    settings = ExtractionSettings(anthropic_api_key="k")
    assert isinstance(get_provider(settings), LocalProvider)
    assert isinstance(get_provider(settings, "anthropic"), AnthropicProvider)
    assert isinstance(get_provider(settings.model_copy(update={"provider": "openai"})), OpenAIProvider)
    assert [get_provider(settings, name).name for name in ("local", "anthropic", "openai")] == [
        "local", "anthropic", "openai"]
    with pytest.raises(ValueError, match="unknown extraction provider 'gemini'"):
        get_provider(settings, "gemini")
