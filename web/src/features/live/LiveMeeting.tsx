import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { api, unwrap, wsUrl, type Meeting } from "../../api/client";
import { ErrorView } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import type { MessageKey } from "../../i18n/messages";
import { allTickets, boardKeys, useBoard } from "../board/queries";
import { meetingKeys } from "../meetings/queries";
import { AudioStreamer, type ServerFrame, type StreamState } from "./AudioStreamer";
import { emptyLive, liveReducer, type LiveState } from "./liveState";
import { clock } from "./MeetingPage";
import { MicrophoneError, openMicrophone, type MicError, type Microphone } from "./microphone";
import { Suggestions } from "./Suggestions";

const MIC_MESSAGES: Record<MicError, MessageKey> = {
  refused: "live.micRefused",
  missing: "live.micMissing",
  unsupported: "live.micUnsupported",
  failed: "live.micFailed",
};

declare global {
  interface Window {
    /** For the browser tests: the live page's audio stream (drop it to simulate a network cut). */
    __voriAudio?: AudioStreamer;
  }
}

export function LiveMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [live, dispatch] = useReducer(liveReducer, emptyLive);
  const [streamState, setStreamState] = useState<StreamState>("idle");
  const [streamError, setStreamError] = useState<string | null>(null);
  const [micError, setMicError] = useState<MicError | null>(null);
  const [level, setLevel] = useState(0);
  const [ending, setEnding] = useState(false);
  const streamer = useRef<AudioStreamer | null>(null);
  const microphone = useRef<Microphone | null>(null);
  const board = useBoard(meeting.groupId);

  // What was already said (another tab, before a reload) and suggestions still waiting.
  const stored = useQuery({
    queryKey: meetingKeys.transcript(meeting.id),
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}/transcript", { params: { path: { meeting_id: meeting.id } } })),
  });
  useEffect(() => {
    if (stored.data) dispatch({ type: "segments", segments: stored.data.segments });
  }, [stored.data]);
  const pending = useQuery({
    queryKey: meetingKeys.suggestions(meeting.id),
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}/suggestions", { params: { path: { meeting_id: meeting.id } } })),
  });
  useEffect(() => {
    if (pending.data) dispatch({ type: "suggestions", suggestions: pending.data });
  }, [pending.data]);

  const finished = useCallback(() => {
    microphone.current?.stop();
    microphone.current = null;
    void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) });
    void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
  }, [meeting.id, queryClient]);

  const onFrame = useCallback(
    (frame: ServerFrame) => {
      dispatch({ type: "frame", frame });
      if (frame.type === "ready" && frame.lastSeq > 0) void stored.refetch(); // finals made while we were away
      if (frame.type === "ticket.updated") void queryClient.invalidateQueries({ queryKey: boardKeys.board(meeting.groupId) });
    },
    [meeting.groupId, queryClient, stored],
  );

  const start = async () => {
    setMicError(null);
    setStreamError(null);
    const stream = new AudioStreamer(wsUrl(`/ws/meetings/${meeting.id}/audio`), meeting.language, {
      onState: (state, detail) => {
        setStreamState(state);
        if (state === "failed") setStreamError(detail ?? "");
        if (state === "stopped" || state === "failed") finished();
      },
      onFrame: (frame) => onFrameRef.current(frame),
    });
    setStreamState("connecting");
    try {
      microphone.current = await openMicrophone((pcm, lvl) => {
        stream.push(pcm);
        setLevel(lvl);
      });
    } catch (err) {
      setStreamState("idle");
      setMicError(err instanceof MicrophoneError ? err.kind : "failed");
      return;
    }
    streamer.current = stream;
    window.__voriAudio = stream;
    stream.start();
  };
  const onFrameRef = useRef(onFrame);
  onFrameRef.current = onFrame;

  useEffect(
    () => () => {
      // Leaving the page pauses the stream; the meeting stays live and can be resumed.
      microphone.current?.stop();
      if (streamer.current && streamer.current.state !== "stopped") streamer.current.close();
      if (window.__voriAudio === streamer.current) delete window.__voriAudio;
    },
    [],
  );

  const endByApi = useMutation({
    mutationFn: () => unwrap(api.POST("/api/meetings/{meeting_id}/end", { params: { path: { meeting_id: meeting.id } } })),
    onSuccess: finished,
  });
  const end = () => {
    setEnding(true);
    const stream = streamer.current;
    if (stream && ["connecting", "streaming", "reconnecting"].includes(stream.state)) {
      microphone.current?.stop(); // everything captured so far is in the buffer and goes out before `stop`
      microphone.current = null;
      stream.stop();
    } else {
      endByApi.mutate();
    }
  };

  const titles = new Map(allTickets(board.data).map((ticket) => [ticket.id, ticket.title]));
  const recording = ["connecting", "streaming", "reconnecting", "stopping"].includes(streamState);
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-4">
        <Controls
          streamState={streamState}
          level={level}
          bufferedMs={streamer.current?.bufferedMs ?? 0}
          recording={recording}
          ending={ending}
          onStart={start}
          onEnd={end}
        />
        {micError && <ErrorView message={t(MIC_MESSAGES[micError])} />}
        {streamError !== null && <ErrorView message={t("live.streamFailed", { detail: streamError })} />}
        {endByApi.isError && <ErrorView error={endByApi.error} onRetry={() => endByApi.mutate()} />}
        <Transcript live={live} />
      </div>
      <aside className="space-y-4">
        <Moves live={live} titles={titles} />
        <Suggestions suggestions={live.suggestions} titles={titles} onResolved={(id, state) => dispatch({ type: "resolved", id, state })} />
      </aside>
    </div>
  );
}

function Controls(props: {
  streamState: StreamState; level: number; bufferedMs: number; recording: boolean; ending: boolean;
  onStart: () => void; onEnd: () => void;
}) {
  const { t } = useI18n();
  const { streamState, level, bufferedMs, recording, ending } = props;
  const tone = streamState === "streaming" ? "bg-emerald-500" : streamState === "reconnecting" ? "bg-amber-500" : streamState === "failed" ? "bg-red-500" : "bg-slate-300";
  return (
    <div className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
      {!recording && !ending && (
        <button data-testid="start-mic" onClick={props.onStart} className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
          {t("live.start")}
        </button>
      )}
      <span data-testid="stream-state" data-state={streamState} className="flex items-center gap-2 text-sm text-slate-600">
        <span className={`h-2.5 w-2.5 rounded-full ${tone} ${streamState === "streaming" ? "animate-pulse" : ""}`} />
        {t(`live.conn.${streamState}` as "live.conn.idle")}
        {streamState === "reconnecting" && bufferedMs > 0 && (
          <span data-testid="buffered" className="font-mono text-xs text-amber-700">
            {(bufferedMs / 1000).toFixed(1)} s
          </span>
        )}
      </span>
      <div className="flex items-center gap-2" title={t("live.level")}>
        <div role="meter" aria-label={t("live.level")} aria-valuemin={0} aria-valuemax={1} aria-valuenow={Number(level.toFixed(2))} className="h-2 w-32 overflow-hidden rounded-full bg-slate-200">
          <div data-testid="level" className="h-full bg-emerald-500 transition-[width] duration-75" style={{ width: `${Math.min(100, Math.sqrt(level) * 220)}%` }} />
        </div>
      </div>
      <button
        data-testid="end-meeting"
        onClick={props.onEnd}
        disabled={ending}
        className="ml-auto rounded-md bg-red-600 px-4 py-2 font-medium text-white hover:bg-red-700 disabled:opacity-50"
      >
        {ending ? t("live.ending") : t("live.end")}
      </button>
    </div>
  );
}

function Transcript({ live }: { live: LiveState }) {
  const { t } = useI18n();
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true); // at the bottom: keep up with new text; scrolled up to read: stay there
  useEffect(() => {
    if (following.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [live.finals, live.partial]);
  const onScroll = () => {
    const el = box.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-medium">{t("live.transcript")}</h2>
      <ol
        ref={box}
        onScroll={onScroll}
        data-testid="transcript"
        aria-live="polite"
        className="max-h-[60vh] min-h-40 space-y-1 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4"
      >
        {live.finals.length === 0 && !live.partial && <li className="text-slate-400">{t("live.transcriptEmpty")}</li>}
        {live.finals.map((f) => (
          <li key={f.seq} id={`seg-${f.segmentId}`} data-testid="final" className="flex gap-3 px-2 py-1">
            <span className="w-12 shrink-0 font-mono text-xs leading-6 text-slate-400">{clock(f.startMs)}</span>
            <span>{f.text}</span>
          </li>
        ))}
        {live.partial && (
          <li data-testid="partial" className="flex gap-3 px-2 py-1 italic text-slate-400">
            <span className="w-12 shrink-0 font-mono text-xs leading-6">{clock(live.partial.startMs)}</span>
            <span>{live.partial.text || t("live.listening")}</span>
          </li>
        )}
      </ol>
    </section>
  );
}

function Moves({ live, titles }: { live: LiveState; titles: Map<string, string> }) {
  const { t } = useI18n();
  const status = (s: string | null) => (s ? t(`status.${s}` as "status.TODO") : "—");
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-medium">{t("live.moves")}</h2>
      {live.moves.length === 0 ? (
        <p className="text-sm text-slate-500">{t("live.movesEmpty")}</p>
      ) : (
        <ul aria-live="polite" className="space-y-2">
          {live.moves.map((move) => (
            <li key={move.key} data-testid="move" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm">
              <div className="font-medium">{titles.get(move.ticketId) ?? move.ticketId.slice(0, 8)}</div>
              <div>
                {status(move.from)} → <strong>{status(move.to)}</strong>
              </div>
              {move.evidence?.quote && <div className="text-slate-600">{t("live.by", { quote: move.evidence.quote })}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

