import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLocation, useParams } from "react-router-dom";
import { api, unwrap, type Meeting } from "../../api/client";
import { Empty, ErrorView, Loading, MeetingStateBadge } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { allTickets, useBoard } from "../board/queries";
import { meetingKeys, useMeeting, useTranscript } from "../meetings/queries";
import { EndProgress } from "./EndProgress";
import { LiveMeeting } from "./LiveMeeting";
import { Suggestions } from "./Suggestions";

/** One meeting: the live page while it is live; afterwards its progress, links and transcript. */
export function MeetingPage() {
  const { meetingId = "" } = useParams();
  const meeting = useMeeting(meetingId);
  // A failed refetch keeps the meeting it had: an outage of the server must not unmount a live meeting's page
  // (its audio stream reconnects on its own and resumes from the last acknowledged chunk).
  if (meeting.data === undefined) {
    return meeting.isError ? <ErrorView error={meeting.error} onRetry={() => meeting.refetch()} /> : <Loading />;
  }
  return (
    <div className="space-y-6">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{meeting.data.title}</h1>
        <MeetingStateBadge state={meeting.data.state} />
      </div>
      {meeting.data.state === "live" ? <LiveMeeting meeting={meeting.data} /> : <PastMeeting meeting={meeting.data} />}
    </div>
  );
}

function PastMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const transcript = useTranscript(meeting.id);
  const { hash } = useLocation();
  const target = hash.startsWith("#seg-") ? hash.slice(1) : null;
  useEffect(() => {
    if (target && transcript.data) document.getElementById(target)?.scrollIntoView({ block: "center" });
  }, [target, transcript.data]);
  return (
    <>
      <EndProgress meeting={meeting} />
      <WaitingSuggestions meeting={meeting} />
      <section className="space-y-2">
        <h2 className="text-lg font-medium">{t("meeting.transcript")}</h2>
        {transcript.isPending ? (
          <Loading />
        ) : transcript.isError ? (
          <ErrorView error={transcript.error} onRetry={() => transcript.refetch()} />
        ) : transcript.data.segments.length === 0 ? (
          <Empty>{t("meeting.noTranscript")}</Empty>
        ) : (
          <ol data-testid="transcript" className="space-y-1 rounded-lg border border-slate-200 bg-white p-4">
            {transcript.data.segments.map((segment) => (
              <li
                key={segment.segmentId}
                id={`seg-${segment.segmentId}`}
                data-testid="final"
                className={`flex gap-3 rounded px-2 py-1 ${target === `seg-${segment.segmentId}` ? "bg-amber-100 ring-2 ring-amber-300" : ""}`}
              >
                <span className="w-12 shrink-0 font-mono text-xs leading-6 text-slate-400">{clock(segment.startMs)}</span>
                <span>{segment.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** The moves a finished meeting heard but did not make alone, still waiting for a person. */
function WaitingSuggestions({ meeting }: { meeting: Meeting }) {
  const board = useBoard(meeting.groupId);
  const [resolved, setResolved] = useState<Record<string, string>>({});
  const waiting = useQuery({
    queryKey: meetingKeys.suggestions(meeting.id),
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}/suggestions", { params: { path: { meeting_id: meeting.id } } })),
    enabled: meeting.state === "done",
  });
  if (!waiting.data) return null;
  const titles = new Map(allTickets(board.data).map((ticket) => [ticket.id, ticket.title]));
  const suggestions = waiting.data.map((s) => ({
    id: s.id, ticketId: s.ticketId, from: s.from, to: s.to, quote: s.quote, confidence: s.confidence,
    state: resolved[s.id] ?? s.state,
  }));
  return <Suggestions suggestions={suggestions} titles={titles} onResolved={(id, state) => setResolved((r) => ({ ...r, [id]: state }))} />;
}

export function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
