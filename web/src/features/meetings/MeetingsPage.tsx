import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api, unwrap } from "../../api/client";
import { Empty, ErrorView, Loading, MeetingStateBadge } from "../../components/States";
import { useI18n } from "../../i18n/I18n";
import { meetingKeys, useMeetings } from "./queries";

export function MeetingsPage() {
  const { t, locale } = useI18n();
  const meetings = useMeetings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("meetings.title")}</h1>
      <NewMeetingForm defaultLanguage={locale} />
      {meetings.isPending ? (
        <Loading />
      ) : meetings.isError ? (
        <ErrorView error={meetings.error} onRetry={() => meetings.refetch()} />
      ) : meetings.data.length === 0 ? (
        <Empty>{t("meetings.empty")}</Empty>
      ) : (
        <ul data-testid="meeting-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {meetings.data.map((meeting) => (
            <li key={meeting.id} className="flex items-center gap-4 px-4 py-3">
              <Link to={`/meetings/${meeting.id}`} className="font-medium text-indigo-700 hover:underline">
                {meeting.title}
              </Link>
              <MeetingStateBadge state={meeting.state} />
              <span className="text-sm text-slate-500">{new Date(meeting.createdAt).toLocaleString(locale)}</span>
              {meeting.state === "done" && (
                <Link to={`/meetings/${meeting.id}/minutes`} className="ml-auto text-sm text-indigo-700 hover:underline">
                  {t("meetings.minutes")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NewMeetingForm({ defaultLanguage }: { defaultLanguage: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [language, setLanguage] = useState(defaultLanguage);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/meetings", { body: { title: title.trim() || t("meetings.titlePlaceholder"), language } })),
    onSuccess: (meeting) => {
      queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      navigate(`/meetings/${meeting.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">{t("meetings.new")}</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-1 flex-col gap-1 text-sm">
          {t("meetings.titleLabel")}
          <input
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={t("meetings.titlePlaceholder")}
            maxLength={300}
            className="rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("meetings.language")}
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value)} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="en">{t("lang.en")}</option>
            <option value="ko">{t("lang.ko")}</option>
            <option value="auto">{t("lang.auto")}</option>
          </select>
        </label>
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {create.isPending ? t("meetings.creating") : t("meetings.create")}
        </button>
      </div>
      {create.isError && <ErrorView error={create.error} />}
    </form>
  );
}
