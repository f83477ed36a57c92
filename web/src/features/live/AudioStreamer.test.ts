// The audio socket's client state machine against a scripted server: timing of samples, what is resent
// after a drop (exactly from the last ack, nothing twice), stop, and close codes that end the stream.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AudioStreamer, type StreamState } from "./AudioStreamer";

class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  binaryType = "blob";
  sent: (string | Int16Array)[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string | Int16Array) {
    this.sent.push(typeof data === "string" ? data : Int16Array.from(data));
  }
  close(code = 1000) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  // server side
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  reply(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  get starts() {
    return this.sent.filter((m): m is string => typeof m === "string").map((m) => JSON.parse(m));
  }
  get audio(): number[] {
    return this.sent.filter((m): m is Int16Array => typeof m !== "string").flatMap((a) => [...a]);
  }
}

const frame = (from: number, samples: number) => Int16Array.from({ length: samples }, (_, i) => from + i);

describe("AudioStreamer", () => {
  let states: StreamState[];
  let streamer: AudioStreamer;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("window", globalThis);
    vi.stubGlobal("WebSocket", FakeSocket);
    FakeSocket.all = [];
    states = [];
    streamer = new AudioStreamer("ws://vori/ws/meetings/m1/audio", "en", {
      onState: (state) => states.push(state),
      onFrame: () => {},
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("buffers audio captured before ready and sends it all once ready", () => {
    streamer.start();
    streamer.push(frame(0, 800));
    const socket = FakeSocket.all[0];
    socket.open();
    expect(socket.starts[0]).toEqual({ type: "start", sampleRate: 16000, encoding: "pcm_s16le", channels: 1, language: "en" });
    streamer.push(frame(800, 800));
    expect(socket.audio).toEqual([]);
    socket.reply({ type: "ready", durableMs: 0, lastSeq: 0 });
    streamer.push(frame(1600, 800));
    expect(socket.audio).toEqual([...frame(0, 2400)]);
    expect(states).toEqual(["connecting", "streaming"]);
  });

  it("after a drop resumes from the last ack and resends exactly the unacknowledged samples", () => {
    streamer.start();
    const first = FakeSocket.all[0];
    first.open();
    first.reply({ type: "ready", durableMs: 1000, lastSeq: 3 }); // 1 s already stored by an earlier client
    for (let i = 0; i < 4; i++) streamer.push(frame(i * 800, 800)); // 200 ms: meeting time 1000..1200
    first.reply({ type: "ack", durableMs: 1075 }); // mid-frame: 75 ms = 1200 samples are durable
    first.close(1006);
    expect(streamer.state).toBe("reconnecting");
    streamer.push(frame(3200, 800)); // said while disconnected
    expect(streamer.bufferedMs).toBe(200); // the frames not wholly acked (3 × 50 ms) and the new one

    vi.advanceTimersByTime(250);
    const second = FakeSocket.all[1];
    second.open();
    expect(second.starts[0]).toMatchObject({ type: "start", resumeFromMs: 1075 });
    second.reply({ type: "ready", durableMs: 1075, lastSeq: 3 });
    expect(second.audio).toEqual([...frame(1200, 2800)]); // from sample 1200 of ours, through the new frame
    expect(states).toEqual(["connecting", "streaming", "reconnecting", "reconnecting", "streaming"]);
  });

  it("stop sends stop after the buffer and ends on stopped", () => {
    streamer.start();
    const socket = FakeSocket.all[0];
    socket.open();
    socket.reply({ type: "ready", durableMs: 0, lastSeq: 0 });
    streamer.push(frame(0, 800));
    streamer.stop();
    streamer.push(frame(800, 800)); // captured after stop: not sent
    expect(socket.starts.at(-1)).toEqual({ type: "stop" });
    expect(socket.audio).toEqual([...frame(0, 800)]);
    socket.reply({ type: "stopped", durableMs: 50 });
    socket.close(1000);
    expect(streamer.state).toBe("stopped");
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1); // no reconnect after a stop
  });

  it("a stop asked for while reconnecting is sent once the buffer is resent", () => {
    streamer.start();
    const first = FakeSocket.all[0];
    first.open();
    first.reply({ type: "ready", durableMs: 0, lastSeq: 0 });
    streamer.push(frame(0, 800));
    first.close(1006);
    streamer.stop();
    vi.advanceTimersByTime(250);
    const second = FakeSocket.all[1];
    second.open();
    second.reply({ type: "ready", durableMs: 0, lastSeq: 0 });
    expect(second.audio).toEqual([...frame(0, 800)]);
    expect(second.starts.at(-1)).toEqual({ type: "stop" });
    expect(streamer.state).toBe("stopping");
  });

  it.each([
    [4409, "stopped"],
    [4410, "failed"],
    [4416, "failed"],
    [4422, "failed"],
  ])("close %i ends the stream as %s, without retrying", (code, state) => {
    streamer.start();
    const socket = FakeSocket.all[0];
    socket.open();
    socket.close(code);
    expect(streamer.state).toBe(state);
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("keeps retrying with backoff while the server is down", () => {
    streamer.start();
    FakeSocket.all[0].close(1006);
    vi.advanceTimersByTime(250);
    FakeSocket.all[1].close(1006);
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
  });
});
