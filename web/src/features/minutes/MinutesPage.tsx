import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { api, ApiError, unwrap, type Minutes } from "../../api/client";
import { ErrorView, Loading, MeetingStateBadge } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { meetingKeys, useMeeting } from "../meetings/queries";

export function MinutesPage() {
  const { meetingId = "" } = useParams();
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const ready = meeting.data?.state === "done";
  const minutes = useQuery({
    queryKey: meetingKeys.minutes(meetingId),
    // The operation also answers text/markdown, so its typed body is `unknown`: JSON is asked for here.
    queryFn: async () => (await unwrap(api.GET("/api/meetings/{meeting_id}/minutes", { params: { path: { meeting_id: meetingId }, query: { format: "json" } } }))) as Minutes,
    enabled: ready,
  });
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorView error={meeting.error} onRetry={() => meeting.refetch()} />;
  if (!ready) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">
          {t("minutes.title")}: {meeting.data.title}
        </h1>
        <div role="status" className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900">
          {t("minutes.notReady", { state: t(`state.${meeting.data.state}` as "state.live") })} <MeetingStateBadge state={meeting.data.state} />
        </div>
      </div>
    );
  }
  if (minutes.isPending) return <Loading />;
  if (minutes.isError) {
    return <ErrorView error={minutes.error instanceof ApiError ? minutes.error : new Error(String(minutes.error))} onRetry={() => minutes.refetch()} />;
  }
  return <MinutesView minutes={minutes.data} />;
}

function Section({ title, children, testid }: { title: string; children: ReactNode; testid: string }) {
  return (
    <section data-testid={testid} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-medium">{title}</h2>
      {children}
    </section>
  );
}

function MinutesView({ minutes }: { minutes: Minutes }) {
  const { t, locale } = useI18n();
  const status = (s: string | null | undefined) => (s ? t(`status.${s}` as "status.TODO") : "—");
  const none = <p className="text-sm text-slate-500">{t("minutes.none")}</p>;
  const board = `/groups/${minutes.groupId}/board`;
  const quoteLink = (segmentId: string | null | undefined) =>
    segmentId ? (
      <Link to={`/meetings/${minutes.meetingId}#seg-${segmentId}`} className="ml-1 text-xs text-indigo-700 hover:underline">
        {t("ticket.inTranscript")} →
      </Link>
    ) : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          {t("minutes.title")}: {minutes.title}
        </h1>
        <a
          data-testid="download-markdown"
          href={`/api/meetings/${minutes.meetingId}/minutes?format=markdown`}
          download
          className="ml-auto rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
        >
          ⬇ {t("minutes.download")}
        </a>
      </div>
      <p className="text-sm text-slate-500">
        {new Date(minutes.date).toLocaleDateString(locale)} · {t("minutes.duration", { minutes: minutes.duration.minutes })}
        {minutes.participants.length > 0 && ` · ${t("minutes.participants")}: ${minutes.participants.join(", ")}`}
      </p>
      <Section title={t("minutes.summary")} testid="minutes-summary">
        {minutes.summary ? <p className="whitespace-pre-wrap">{minutes.summary}</p> : none}
      </Section>
      <Section title={t("minutes.actionItems")} testid="minutes-action-items">
        {minutes.actionItems.length === 0 ? none : (
          <ul className="space-y-2">
            {minutes.actionItems.map((item) => (
              <li key={item.ticketId} data-testid="action-item" className="flex flex-wrap items-baseline gap-2">
                <Link to={`${board}?ticket=${item.ticketId}`} className="font-medium text-indigo-700 hover:underline">
                  {item.title}
                </Link>
                {item.assignee && <span className="rounded bg-slate-100 px-1.5 text-xs">@{item.assignee}</span>}
                <span className="text-xs text-slate-500">{status(item.status)}</span>
                {item.new && <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">{t("minutes.new")}</span>}
                {item.quote && <span className="text-sm italic text-slate-500">“{item.quote}”{quoteLink(item.segmentId)}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("minutes.decisions")} testid="minutes-decisions">
        {minutes.decisions.length === 0 ? none : (
          <ul className="list-disc space-y-1 pl-5">
            {minutes.decisions.map((d, i) => (
              <li key={i}>
                {d.quote}
                {quoteLink(d.segmentId)}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("minutes.blockers")} testid="minutes-blockers">
        {minutes.blockers.length === 0 ? none : (
          <ul className="list-disc space-y-1 pl-5">
            {minutes.blockers.map((b, i) => (
              <li key={i}>
                {b.text}
                {b.ticketId && (
                  <Link to={`${board}?ticket=${b.ticketId}`} className="ml-2 text-xs text-indigo-700 hover:underline">
                    #{b.ticketId.slice(0, 8)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("minutes.statusMoves")} testid="minutes-status-moves">
        {minutes.statusMoves.length === 0 ? none : (
          <ul className="space-y-1">
            {minutes.statusMoves.map((m, i) => (
              <li key={i} data-testid="status-move">
                <Link to={`${board}?ticket=${m.ticketId}`} className="font-medium text-indigo-700 hover:underline">
                  {m.title}
                </Link>
                : {status(m.from)} → <strong>{status(m.to)}</strong>
                {m.quote && <span className="ml-2 text-sm italic text-slate-500">“{m.quote}”{quoteLink(m.segmentId)}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
