"""One settings object for the whole process, read from `VORI_*` environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class AsrSettings(BaseModel):
    """Speech recognition: the engine, and the streaming policy that drives it."""

    model: str = "tiny.en"
    device: str = "auto"
    compute_type: str = "auto"
    cpu_threads: int = 2
    # One model call serves at most this many pending windows from all live streams (1 = no batching).
    max_batch: int = 8
    # Audio fed to the encoder is padded to whole seconds instead of Whisper's fixed 30 s.
    min_context_s: int = 8
    partial_context_s: int = 4
    # Beam for finals; partials are always greedy.
    beam_size: int = 5
    # Tokens of the meeting's preceding text the model is conditioned on (0 = none).
    history_tokens: int = 32
    tick_ms: int = 100
    vad_threshold: float = 0.5
    end_silence_ms: int = 500
    min_speech_ms: int = 200
    pad_ms: int = 400
    partial_interval_ms: int = 600
    max_utterance_ms: int = 12000
    hard_max_utterance_ms: int = 20000
    # A stream that drops is kept this long for a resume before its pending speech is finalized.
    detach_grace_ms: int = 8000


class ExtractionSettings(BaseModel):
    """Tickets from speech: which provider extracts them at meeting end, and the live status detector."""

    # "local" (offline rules, English and Korean), "anthropic" (Claude) or "openai" (any OpenAI-compatible server).
    provider: str = Field(default="local", pattern="^(local|anthropic|openai)$")
    anthropic_api_key: SecretStr | None = None
    anthropic_model: str = "claude-sonnet-5-5"
    anthropic_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"
    # OpenAI itself when unset; Ollama, vLLM or llama.cpp servers by their /v1 URL.
    openai_base_url: str | None = None
    timeout_s: float = 60.0
    max_tokens: int = 4096
    # Transient provider errors are tried this many times in all, waiting backoff_s, 2*backoff_s, ...
    max_tries: int = Field(default=3, ge=1)
    backoff_s: float = 1.0
    # Long transcripts are cut into chunks of about this many words (whole utterances) and the results merged.
    chunk_words: int = Field(default=1500, ge=50)
    # A live meeting in which nobody has spoken (no speech heard by the VAD, or no audio at all) for this long
    # is ended and processed (0 = never).
    silence_timeout_s: float = Field(default=900.0, ge=0)
    # Read every final segment for status moves while the meeting goes on.
    live_status: bool = True
    # A live status statement matched at or above this confidence moves the ticket; between suggest_min and
    # this it becomes a suggestion a person confirms or dismisses; below, nothing.
    move_confidence: float = 0.75
    suggest_confidence: float = 0.5


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VORI_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(default=Path(".vori-data"))
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    event_log: str = "embedded"
    kafka_bootstrap: str = "127.0.0.1:59092"
    # Prepended to every Kafka topic name, so environments (or test runs) can share one cluster.
    topic_prefix: str = ""
    # Who stores transcript segments: "inline" (the server, with the event; embedded default) or "worker"
    # (a `vori worker` consuming transcription.completed: the scaled pipeline of the seed).
    segments: str = Field(default="inline", pattern="^(inline|worker)$")
    outbox_relay: bool = True
    # This worker's stable name in its Kafka consumer groups (static membership); unique per worker process.
    worker_id: str = Field(default_factory=lambda: os.uname().nodename)
    asr: AsrSettings = AsrSettings()
    extraction: ExtractionSettings = ExtractionSettings()
    # Audio is fsynced at least this often while it arrives; ack.durableMs follows each flush.
    audio_flush_ms: int = 250
    max_frame_bytes: int = 1024 * 1024
    # A client must send `start` this soon after connecting (close 4408).
    ws_start_timeout_s: float = 10.0
    log_level: str = "info"

    @model_validator(mode="before")
    @classmethod
    def _flat_nested_variables(cls, data: Any) -> Any:
        """`VORI_ASR_MODEL`, `VORI_EXTRACTION_PROVIDER`, … (one underscore) set the nested settings too."""
        if not isinstance(data, dict):
            return data
        for section, model in (("asr", AsrSettings), ("extraction", ExtractionSettings)):
            prefix = f"VORI_{section.upper()}_"
            values = dict(data.get(section) or {})
            for key, value in os.environ.items():
                name = key[len(prefix):].lower()
                if key.startswith(prefix) and not name.startswith("_") and name in model.model_fields:
                    values.setdefault(name, value)
            if values:
                data = {**data, section: values}
        return data

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'vori.db').resolve()}"

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    @property
    def events_dir(self) -> Path:
        return self.data_dir / "events"


@lru_cache
def get_settings() -> Settings:
    return Settings()
