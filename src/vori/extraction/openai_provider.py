"""Extraction by any OpenAI-compatible chat completions server (OpenAI, Ollama, vLLM, llama.cpp) through the
official `openai` SDK, the answer constrained by a JSON schema."""

from __future__ import annotations

import openai
from openai.types.chat import ChatCompletion

from vori.core.settings import ExtractionSettings
from vori.extraction.llm import (
    ANSWER_SCHEMA,
    SYSTEM_PROMPT,
    TOOL_NAME,
    api_error_text,
    parse_answer,
    status_error,
    user_message,
)
from vori.extraction.provider import MalformedOutput, ProviderError, TransientProviderError
from vori.extraction.schema import Extraction, ExtractionRequest


class OpenAIProvider:
    name = "openai"

    def __init__(self, settings: ExtractionSettings) -> None:
        self._settings = settings
        # Local servers need no key, but the SDK refuses to start without one. No SDK retries: the
        # end-of-meeting flow retries transient errors with its own backoff.
        self._client = openai.OpenAI(api_key=(settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"),
                                     base_url=settings.openai_base_url, timeout=settings.timeout_s,
                                     max_retries=0)

    def extract(self, request: ExtractionRequest) -> Extraction:
        if not request.utterances:
            return Extraction()
        completion = self._create(request)
        if not completion.choices:
            raise MalformedOutput("the chat completion has no choices")
        choice = completion.choices[0]
        if choice.message.refusal:
            raise MalformedOutput(f"the model refused: {choice.message.refusal[:200]}")
        if not choice.message.content:
            raise MalformedOutput(f"the model's answer is empty (finish_reason {choice.finish_reason})")
        return parse_answer(choice.message.content, request)

    def _create(self, request: ExtractionRequest) -> ChatCompletion:
        try:
            return self._client.chat.completions.create(
                model=self._settings.openai_model,
                # max_completion_tokens, not the deprecated max_tokens that OpenAI's reasoning models refuse;
                # servers that do not know it ignore it.
                max_completion_tokens=self._settings.max_tokens,
                messages=[{"role": "system", "content": SYSTEM_PROMPT},
                          {"role": "user", "content": user_message(request)}],
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": TOOL_NAME, "schema": ANSWER_SCHEMA, "strict": False},
                },
            )
        except openai.APITimeoutError as exc:
            raise TransientProviderError(
                f"OpenAI-compatible API timed out after {self._settings.timeout_s} s") from exc
        except openai.APIConnectionError as exc:
            raise TransientProviderError(f"OpenAI-compatible API unreachable: {exc}") from exc
        except openai.APIStatusError as exc:
            raise status_error("OpenAI-compatible", exc.status_code, api_error_text(exc.body, exc.message),
                               exc.response.headers.get("retry-after")) from exc
        except openai.OpenAIError as exc:
            raise ProviderError(f"OpenAI-compatible API call failed: {exc}") from exc
