from __future__ import annotations

from pathlib import Path

from vori.events.embedded import EmbeddedEventLog
from vori.events.log import Event


def test_publish_and_read_back_in_order(tmp_path: Path) -> None:
    log = EmbeddedEventLog(tmp_path)
    log.publish([Event("transcription.completed", f"m{i % 2}", {"n": i}, {"eventId": str(i)}) for i in range(5)])
    records = log.read("transcription.completed", 0)
    assert [r.offset for r in records] == [0, 1, 2, 3, 4]
    assert [r.event.value["n"] for r in records] == [0, 1, 2, 3, 4]
    assert records[3].event.key == "m1" and records[3].event.headers == {"eventId": "3"}
    assert [r.offset for r in log.read("transcription.completed", 3)] == [3, 4]
    assert log.read("meeting.ended", 0) == []


def test_offsets_continue_after_reopen_and_torn_tail_is_dropped(tmp_path: Path) -> None:
    log = EmbeddedEventLog(tmp_path)
    log.publish([Event("t", "k", {"n": 1}), Event("t", "k", {"n": 2})])
    log.close()
    with (tmp_path / "t.jsonl").open("ab") as fh:
        fh.write(b'{"offset": 2, "half a rec')  # a crash in the middle of an append
    reopened = EmbeddedEventLog(tmp_path)
    reopened.publish([Event("t", "k", {"n": 3})])
    assert [(r.offset, r.event.value["n"]) for r in reopened.read("t", 0)] == [(0, 1), (1, 2), (2, 3)]


def test_topic_names_cannot_escape_the_directory(tmp_path: Path) -> None:
    log = EmbeddedEventLog(tmp_path)
    for bad in ["../x", "", ".hidden", "a/b"]:
        try:
            log.publish([Event(bad, "k", {})])
        except ValueError:
            continue
        raise AssertionError(f"topic {bad!r} was accepted")
