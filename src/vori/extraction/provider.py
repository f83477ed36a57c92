"""The one interface every extraction provider implements, and the errors the end-of-meeting flow retries."""

from __future__ import annotations

from typing import Protocol

from vori.extraction.schema import Extraction, ExtractionRequest


class ProviderError(Exception):
    """Extraction failed. `retryable` errors are tried again with backoff; the others fail at once."""

    retryable = False


class TransientProviderError(ProviderError):
    """Rate limited (429), a server error (5xx), a timeout or a dropped connection."""

    retryable = True


class MalformedOutput(ProviderError):
    """The model answered with something that is not the output schema at all (asking again may help)."""

    retryable = True


class ExtractionProvider(Protocol):
    name: str

    def extract(self, request: ExtractionRequest) -> Extraction:
        """Tickets, status moves of board tickets and blockers found in `request.utterances`. Synchronous:
        the end-of-meeting flow runs it in a worker thread."""
        ...
