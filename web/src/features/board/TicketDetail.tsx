import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import { api, STATUSES, unwrap, type Ticket, type TicketStatus } from "../../api/client";
import { ErrorView, Loading } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { boardKeys } from "./queries";

/** A ticket's detail: fields, a status switch, and its history with the quoted evidence linking to the
 * moment in the meeting's transcript. */
export function TicketDetail(props: { ticketId: string; groupId: string; onClose: () => void; onMove: (ticket: Ticket, to: TicketStatus) => void }) {
  const { t, locale } = useI18n();
  const ticket = useQuery({
    queryKey: boardKeys.ticket(props.ticketId),
    queryFn: () => unwrap(api.GET("/api/tickets/{ticket_id}", { params: { path: { ticket_id: props.ticketId } } })),
  });
  const history = useQuery({
    queryKey: [...boardKeys.history(props.ticketId), ticket.data?.version],
    queryFn: () => unwrap(api.GET("/api/tickets/{ticket_id}/history", { params: { path: { ticket_id: props.ticketId } } })),
    enabled: !!ticket.data,
  });
  const status = (s: string | null | undefined) => (s ? t(`status.${s}` as "status.TODO") : "—");
  const { onClose } = props;
  useEffect(() => {
    const escape = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", escape);
    return () => window.removeEventListener("keydown", escape);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-10 flex justify-end bg-slate-900/30" onClick={props.onClose}>
      <aside
        role="dialog"
        aria-modal="true"
        data-testid="ticket-detail"
        onClick={(e) => e.stopPropagation()}
        className="h-full w-full max-w-md space-y-4 overflow-y-auto bg-white p-6 shadow-xl"
      >
        <div className="flex justify-end">
          <button onClick={props.onClose} className="text-sm text-slate-500 hover:text-slate-800">
            ✕ {t("ticket.close")}
          </button>
        </div>
        {ticket.isPending ? (
          <Loading />
        ) : ticket.isError ? (
          <ErrorView error={ticket.error} onRetry={() => ticket.refetch()} />
        ) : (
          <>
            <h2 className="text-xl font-semibold">{ticket.data.title}</h2>
            {ticket.data.content && <p className="whitespace-pre-wrap text-slate-700">{ticket.data.content}</p>}
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("ticket.status")}</dt>
              <dd>
                <select
                  aria-label={t("ticket.status")}
                  value={ticket.data.status}
                  onChange={(e) => props.onMove(ticket.data, e.target.value as TicketStatus)}
                  className="rounded border border-slate-300 px-2 py-1"
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {status(s)}
                    </option>
                  ))}
                </select>
              </dd>
              <dt className="text-slate-500">{t("ticket.assignee")}</dt>
              <dd>{ticket.data.assignee ?? <span className="text-slate-400">{t("ticket.nobody")}</span>}</dd>
              <dt className="text-slate-500">{t("ticket.version")}</dt>
              <dd>{ticket.data.version}</dd>
              {ticket.data.meetingId && (
                <>
                  <dt className="text-slate-500">{t("ticket.fromMeeting")}</dt>
                  <dd>
                    <Link className="text-indigo-700 hover:underline" to={`/meetings/${ticket.data.meetingId}`}>
                      {ticket.data.meetingId.slice(0, 8)}
                    </Link>
                  </dd>
                </>
              )}
            </dl>
            <h3 className="font-medium">{t("ticket.history")}</h3>
            {history.isPending ? (
              <Loading />
            ) : history.isError ? (
              <ErrorView error={history.error} onRetry={() => history.refetch()} />
            ) : history.data.length === 0 ? (
              <p className="text-sm text-slate-500">{t("ticket.historyEmpty")}</p>
            ) : (
              <ol data-testid="history" className="space-y-3 border-l-2 border-slate-200 pl-4">
                {history.data.map((event) => (
                  <li key={event.id} className="text-sm">
                    <div>
                      {event.from ? (
                        <>
                          {status(event.from)} → <strong>{status(event.to)}</strong>
                        </>
                      ) : (
                        t("ticket.created", { status: status(event.to) })
                      )}{" "}
                      <span className="text-slate-500">· {t(`ticket.cause.${event.cause}` as "ticket.cause.user")}</span>
                      {event.confidence != null && <span className="text-slate-500"> · {Math.round(event.confidence * 100)}%</span>}
                    </div>
                    <div className="text-xs text-slate-400">{new Date(event.createdAt).toLocaleString(locale)}</div>
                    {event.quote && (
                      <blockquote className="mt-1 border-l-4 border-amber-300 bg-amber-50 px-2 py-1 italic">
                        “{event.quote}”
                        {event.meetingId && (
                          <Link
                            data-testid="evidence-link"
                            to={`/meetings/${event.meetingId}${event.segmentId ? `#seg-${event.segmentId}` : ""}`}
                            className="ml-2 not-italic text-indigo-700 hover:underline"
                          >
                            {t("ticket.inTranscript")} →
                          </Link>
                        )}
                      </blockquote>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </aside>
    </div>
  );
}
