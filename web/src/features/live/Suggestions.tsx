import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorView } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import type { PendingSuggestion } from "./liveState";

/** Status moves heard but not sure enough to make alone: a person confirms or dismisses each one. Shown on the
 * live page as they come, and on a past meeting for those the end-of-meeting flow left waiting. */
export function Suggestions(props: {
  suggestions: PendingSuggestion[];
  titles: Map<string, string>;
  onResolved: (id: string, state: string) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: ({ id, action }: { id: string; action: "confirm" | "dismiss" }) =>
      action === "confirm"
        ? unwrap(api.POST("/api/suggestions/{suggestion_id}/confirm", { params: { path: { suggestion_id: id } } }))
        : unwrap(api.POST("/api/suggestions/{suggestion_id}/dismiss", { params: { path: { suggestion_id: id } } })),
    onSuccess: (suggestion) => {
      props.onResolved(suggestion.id, suggestion.state);
      void queryClient.invalidateQueries({ queryKey: ["board"] });
    },
  });
  if (props.suggestions.length === 0) return null;
  const status = (s: string) => t(`status.${s}` as "status.TODO");
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-medium">{t("live.suggestions")}</h2>
      <ul className="space-y-2">
        {props.suggestions.map((s) => (
          <li key={s.id} data-testid="suggestion" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
            <div className="font-medium">{props.titles.get(s.ticketId) ?? s.ticketId.slice(0, 8)}</div>
            <div>
              {status(s.from)} → <strong>{status(s.to)}</strong> · {Math.round(s.confidence * 100)}%
            </div>
            {s.quote && <div className="text-slate-600">{t("live.by", { quote: s.quote })}</div>}
            {s.state === "pending" ? (
              <div className="flex gap-2">
                <button onClick={() => resolve.mutate({ id: s.id, action: "confirm" })} className="rounded bg-emerald-600 px-3 py-1 text-white hover:bg-emerald-700">
                  {t("live.confirm")}
                </button>
                <button onClick={() => resolve.mutate({ id: s.id, action: "dismiss" })} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">
                  {t("live.dismiss")}
                </button>
              </div>
            ) : (
              <div className="text-slate-500">{t(s.state === "confirmed" ? "live.confirmed" : "live.dismissed")}</div>
            )}
          </li>
        ))}
      </ul>
      {resolve.isError && <ErrorView error={resolve.error} />}
    </section>
  );
}
