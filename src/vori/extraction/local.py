"""The offline provider (placeholder: the rule-based English/Korean extractor lands here)."""

from __future__ import annotations

from vori.extraction.schema import Extraction, ExtractionRequest


class LocalProvider:
    name = "local"

    def extract(self, request: ExtractionRequest) -> Extraction:
        return Extraction()
