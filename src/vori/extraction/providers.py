"""The extraction providers by name. The LLM providers are imported only when chosen, so their SDKs are not
loaded by a server that extracts locally."""

from __future__ import annotations

from vori.core.settings import ExtractionSettings
from vori.extraction.provider import ExtractionProvider

PROVIDER_NAMES = ("local", "anthropic", "openai")


def get_provider(settings: ExtractionSettings, name: str | None = None) -> ExtractionProvider:
    """The provider called `name`, or the one the settings choose."""
    name = name or settings.provider
    if name == "local":
        from vori.extraction.local import LocalProvider

        return LocalProvider()
    if name == "anthropic":
        from vori.extraction.anthropic_provider import AnthropicProvider

        return AnthropicProvider(settings)
    if name == "openai":
        from vori.extraction.openai_provider import OpenAIProvider

        return OpenAIProvider(settings)
    raise ValueError(f"unknown extraction provider {name!r}: expected one of {', '.join(PROVIDER_NAMES)}")
