"""Offline harness for the streaming policy: feeds the benchmark meetings through the real VAD and policy in
100 ms steps (no server, no clock) and decodes the final windows with the real engine, to compare the WER of
policy settings against the same model transcribing each whole file. `python bench/policy_wer.py --help`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import meeting
from stream_bench import wer

from vori.core.settings import AsrSettings
from vori.transcription.engine import WhisperEngine
from vori.transcription.streaming import StreamPolicy
from vori.transcription.vad import SileroVad


def final_windows(vad, settings, audio):  # type: ignore[no-untyped-def]
    policy = StreamPolicy(vad, settings)
    windows = []
    for offset in range(0, len(audio), 1600):
        policy.feed(audio[offset : offset + 1600])
        while (w := policy.next_window()) is not None and w.final:
            windows.append((w, policy.clip(w)))
            policy._advance(w.end)
    while (w := policy.next_window(flush=True)) is not None:
        windows.append((w, policy.clip(w)))
        policy._advance(w.end)
    return windows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=8)
    parser.add_argument("--pad-ms", default="200")
    parser.add_argument("--context", default="4")
    parser.add_argument("--beam", default="1")
    parser.add_argument("--history", default="32", help="tokens of preceding text to condition on")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    speeches = [meeting(i) for i in range(args.meetings)]
    vad = SileroVad()
    grid = [(int(c), int(b), int(h)) for c in args.context.split(",") for b in args.beam.split(",")
            for h in args.history.split(",")]
    for ctx, beam, history in grid:
        engine = WhisperEngine("tiny.en", Path("/tmp/vori-models"), min_context_s=ctx, beam_size=beam,
                               history_tokens=history)
        for pad in [int(x) for x in args.pad_ms.split(",")]:
            settings = AsrSettings(pad_ms=pad)
            hyps = []
            for speech in speeches:
                windows = final_windows(vad, settings, speech.audio)
                # One window per model call, as a lone stream gets it from the scheduler.
                texts: list[str] = []
                for _, clip in windows:
                    decoded = engine.decode_batch([clip], ["en"], previous=[texts[-1] if texts else ""])[0]
                    if decoded.is_speech:
                        texts.append(decoded.text)
                hyps.append(" ".join(texts))
                if args.show:
                    print(len(windows), "windows:", [(w.start // 16, w.end // 16) for w, _ in windows])
                    print("  ref:", speech.text)
                    print("  hyp:", hyps[-1])
            print(f"context>={ctx}s beam={beam} history={history} pad={pad}ms WER={wer([s.text for s in speeches], hyps):.3f}", flush=True)


if __name__ == "__main__":
    main()
