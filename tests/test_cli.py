from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vori.testing.speech import conversation


def test_vori_stream_prints_finals(server, tmp_path: Path) -> None:
    wav = conversation(["The login page is finished."]).save_wav(tmp_path / "m.wav", rate=22050)
    out = subprocess.run(
        [sys.executable, "-m", "vori.cli", "stream", str(wav), "--server", server.url, "--fast"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    frames = [json.loads(line) for line in out.splitlines()]
    assert frames[-1]["type"] == "stopped"
    assert "login" in " ".join(f["text"] for f in frames if f["type"] == "final").lower()


def test_vori_migrate(tmp_path: Path) -> None:
    env = {"VORI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "vori.cli", "migrate"], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert "latest schema" in out and (tmp_path / "vori.db").exists()
