import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/I18n";

export function Loading() {
  const { t } = useI18n();
  return (
    <div role="status" className="flex items-center gap-2 p-6 text-slate-500">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-indigo-600" />
      {t("state.loading")}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{children}</div>;
}

export function errorText(error: unknown, t: ReturnType<typeof useI18n>["t"]): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return t("error.unreachable");
    if (error.status === 404) return `${t("error.notFound")} ${error.message}`;
    return t("error.generic", { message: error.message });
  }
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}

/** An error as people should read it; `message` when the page knows better words than the error's. */
export function ErrorView({ error, message, onRetry }: { error?: unknown; message?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="flex items-center justify-between gap-4 rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      <span>{message ?? errorText(error, t)}</span>
      {onRetry && (
        <button onClick={onRetry} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700">
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}

const STATE_STYLES: Record<string, string> = {
  live: "bg-red-100 text-red-700",
  ended: "bg-amber-100 text-amber-800",
  processing: "bg-amber-100 text-amber-800",
  done: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

export function MeetingStateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  const known = ["live", "ended", "processing", "done", "failed"].includes(state);
  return (
    <span data-state={state} className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_STYLES[state] ?? "bg-slate-100"}`}>
      {known ? t(`state.${state}` as "state.live") : state}
    </span>
  );
}
