// The browser side of the audio WebSocket contract (docs/protocol.md), as an explicit state machine:
//
//   idle → connecting → streaming ⇄ reconnecting → stopping → stopped
//                                                 ↘ failed (a close code that retrying cannot fix)
//
// Every captured sample gets its meeting time. Audio stays buffered until an `ack` says the server has it
// durably; after a dropped connection the streamer reconnects with `resumeFromMs` = the last ack and resends
// the buffer from exactly that sample, so nothing said during the drop is lost and nothing is sent twice.

export type StreamState = "idle" | "connecting" | "streaming" | "reconnecting" | "stopping" | "stopped" | "failed";

export type ServerFrame =
  | { type: "ready"; durableMs: number; lastSeq: number }
  | { type: "partial"; text: string; startMs: number; endMs: number }
  | { type: "final"; segmentId: string; seq: number; text: string; startMs: number; endMs: number; speaker: string | null }
  | { type: "ack"; durableMs: number }
  | { type: "stopped"; durableMs?: number; reason?: string }
  | { type: "error"; code: string; message: string }
  | { type: "pong"; durableMs: number }
  | ({ type: "ticket.updated" } & TicketMoveFrame)
  | ({ type: "ticket.suggested" } & SuggestionFrame)
  | ({ type: "ticket.suggestion.resolved" } & SuggestionFrame);

export type TicketMoveFrame = {
  ticketId: string;
  from: string | null;
  to: string;
  cause: string;
  evidence: { segmentId?: string; quote?: string; confidence?: number } | null;
};
export type SuggestionFrame = {
  suggestionId: string;
  ticketId: string;
  from: string;
  to: string;
  state: string;
  confidence: number;
  evidence: { segmentId?: string; quote?: string } | null;
};

export type StreamerEvents = {
  onState: (state: StreamState, detail?: string) => void;
  onFrame: (frame: ServerFrame) => void;
};

const RATE = 16000;
const SAMPLES_PER_MS = RATE / 1000;
// Close codes after which a reconnect would only be refused again.
const FINAL_CLOSES: Record<number, string> = {
  4400: "bad_frame",
  4404: "unknown_meeting",
  4409: "meeting_not_live",
  4410: "superseded",
  4413: "frame_too_large",
  4416: "resume_gap",
  4422: "unsupported",
};

type Chunk = { start: number; pcm: Int16Array }; // start: meeting time in samples

export class AudioStreamer {
  state: StreamState = "idle";
  private ws: WebSocket | null = null;
  private chunks: Chunk[] = []; // captured and not yet acknowledged
  private early: Int16Array[] = []; // captured before the first `ready` gave the meeting time
  private next: number | null = null; // meeting time (samples) of the next captured sample
  private acked = 0; // samples the server holds durably
  private attempt = 0;
  private retryTimer: number | undefined;
  private holdUntil = 0;
  private lastError = "";
  private flowing = false; // the current connection is past `ready` and takes audio as it comes

  constructor(
    private readonly url: string,
    private readonly language: string,
    private readonly events: StreamerEvents,
  ) {}

  get ackedMs(): number {
    return Math.floor(this.acked / SAMPLES_PER_MS);
  }

  get bufferedMs(): number {
    const held = this.chunks.reduce((n, c) => n + c.pcm.length, 0) + this.early.reduce((n, c) => n + c.length, 0);
    return Math.round(held / SAMPLES_PER_MS);
  }

  start(): void {
    if (this.state !== "idle") return;
    this.connect();
  }

  /** A captured frame of 16 kHz PCM16: timed, buffered, and sent at once when the stream is up. */
  push(pcm: Int16Array): void {
    if (this.state === "stopped" || this.state === "failed") return;
    if (this.next === null) {
      this.early.push(pcm);
      return;
    }
    const chunk = { start: this.next, pcm };
    this.next += pcm.length;
    this.chunks.push(chunk);
    if (this.flowing && this.ws?.readyState === WebSocket.OPEN) this.ws.send(pcm);
  }

  /** Ends the meeting: the server sends its last finals, ends the meeting, answers `stopped` and closes. */
  stop(): void {
    if (this.state === "streaming") {
      this.setState("stopping");
      this.flowing = false;
      this.ws?.send(JSON.stringify({ type: "stop" }));
    } else if (this.state === "connecting" || this.state === "reconnecting") {
      this.setState("stopping"); // sent once the reconnect has resent the buffer
    }
  }

  /** Closes without ending the meeting (leaving the page). */
  close(): void {
    window.clearTimeout(this.retryTimer);
    this.setState("stopped");
    this.ws?.close(1000, "client left");
    this.ws = null;
  }

  /** Test hook: cut the connection as a network drop would, and keep it down for `holdMs`. */
  drop(holdMs = 0): void {
    this.holdUntil = Date.now() + holdMs;
    this.ws?.close(4000, "dropped");
  }

  private connect(): void {
    const resuming = this.next !== null;
    if (this.state !== "stopping") this.setState(resuming ? "reconnecting" : "connecting");
    const ws = new WebSocket(this.url);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    ws.onopen = () => {
      const start: Record<string, unknown> = { type: "start", sampleRate: RATE, encoding: "pcm_s16le", channels: 1, language: this.language };
      if (resuming) start.resumeFromMs = this.ackedMs;
      ws.send(JSON.stringify(start));
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      const frame = JSON.parse(event.data) as ServerFrame;
      this.receive(ws, frame);
      this.events.onFrame(frame);
    };
    ws.onclose = (event) => this.closed(ws, event);
  }

  private receive(ws: WebSocket, frame: ServerFrame): void {
    if (frame.type === "ready") this.ready(ws, frame.durableMs);
    else if (frame.type === "ack") this.acknowledge(frame.durableMs);
    else if (frame.type === "error") this.lastError = `${frame.code}: ${frame.message}`;
    else if (frame.type === "stopped") {
      window.clearTimeout(this.retryTimer);
      this.setState("stopped", frame.reason);
    }
  }

  private ready(ws: WebSocket, durableMs: number): void {
    this.attempt = 0;
    if (this.next === null) {
      // First connection: our audio continues the meeting's timeline after what is stored.
      this.acked = durableMs * SAMPLES_PER_MS;
      this.next = this.acked;
      const early = this.early;
      this.early = [];
      for (const pcm of early) this.push(pcm);
    }
    // Resend everything not acknowledged, starting exactly at resumeFromMs (the server skips any overlap).
    const from = Math.floor(this.acked / SAMPLES_PER_MS) * SAMPLES_PER_MS;
    for (const chunk of this.chunks) {
      const end = chunk.start + chunk.pcm.length;
      if (end <= from) continue;
      ws.send(chunk.start >= from ? chunk.pcm : chunk.pcm.subarray(from - chunk.start));
    }
    if (this.state === "stopping") {
      ws.send(JSON.stringify({ type: "stop" }));
    } else {
      this.flowing = true;
      this.setState("streaming");
    }
  }

  private acknowledge(durableMs: number): void {
    this.acked = Math.max(this.acked, durableMs * SAMPLES_PER_MS);
    while (this.chunks.length && this.chunks[0].start + this.chunks[0].pcm.length <= this.acked) this.chunks.shift();
  }

  private closed(ws: WebSocket, event: CloseEvent): void {
    if (ws !== this.ws) return;
    this.ws = null;
    this.flowing = false;
    if (this.state === "stopped") return;
    const final = FINAL_CLOSES[event.code];
    if (final) {
      this.setState(event.code === 4409 ? "stopped" : "failed", this.lastError || final);
      return;
    }
    // A drop (1006), a restart (1001/1012), an internal error (1011): reconnect with backoff.
    if (this.state !== "stopping") this.setState("reconnecting");
    const backoff = Math.min(250 * 2 ** this.attempt, 4000);
    this.attempt += 1;
    const wait = Math.max(backoff, this.holdUntil - Date.now());
    this.retryTimer = window.setTimeout(() => this.connect(), wait);
  }

  private setState(state: StreamState, detail?: string): void {
    this.state = state;
    this.events.onState(state, detail);
  }
}
