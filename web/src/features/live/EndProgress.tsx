import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { api, unwrap, type Meeting } from "../../api/client";
import { ErrorView } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { meetingKeys } from "../meetings/queries";

const ORDER = ["ended", "processing", "done"];

/** After "End meeting": ended → processing → done (the meeting query polls), then links to board and minutes. */
export function EndProgress({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST("/api/meetings/{meeting_id}/retry", { params: { path: { meeting_id: meeting.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) }),
  });
  const extraction = useQuery({
    queryKey: [...meetingKeys.one(meeting.id), "extraction", meeting.state],
    queryFn: () => unwrap(api.GET("/api/meetings/{meeting_id}/extraction", { params: { path: { meeting_id: meeting.id } } })),
    enabled: meeting.state === "failed",
  });
  const reached = ORDER.indexOf(meeting.state);
  const steps = [
    { key: "ended", label: t("end.step.ended") },
    { key: "processing", label: t("end.step.processing") },
    { key: "done", label: t("end.step.done") },
  ];
  return (
    <section data-testid="end-progress" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {meeting.state !== "done" && <h2 className="font-medium">{t("end.title")}</h2>}
      <ol className="flex flex-wrap gap-4">
        {steps.map((step, index) => {
          const done = reached > index || meeting.state === "done";
          const current = reached === index && meeting.state !== "done";
          return (
            <li key={step.key} className={`flex items-center gap-2 text-sm ${done ? "text-emerald-700" : current ? "text-indigo-700" : "text-slate-400"}`}>
              <span className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${done ? "bg-emerald-100" : current ? "bg-indigo-100" : "bg-slate-100"}`}>
                {done ? "✓" : current ? <span className="h-2 w-2 animate-pulse rounded-full bg-indigo-600" /> : index + 1}
              </span>
              {step.label}
            </li>
          );
        })}
      </ol>
      {meeting.state === "failed" && (
        <div className="space-y-2">
          <ErrorView message={t("end.failed", { error: extraction.data?.error ?? "…" })} onRetry={() => retry.mutate()} />
          {retry.isError && <ErrorView error={retry.error} />}
        </div>
      )}
      {meeting.state === "done" && (
        <div className="flex gap-3">
          <Link data-testid="open-board" to={`/groups/${meeting.groupId}/board`} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
            {t("end.openBoard")}
          </Link>
          <Link data-testid="open-minutes" to={`/meetings/${meeting.id}/minutes`} className="rounded-md border border-indigo-600 px-4 py-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
            {t("end.openMinutes")}
          </Link>
        </div>
      )}
    </section>
  );
}
