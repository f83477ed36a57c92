from __future__ import annotations

import pytest

from vori.core.settings import Settings


def test_speech_settings_from_flat_and_nested_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VORI_ASR_MODEL", "/models/whisper-small")
    monkeypatch.setenv("VORI_ASR__MAX_BATCH", "3")
    monkeypatch.setenv("VORI_DATA_DIR", "/tmp/vori-x")
    settings = Settings()
    assert settings.asr.model == "/models/whisper-small"
    assert settings.asr.max_batch == 3
    assert str(settings.data_dir) == "/tmp/vori-x"
    assert settings.resolved_database_url == "sqlite:////tmp/vori-x/vori.db"


def test_a_bad_value_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VORI_ASR_MAX_BATCH", "many")
    with pytest.raises(ValueError, match="max_batch"):
        Settings()
