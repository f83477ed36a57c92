"""Extraction by Claude through the official `anthropic` SDK, the answer forced into one tool call."""

from __future__ import annotations

import anthropic
from pydantic import SecretStr

from vori.core.settings import ExtractionSettings
from vori.extraction.llm import (
    ANSWER_SCHEMA,
    SYSTEM_PROMPT,
    TOOL_DESCRIPTION,
    TOOL_NAME,
    api_error_text,
    parse_answer,
    status_error,
    user_message,
)
from vori.extraction.provider import MalformedOutput, ProviderError, TransientProviderError
from vori.extraction.schema import Extraction, ExtractionRequest


class AnthropicProvider:
    name = "anthropic"

    def __init__(self, settings: ExtractionSettings) -> None:
        self._settings = settings
        # No SDK retries: the end-of-meeting flow retries transient errors with its own backoff.
        self._client = anthropic.Anthropic(api_key=_secret(settings.anthropic_api_key),
                                           base_url=settings.anthropic_base_url, timeout=settings.timeout_s,
                                           max_retries=0)

    def extract(self, request: ExtractionRequest) -> Extraction:
        if not request.utterances:
            return Extraction()
        if not self._settings.anthropic_api_key:
            raise ProviderError("no Anthropic API key: set VORI_EXTRACTION_ANTHROPIC_API_KEY")
        message = self._create(request)
        for block in message.content:
            if block.type == "tool_use" and block.name == TOOL_NAME:
                return parse_answer(block.input, request)
        raise MalformedOutput(f"Claude answered without calling {TOOL_NAME} "
                              f"(stop_reason {message.stop_reason})")

    def _create(self, request: ExtractionRequest) -> anthropic.types.Message:
        try:
            return self._client.messages.create(
                model=self._settings.anthropic_model,
                max_tokens=self._settings.max_tokens,
                system=SYSTEM_PROMPT,
                messages=[{"role": "user", "content": user_message(request)}],
                tools=[{"name": TOOL_NAME, "description": TOOL_DESCRIPTION, "input_schema": ANSWER_SCHEMA}],
                tool_choice={"type": "tool", "name": TOOL_NAME},
            )
        except anthropic.APITimeoutError as exc:
            raise TransientProviderError(
                f"Anthropic API timed out after {self._settings.timeout_s} s") from exc
        except anthropic.APIConnectionError as exc:
            raise TransientProviderError(f"Anthropic API unreachable: {exc}") from exc
        except anthropic.APIStatusError as exc:
            raise status_error("Anthropic", exc.status_code, api_error_text(exc.body, exc.message),
                               exc.response.headers.get("retry-after")) from exc
        except anthropic.AnthropicError as exc:
            raise ProviderError(f"Anthropic API call failed: {exc}") from exc


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
