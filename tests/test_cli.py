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


def _vori(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vori.cli", *args], capture_output=True, text=True, timeout=120,
                          check=False,
                          env={"PATH": "/usr/bin:/bin", "VORI_EXTRACTION_PROVIDER": "local"})


def test_vori_extract_prints_tickets_moves_and_blockers(tmp_path: Path) -> None:
    transcript = tmp_path / "standup.txt"
    transcript.write_text("Alice: Morning everyone.\n\nBob: The login screen is finished, I merged it last night.\n"
                          "Alice: Dan, can you take the flaky CI test?\nDan: Sure.\n"
                          "민수: 지수 님이 결제 API 문서 정리해 주세요.\n"
                          "Carol: I'm blocked on the staging credentials.\n", encoding="utf-8")
    board = tmp_path / "board.json"
    board.write_text(json.dumps([{"id": "T1", "title": "Frontend login page", "status": "IN_PROGRESS"},
                                 {"id": "T2", "title": "결제 모듈 리팩토링", "status": "TODO"}]))
    done = _vori("extract", str(transcript), "--board", str(board), "--meeting-id", "m-7")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [(t["title"], t["status"], t["meetingId"]) for t in result["tickets"]] == [
        ("Flaky CI test", "TODO", "m-7"), ("결제 API 문서 정리", "TODO", "m-7")]
    assert set(result["tickets"][0]) == {"title", "content", "status", "meetingId"}
    assert result["statusUpdates"] == [{"ticketId": "T1", "from": "IN_PROGRESS", "to": "DONE",
                                        "evidence": "Bob: The login screen is finished, I merged it last night."}]
    assert result["blockers"] == [{"text": "I'm blocked on the staging credentials."}]


def test_vori_extract_refuses_bad_input_clearly(tmp_path: Path) -> None:
    transcript = tmp_path / "t.txt"
    transcript.write_text("Bob: hello\n")
    board = tmp_path / "board.json"
    board.write_text('[{"id": "T1", "status": "DONE"}]')
    bad_board = _vori("extract", str(transcript), "--board", str(board))
    assert bad_board.returncode == 2 and "0.title" in bad_board.stderr and bad_board.stdout == ""
    board.write_text("not json")
    assert _vori("extract", str(transcript), "--board", str(board)).returncode == 2
    missing = _vori("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
    assert _vori("extract", str(transcript), "--provider", "magic").returncode == 2


def test_vori_eval_scores_annotated_meetings(tmp_path: Path) -> None:
    meeting = {"id": "en-x", "language": "en", "kind": "standup",
               "board": [{"id": "T1", "title": "Frontend login page", "status": "IN_PROGRESS"}],
               "transcript": ["Ann: The login page is done.", "Bo: I'll add rate limiting to the signup API.",
                              "Ann: Nice weather today."],
               "gold": {"tickets": [{"title": "Rate limiting on signup", "status": "TODO", "assignee": "Bo",
                                     "lines": [1]}],
                        "statusUpdates": [{"ticketId": "T1", "to": "DONE", "line": 0}], "blockers": []}}
    (tmp_path / "en-x.json").write_text(json.dumps(meeting))
    done = _vori("eval", str(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["meetings"] == 1 and report["overall"]["tickets"]["f1"] == 1.0
    assert report["overall"]["statusMoves"] == {"predicted": 1, "gold": 1, "matched": 1, "precision": 1.0,
                                                "recall": 1.0, "f1": 1.0, "accuracy": 1.0, "wrong": 0,
                                                "confident": {"right": 1, "wrong": 0}}
    assert "ticket F1 1.000" in done.stderr and "moves at confidence ≥ 0.75: 1 right, 0 wrong" in done.stderr
    assert _vori("eval", str(tmp_path / "missing")).returncode == 2
